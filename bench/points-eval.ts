/**
 * Point mode evaluation: `npx tsx bench/points-eval.ts`. The samples have no ground-truth masks, so the reference
 * for each detected entity is the mask SAM gives for its detector box (what the analysis shows). A simulated user
 * clicks as in the usual interactive-segmentation protocol (NoC, as in RITM/SAM papers): the first click on the
 * reference nearest its centroid, each next click inside the larger error (a positive click on what is missed, a
 * negative one on what is wrongly selected), stopping at IoU 0.9 as NoC@90 does. The table gives the median IoU with the reference after 1, 2 and 3
 * clicks and the median decode time per click. Written to bench/results/points.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR } from '../lib/shared/analysis';
import { encodeImage, segmentPoints, type PointClick } from '../lib/models/sam';
import { detectObjects } from '../lib/models/detector';
import { innerPoint } from '../lib/image/masks/inner-point';
import { decodeImage } from '../lib/image/decode';
import { groundTags } from '../lib/analysis/stages/grounding';
import { segmentEntities } from '../lib/analysis/stages/segmentation';
import { tagsFromDetections } from '../lib/analysis/stages/tagging';
import { decodeRle } from '../lib/shared/rle';

const SAMPLES_DIR = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const RESULTS_FILE = path.resolve(process.cwd(), 'bench', 'results', 'points.json');
const CLICKS = 3;
/** As in NoC@90: a user stops clicking once the mask is this good, so later clicks cannot spoil it. */
const GOOD_ENOUGH = 0.9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function iou(a: Uint8Array, b: Uint8Array): number {
  let inter = 0,
    union = 0;
  for (let i = 0; i < a.length; i++) (inter += a[i] & b[i]), (union += a[i] | b[i]);
  return union ? inter / union : 1;
}

/** Next simulated click: inside the missed part (positive) or the wrongly selected part (negative), whichever is larger. */
function nextClick(reference: Uint8Array, predicted: Uint8Array, width: number): PointClick | undefined {
  const missed = reference.map((r, i) => r & (predicted[i] ^ 1));
  const extra = predicted.map((p, i) => p & (reference[i] ^ 1));
  const [missedArea, extraArea] = [missed.reduce((s, v) => s + v, 0), extra.reduce((s, v) => s + v, 0)];
  const positive = missedArea >= extraArea;
  const point = innerPoint(positive ? missed : extra, width);
  return point && { ...point, positive };
}

async function main(): Promise<void> {
  const files = fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  const rows = [];
  const all: { ious: number[][]; ms: number[] } = { ious: Array.from({ length: CLICKS }, () => []), ms: [] };
  console.log(
    [
      'image'.padEnd(34),
      'ents',
      ...Array.from({ length: CLICKS }, (_, i) => `IoU@${i + 1}`.padStart(7)),
      'ms/click'.padStart(9),
    ].join(' '),
  );
  for (const file of files) {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, file))));
    const detections = await detectObjects(image, SERVER_SCORE_FLOOR);
    const entities = groundTags(tagsFromDetections(detections), detections, MAX_MASKED_ENTITIES);
    const references = await segmentEntities(image, entities);
    const embedding = await encodeImage(image);
    const ious: number[][] = Array.from({ length: CLICKS }, () => []);
    const ms: number[] = [];
    for (const mask of references.values()) {
      const reference = decodeRle(mask.rle);
      const first = innerPoint(reference, image.width);
      if (!first) continue;
      const clicks: PointClick[] = [{ ...first, positive: true }];
      let score = 0;
      for (let k = 0; k < CLICKS; k++) {
        if (score < GOOD_ENOUGH) {
          const started = performance.now();
          const predicted = decodeRle((await segmentPoints(embedding, clicks)).rle);
          ms.push(performance.now() - started);
          score = iou(reference, predicted);
          const next = nextClick(reference, predicted, image.width);
          if (next) clicks.push(next);
        }
        ious[k].push(score);
      }
    }
    ious.forEach((values, k) => all.ious[k].push(...values));
    all.ms.push(...ms);
    const row = {
      image: file,
      entities: ious[0].length,
      medianIou: ious.map((v) => (v.length ? +median(v).toFixed(2) : null)),
      medianMsPerClick: ms.length ? Math.round(median(ms)) : null,
    };
    rows.push(row);
    console.log(
      [
        file.padEnd(34),
        String(row.entities).padStart(4),
        ...row.medianIou.map((v) => String(v ?? '–').padStart(7)),
        String(row.medianMsPerClick ?? '–').padStart(9),
      ].join(' '),
    );
  }
  const overall = {
    entities: all.ious[0].length,
    medianIou: all.ious.map((v) => +median(v).toFixed(2)),
    medianMsPerClick: Math.round(median(all.ms)),
  };
  console.log(
    [
      'all'.padEnd(34),
      String(overall.entities).padStart(4),
      ...overall.medianIou.map((v) => String(v).padStart(7)),
      String(overall.medianMsPerClick).padStart(9),
    ].join(' '),
  );
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(
    RESULTS_FILE,
    JSON.stringify({ date: new Date().toISOString(), clicks: CLICKS, images: rows, overall }, null, 2) + '\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
