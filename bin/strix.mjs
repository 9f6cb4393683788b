#!/usr/bin/env node
/**
 * `npx strix …`: the batch CLI (lib/cli). The sources are TypeScript, so tsx's loaders are registered first,
 * as the `tsx` command does, with this project's tsconfig (for the `@/` paths) wherever it is run from.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsconfig = path.join(root, 'tsconfig.json');
process.env.TSX_TSCONFIG_PATH = tsconfig; // how tsx's CommonJS loader is told
registerEsm({ tsconfig });
registerCjs();
// The pipeline finds its weights and word lists from the working directory (models/weights, node_modules):
// run it from the project, and resolve the user's paths against where the command was typed.
const invokedFrom = process.cwd();
process.chdir(root);

// The project is CommonJS to Node (no "type": "module"), so the TypeScript module arrives as `default`.
const cli = await import(path.join(root, 'lib', 'cli', 'main.ts'));
process.exitCode = await (cli.main ?? cli.default.main)(process.argv.slice(2), invokedFrom);
