/** yolox-nano object detector: 80 COCO classes, boxes in image pixels; optionally on overlapping tiles too. */
import { getSession, ort } from '../session';
import { cropResize } from '../../image/crop';
import type { PixelRect } from '../../image/types';
import type { DecodedImage } from '../../image/types';
import type { Detection } from '../detection';
import { COCO_CLASSES } from './classes';
import { decodeRows, NMS_IOU, type ScoredBox } from './postprocess';
import { letterboxGeometry, packLetterbox, YOLOX_INPUT_SIZE } from './preprocess';
import { cutByTile, mergeTileBoxes, smallInFullView, tilesFor, type ViewBox } from './tiles';

export const YOLOX_MODEL_ID = 'yolox-nano';

export interface DetectOptions {
  /** Also detect on overlapping tiles of large photos (small objects); default true. */
  tiles?: boolean;
}

/** One detector pass over a rectangle of the image, boxes in image pixels. */
async function detectIn(image: DecodedImage, rect: PixelRect, scoreFloor: number): Promise<ScoredBox[]> {
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

/** Detections scoring at least scoreFloor (objectness × class probability), merged class by class, best first. */
export async function detectObjects(
  image: DecodedImage,
  scoreFloor: number,
  options: DetectOptions = {},
): Promise<Detection[]> {
  const full = { x0: 0, y0: 0, x1: image.width, y1: image.height };
  const found: ViewBox[] = (await detectIn(image, full, scoreFloor)).map((b) => ({ ...b, fromTile: false }));
  const tiles = options.tiles === false ? [] : tilesFor(image.width, image.height);
  for (const tile of tiles) {
    for (const b of await detectIn(image, tile, scoreFloor)) {
      if (cutByTile(b.box, tile, image.width, image.height) || !smallInFullView(b.box, image.width, image.height))
        continue;
      found.push({ ...b, box: [b.box[0] + tile.x0, b.box[1] + tile.y0, b.box[2], b.box[3]], fromTile: true });
    }
  }
  return mergeTileBoxes(found, NMS_IOU).map((c) => ({
    label: COCO_CLASSES[c.classIndex],
    score: c.score,
    box: c.box,
    source: YOLOX_MODEL_ID,
    ...(c.fromTile && { fromTile: true }),
  }));
}
