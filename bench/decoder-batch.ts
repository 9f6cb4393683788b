/**
 * `tsx bench/decoder-batch.ts [--images 01,02] [--rounds 3]`: the pipeline's box prompts decoded one run per box
 * vs. as the segmentation stage does it (the first box alone, the rest in one batched run; prompt-batch.ts).
 * Per photo it takes the boxes the analysis masks, then times both ways round by round, interleaved, and
 * compares the masks: IoU of the thresholded 256² low-resolution masks (logits > 0), batched against one at a
 * time. Run it once per decoder (STRIX_SAM_DECODER=fp32 | int8): int8's activations are quantized per run, so a
 * batch shares one scale and its masks can move a little.
 */
import { MAX_MASKED_ENTITIES, type Box } from '../lib/shared/analysis';
import { boxLogits, boxesLogits } from '../lib/models/sam/decoder';
import { encodeImage, samDecoderModelId } from '../lib/models/sam';
import { decodeImage } from '../lib/image/decode';
import { analyseTimed } from './analyse';
import { median, samplePhotos } from './util';
import { samEncoderVariant } from '../lib/models/sam';

const argv = process.argv.slice(2);
const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const rounds = Number(value('--rounds') ?? 3);
const photos = samplePhotos(value('--images')?.split(',').filter(Boolean));

function iou(a: Float32Array, b: Float32Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] > 0;
    const y = b[i] > 0;
    if (x && y) both++;
    if (x || y) either++;
  }
  return either === 0 ? 1 : both / either;
}

async function main() {
  const oneByOne: number[] = [];
  const batched: number[] = [];
  const ious: number[] = [];
  let boxesSeen = 0;
  for (const { file, bytes } of photos) {
    const { scene } = await analyseTimed(bytes, samEncoderVariant(), false);
    const boxes: Box[] = scene.entities
      .filter((e) => e.kind === 'thing')
      .slice(0, MAX_MASKED_ENTITIES)
      .map((e) => e.box);
    if (boxes.length < 2) continue;
    boxesSeen += boxes.length;
    const embedding = await encodeImage(await decodeImage(bytes));
    const single = async () => {
      const out = [];
      for (const box of boxes) out.push(await boxLogits(embedding, box));
      return out;
    };
    const asStage = async () => [
      await boxLogits(embedding, boxes[0]),
      ...(await boxesLogits(embedding, boxes.slice(1))),
    ];
    const a = await single();
    const b = await asStage();
    a.forEach((x, i) => ious.push(iou(x.lowRes, b[i].lowRes)));
    const perPhoto = { single: [] as number[], batch: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      await single();
      perPhoto.single.push(performance.now() - t);
      t = performance.now();
      await asStage();
      perPhoto.batch.push(performance.now() - t);
    }
    oneByOne.push(median(perPhoto.single));
    batched.push(median(perPhoto.batch));
    console.error(
      `${file}: ${boxes.length} boxes, one by one ${median(perPhoto.single).toFixed(0)} ms, batched ${median(perPhoto.batch).toFixed(0)} ms`,
    );
  }
  ious.sort((x, y) => x - y);
  console.log(
    JSON.stringify(
      {
        decoder: samDecoderModelId(),
        photos: oneByOne.length,
        boxes: boxesSeen,
        medianPerPhotoMs: { oneByOne: +median(oneByOne).toFixed(1), batched: +median(batched).toFixed(1) },
        totalMs: {
          oneByOne: +oneByOne.reduce((s, x) => s + x, 0).toFixed(0),
          batched: +batched.reduce((s, x) => s + x, 0).toFixed(0),
        },
        maskIouBatchedVsOne: { median: +median(ious).toFixed(4), min: +ious[0].toFixed(4) },
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
