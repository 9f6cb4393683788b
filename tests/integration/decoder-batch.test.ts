/**
 * The SAM decoder with its prompt batch freed (lib/models/sam/prompt-batch.ts) on a real photo: several boxes
 * in one run give the masks one run per box gives. fp32 must match to the logits' rounding; the int8 decoder
 * quantizes each run's activations with one scale, so a batch may move its masks a little (its default on VNNI
 * CPUs is measured in bench/decoder-batch.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '@/lib/image/decode';
import { encodeImage } from '@/lib/models/sam';
import { boxLogits, boxesLogits } from '@/lib/models/sam/decoder';
import { samDecoderVariant } from '@/lib/models/sam/variants';
import type { Box } from '@/lib/shared/analysis';

const PHOTO = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '04_horses.jpg');

function iou(a: Float32Array, b: Float32Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > 0 && b[i] > 0) both++;
    if (a[i] > 0 || b[i] > 0) either++;
  }
  return either ? both / either : 1;
}

describe('batched box prompts', () => {
  it('give each box the mask a run of its own gives', async () => {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(PHOTO)));
    const embedding = await encodeImage(image);
    const { width: w, height: h } = image;
    const boxes: Box[] = [
      [0.05 * w, 0.3 * h, 0.3 * w, 0.4 * h],
      [0.4 * w, 0.35 * h, 0.25 * w, 0.4 * h],
      [0.6 * w, 0.1 * h, 0.35 * w, 0.5 * h],
    ];
    const batched = await boxesLogits(embedding, boxes);
    expect(batched).toHaveLength(3);
    for (const [i, box] of boxes.entries()) {
      const single = await boxLogits(embedding, box);
      const overlap = iou(single.lowRes, batched[i].lowRes);
      expect(overlap).toBeGreaterThan(samDecoderVariant() === 'fp32' ? 0.999 : 0.9);
      expect(batched[i].predictedIou).toBeCloseTo(single.predictedIou, samDecoderVariant() === 'fp32' ? 3 : 1);
    }
  }, 60_000);
});
