/** Helpers the benchmarks share: the sample photos, medians and timing. */
import fs from 'node:fs';
import path from 'node:path';

export const SAMPLES_DIR = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

/** The sample photos (optionally only those whose names contain one of `wanted`), sorted by name. */
export function samplePhotos(wanted?: string[]): { file: string; bytes: Uint8Array }[] {
  const files = fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .filter((f) => !wanted || wanted.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) throw new Error(`No sample images matched in ${SAMPLES_DIR}`);
  return files.map((file) => ({ file, bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, file))) }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}
