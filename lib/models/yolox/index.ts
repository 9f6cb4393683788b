/** yolox-nano object detector: 80 COCO classes, boxes in image pixels. */
import { getSession, ort } from '../session';
import type { DecodedImage, Detection } from '../../pipeline/types';
import { COCO_CLASSES } from './classes';
import { decodeRows, nmsPerClass } from './postprocess';
import { preprocess, YOLOX_INPUT_SIZE } from './preprocess';

export const YOLOX_MODEL_ID = 'yolox-nano';

/** Detections scoring at least scoreFloor (objectness × class probability), after per-class NMS, best first. */
export async function detectObjects(image: DecodedImage, scoreFloor: number): Promise<Detection[]> {
  const session = await getSession(YOLOX_MODEL_ID);
  const { data, r } = await preprocess(image);
  const input = new ort.Tensor('float32', data, [1, 3, YOLOX_INPUT_SIZE, YOLOX_INPUT_SIZE]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const output = outputs[session.outputNames[0]].data as Float32Array;
  const candidates = decodeRows(output, { r, imageWidth: image.width, imageHeight: image.height, scoreFloor });
  return nmsPerClass(candidates).map((c) => ({
    label: COCO_CLASSES[c.classIndex],
    score: c.score,
    box: c.box,
    source: YOLOX_MODEL_ID,
  }));
}
