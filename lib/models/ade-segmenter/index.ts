/**
 * ADE20K semantic segmentation (DeepLabV3 or MOSAIC, see spec.ts): one session.run per image, asking only for
 * `logits_lowres` and, where spec.classes says so, `classes` (the full-size `logits` output is 151×S² floats we
 * never need; the manifest's `reads` cut it, and DeepLab's `classes`, from the graph). It runs on a
 * side thread (../side-thread), so the regions stage can start it early and overlap the other models.
 */
import fs from 'node:fs';
import { modelPath } from '../manifest';
import { ort } from '../session';
import { sideThreadSession } from '../side-thread';
import type { DecodedImage } from '../../image/types';
import { preprocess } from './preprocess';
import { upsampledArgmax } from './upsampled-argmax';
import type { SceneSegmentation } from './segmentation';
import type { SegmenterSpec } from './spec';

export { DEEPLAB_ADE151, MOSAIC_ADE32, type SegmenterSpec } from './spec';
export { classProbabilities, type ClassProbabilities } from './confidence';
export type { SceneSegmentation } from './segmentation';

const labelCache = new Map<string, readonly string[]>();

export function segmenterLabels(spec: SegmenterSpec): readonly string[] {
  let labels = labelCache.get(spec.classesId);
  if (!labels) {
    labels = fs
      .readFileSync(modelPath(spec.classesId), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    labelCache.set(spec.classesId, labels);
  }
  return labels;
}

export async function segmentScene(image: DecodedImage, spec: SegmenterSpec): Promise<SceneSegmentation> {
  const labels = segmenterLabels(spec); // before the session, so a missing list fails as fast as missing weights
  const session = await sideThreadSession(spec.modelId);
  const { data, geometry } = await preprocess(image, spec.inputSize);
  const S = spec.inputSize;
  const wanted = spec.classes === 'model' ? ['classes', 'logits_lowres'] : ['logits_lowres'];
  const outputs = await session.run({ image: new ort.Tensor('uint8', data, [1, S, S, 3]) }, wanted);
  const [, classCount, side] = outputs.logits_lowres.dims;
  if (classCount !== labels.length)
    throw new Error(`${spec.modelId} gives ${classCount} classes; ${spec.classesId} lists ${labels.length}.`);
  const lowres = { data: outputs.logits_lowres.data as Float32Array, classCount, side };
  const classes = spec.classes === 'model' ? (outputs.classes.data as Int32Array) : upsampledArgmax(lowres, S);
  return { spec, geometry, labels, classes, lowres };
}
