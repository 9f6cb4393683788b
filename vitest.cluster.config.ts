/**
 * The multi-machine test (tests/cluster): real web servers from the production build and worker processes, so it
 * runs after `npm run build` (`npm run test:cluster`), apart from the unit and integration tests.
 */
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
