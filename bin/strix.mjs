#!/usr/bin/env node
/**
 * `npx strix …`: the batch CLI (lib/cli), run from its bundle (dist/cli.cjs, made by `npm install` and
 * `npm run build` through scripts/bundle-server.mjs), so no TypeScript is compiled at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  console.error(`strix: ${path.relative(process.cwd(), bundle)} is missing; run \`npm run build:server\` in ${root}.`);
  process.exit(2);
}
// The pipeline finds its weights and word lists from the working directory (models/weights, node_modules):
// run it from the project, and resolve the user's paths against where the command was typed.
const invokedFrom = process.cwd();
process.chdir(root);
const cli = createRequire(import.meta.url)(bundle);
process.exitCode = await cli.main(process.argv.slice(2), invokedFrom);
