import { configDefaults, defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'models/**/*.test.ts', 'app/**/*.test.ts'],
    // Needs the production build and real servers: `npm run test:cluster` (vitest.cluster.config.ts).
    exclude: [...configDefaults.exclude, 'tests/cluster/**'],
    environment: 'node',
    globalSetup: ['tests/setup/bundle-server.ts'],
    // Integration tests load real ONNX models: two cores, so keep files from fighting over them.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
