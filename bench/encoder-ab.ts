/**
 * fp32 vs int8 SAM encoder on the sample photos: `npx tsx bench/encoder-ab.ts [--runs 3]`.
 * Times both encoders interleaved in one process (the order alternates each round, so load on a shared machine
 * falls on both alike) and compares their masks: every photo's masked things (the analysis's boxes) decoded by
 * the same decoder from each embedding, IoU of int8's mask with fp32's. Writes bench/results/encoder-ab.json.
 * This is the measurement behind STRIX_SAM_ENCODER's default (lib/models/sam/encoder-variant.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR } from '../lib/shared/analysis';
import { decodeRle } from '../lib/shared/rle';
import { clearEmbeddingCache, encodeImage, segmentBox, type SamEncoderVariant } from '../lib/models/sam';
import { cpuHasVnni } from '../lib/models/sam/variants';
import { detectObjects } from '../lib/models/detector';
import { decodeImage } from '../lib/image/decode';
import { mergeCrossClassDuplicates } from '../lib/analysis/duplicates';
import { groundTags } from '../lib/analysis/stages/grounding';
import { tagsFromDetections } from '../lib/analysis/stages/tagging';
import { median, samplePhotos, timed } from './util';

const VARIANTS: SamEncoderVariant[] = ['fp32', 'int8'];
const RESULTS_FILE = path.resolve(process.cwd(), 'bench', 'results', 'encoder-ab.json');

function maskIou(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i] & b[i];
    either += a[i] | b[i];
  }
  return either === 0 ? 1 : both / either;
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
  const times: Record<SamEncoderVariant, number[]> = { fp32: [], int8: [] };
  const ious: number[] = [];
  const perImage = [];
  for (const [round, { file, bytes }] of samplePhotos().entries()) {
    const image = await decodeImage(bytes);
    const detections = mergeCrossClassDuplicates(await detectObjects(image, SERVER_SCORE_FLOOR));
    const things = groundTags(tagsFromDetections(detections), detections, MAX_MASKED_ENTITIES).slice(
      0,
      MAX_MASKED_ENTITIES,
    );
    const imageTimes: Record<SamEncoderVariant, number[]> = { fp32: [], int8: [] };
    for (let run = 0; run < runs; run++) {
      const order = (round + run) % 2 ? [...VARIANTS].reverse() : VARIANTS;
      for (const variant of order) {
        clearEmbeddingCache();
        imageTimes[variant].push((await timed(() => encodeImage(image, image, variant)))[1]);
      }
    }
    const [fp32, int8] = await Promise.all(VARIANTS.map((v) => encodeImage(image, image, v)));
    const imageIous = [];
    for (const thing of things) {
      const [a, b] = await Promise.all([segmentBox(fp32, thing.box), segmentBox(int8, thing.box)]);
      imageIous.push(maskIou(decodeRle(a.rle), decodeRle(b.rle)));
    }
    ious.push(...imageIous);
    VARIANTS.forEach((v) => times[v].push(...imageTimes[v]));
    const row = {
      image: file,
      fp32Ms: Math.round(median(imageTimes.fp32)),
      int8Ms: Math.round(median(imageTimes.int8)),
      masks: imageIous.length,
      minIou: Math.min(...imageIous),
    };
    perImage.push(row);
    console.log(
      `${file.padEnd(34)} fp32 ${row.fp32Ms} ms  int8 ${row.int8Ms} ms  masks ${row.masks}  lowest IoU ${row.minIou.toFixed(3)}`,
    );
  }
  const sorted = [...ious].sort((a, b) => a - b);
  const summary = {
    fp32MedianMs: Math.round(median(times.fp32)),
    int8MedianMs: Math.round(median(times.int8)),
    speedup: Math.round((median(times.fp32) / median(times.int8)) * 100) / 100,
    masks: ious.length,
    iouMedian: Math.round(median(ious) * 1000) / 1000,
    iouLowest: Math.round(sorted[0] * 1000) / 1000,
    iouAtLeast097: ious.filter((v) => v >= 0.97).length,
  };
  console.log(
    `\nmedian encoder: fp32 ${summary.fp32MedianMs} ms, int8 ${summary.int8MedianMs} ms (${summary.speedup}×)`,
  );
  console.log(
    `mask IoU int8 vs fp32 over ${summary.masks} masks: median ${summary.iouMedian}, lowest ${summary.iouLowest}, ${summary.iouAtLeast097} ≥ 0.97`,
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, vnni: cpuHasVnni(), loadAverage: os.loadavg() },
    runs,
    summary,
    images: perImage,
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
