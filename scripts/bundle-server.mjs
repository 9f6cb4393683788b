/**
 * Bundles the code that runs outside Next's own bundle: the inference worker (piscina loads it by path) and the
 * batch CLI (`npx strix`). Both run as plain JavaScript from `dist/`, so production needs neither the TypeScript
 * compiler nor the source tree, and a broken import fails here, at build time, not when a user uploads.
 * npm packages stay outside the bundle (native addons such as onnxruntime-node, sharp and better-sqlite3 must).
 * CommonJS output because the project is CommonJS to Node and esbuild's interop then matches what tsx did.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const requireFromRoot = createRequire(path.join(process.cwd(), 'package.json'));

/** npm packages stay external, but one that does not resolve must fail the build as a missing file would. */
const externalsMustResolve = {
  name: 'externals-must-resolve',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./@]|^@[^/]+\// }, ({ path: specifier }) => {
      if (specifier.startsWith('node:')) return { path: specifier, external: true };
      try {
        requireFromRoot.resolve(specifier);
      } catch {
        try {
          requireFromRoot.resolve(
            `${specifier
              .split('/')
              .slice(0, specifier.startsWith('@') ? 2 : 1)
              .join('/')}/package.json`,
          );
        } catch {
          return { errors: [{ text: `cannot resolve the package "${specifier}"` }] };
        }
      }
      return { path: specifier, external: true };
    });
  },
};

export const ENTRY_POINTS = {
  'inference-worker': 'lib/server/inference/tasks.ts',
  cli: 'lib/cli/main.ts',
};

export async function bundleServer({ entryPoints = ENTRY_POINTS, outdir = 'dist' } = {}) {
  await build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [externalsMustResolve],
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) await bundleServer();
