/**
 * DeepLab's per-pixel classes come from its low-resolution logits (upsampled-argmax.ts) since the manifest cuts
 * the graph's own upsampling: on real photos they must be exactly the classes the whole graph gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../image/decode';
import { modelPath } from '../manifest';
import { DEEPLAB_ADE151, segmentScene } from '.';
import { preprocess } from './preprocess';

const GALLERY = path.join(process.cwd(), 'models', 'gallery', 'images');

describe('segmentScene with DeepLab', () => {
  it.each(['09_living_room.jpg', '12_restaurant_kitchen_bowls.jpg'])(
    'gives %s the classes of the uncut graph',
    async (file) => {
      const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(GALLERY, file))));
      const S = DEEPLAB_ADE151.inputSize;
      const whole = await ort.InferenceSession.create(modelPath(DEEPLAB_ADE151.modelId));
      const { data } = await preprocess(image, S);
      const graph = await whole.run({ image: new ort.Tensor('uint8', data, [1, S, S, 3]) }, ['classes']);
      const segmentation = await segmentScene(image, DEEPLAB_ADE151);
      expect(segmentation.classes).toEqual(graph.classes.data);
    },
  );
});
