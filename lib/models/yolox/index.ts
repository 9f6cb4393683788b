/** yolox-nano object detector: 80 COCO classes at 416 px; lib/models/detector.ts chooses it or YOLOv5s. */
import { getSession, ort } from '../session';
import { cropResize } from '../../image/crop';
import type { DecodedImage, PixelRect } from '../../image/types';
import type { ScoredBox } from '../detection';
import { decodeRows } from './postprocess';
import { letterboxGeometry, packLetterbox, YOLOX_INPUT_SIZE } from './preprocess';

export const YOLOX_MODEL_ID = 'yolox-nano';

/** One detector pass over a rectangle of the image, boxes in the rectangle's pixels (lib/models/detector.ts runs it). */
export async function detectInYolox(image: DecodedImage, rect: PixelRect, scoreFloor: number): Promise<ScoredBox[]> {
  const session = await getSession(YOLOX_MODEL_ID);
  const width = rect.x1 - rect.x0,
    height = rect.y1 - rect.y0;
  const { r, resizedWidth, resizedHeight } = letterboxGeometry(width, height);
  const rgb = await cropResize(image, rect, resizedWidth, resizedHeight);
  const input = new ort.Tensor('float32', packLetterbox(rgb, resizedWidth, resizedHeight), [
    1,
    3,
    YOLOX_INPUT_SIZE,
    YOLOX_INPUT_SIZE,
  ]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const output = outputs[session.outputNames[0]].data as Float32Array;
  return decodeRows(output, { r, imageWidth: width, imageHeight: height, scoreFloor });
}
