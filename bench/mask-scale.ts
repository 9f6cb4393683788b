/**
 * `npx tsx bench/mask-scale.ts [--images 01,08]`: what computing masks in SAM's ≤ 1024 frame and upsampling
 * once (lib/models/sam/postprocess.ts) costs in quality and saves in time on big photos. Each sample photo
 * is resized to 12 MP (long side 4000); for every entity the same decoder logits are post-processed both
 * ways — at image resolution (the old path) and in the working frame — and the masks compared by IoU.
 * Writes bench/results/mask-scale.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR } from '../lib/shared/analysis';
import { decodeRle } from '../lib/shared/rle';
import { encodeImage } from '../lib/models/sam';
import { boxLogits } from '../lib/models/sam/decoder';
import { encodeRegionMask, lowResLogitsToMask } from '../lib/models/sam/postprocess';
import { detectObjects } from '../lib/models/detector';
import { decodeImage } from '../lib/image/decode';
import { groundTags } from '../lib/analysis/stages/grounding';
import { tagsFromDetections } from '../lib/analysis/stages/tagging';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const wanted = process.argv.includes('--images')
  ? process.argv[process.argv.indexOf('--images') + 1].split(',')
  : undefined;

function iou(a: Uint8Array, b: Uint8Array): number {
  let both = 0,
    either = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] & b[i]) both++;
    if (a[i] | b[i]) either++;
  }
  return either ? both / either : 1;
}

async function main(): Promise<void> {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => /\.jpe?g$/i.test(f) && (!wanted || wanted.some((w) => f.includes(w))))
    .sort();
  const rows = [];
  for (const file of files) {
    const big = await sharp(fs.readFileSync(path.join(SAMPLES, file)))
      .resize(4000, 4000, { fit: 'inside' })
      .jpeg({ quality: 90 })
      .toBuffer();
    const image = await decodeImage(new Uint8Array(big));
    const detections = await detectObjects(image, SERVER_SCORE_FLOOR);
    const entities = groundTags(tagsFromDetections(detections), detections, MAX_MASKED_ENTITIES);
    const embedding = await encodeImage(image);
    const ious: number[] = [];
    let fullMs = 0,
      frameMs = 0;
    for (const entity of entities) {
      const { lowRes } = await boxLogits(embedding, entity.box);
      let started = performance.now();
      const full = encodeRegionMask(
        lowResLogitsToMask(lowRes, embedding.geometry, entity.box, { width: image.width, height: image.height }),
        embedding.geometry,
      );
      fullMs += performance.now() - started;
      started = performance.now();
      const framed = encodeRegionMask(lowResLogitsToMask(lowRes, embedding.geometry, entity.box), embedding.geometry);
      frameMs += performance.now() - started;
      ious.push(iou(decodeRle(full.rle), decodeRle(framed.rle)));
    }
    const row = {
      image: file,
      size: `${image.width}×${image.height}`,
      masks: ious.length,
      meanIou: ious.length ? Number((ious.reduce((a, b) => a + b, 0) / ious.length).toFixed(4)) : null,
      minIou: ious.length ? Number(Math.min(...ious).toFixed(4)) : null,
      imageResMs: Math.round(fullMs),
      frameMs: Math.round(frameMs),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.table(rows);
  const all = rows.filter((r) => r.masks > 0);
  const summary = {
    masks: all.reduce((n, r) => n + r.masks, 0),
    minIou: Math.min(...all.map((r) => r.minIou ?? 1)),
    imageResMs: all.reduce((n, r) => n + r.imageResMs, 0),
    frameMs: all.reduce((n, r) => n + r.frameMs, 0),
  };
  console.log(summary);
  fs.mkdirSync(path.resolve('bench', 'results'), { recursive: true });
  fs.writeFileSync(
    path.resolve('bench', 'results', 'mask-scale.json'),
    JSON.stringify({ date: new Date().toISOString(), rows, summary }, null, 2) + '\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
