/**
 * The segmenter's opinion of each detected thing: which of its classes covers most of the thing's SAM mask.
 * When that class names a different COCO class (ADE "sofa" under the detector's "bed") and the segmenter is
 * surer of it than the detector is of its own class, the segmenter's name becomes an alternative of the thing,
 * so the detection is questioned where the user sees it. Agreement, a surer detector (DeepLab calls horses
 * "person" with less confidence than the detector's "horse"), and ADE classes with no COCO counterpart (wall,
 * "animal") leave the thing as it is.
 */
import type { SceneSegmentation } from '../../models/ade-segmenter';
import type { NamedLabel } from '../../shared/analysis';
import { forEachColumnRun } from '../../shared/rle';
import type { SceneEntity } from '../../scene/types';

/** ADE20K thing classes and the COCO class each one is. */
const COCO_OF_ADE: Readonly<Record<string, string>> = {
  person: 'person',
  car: 'car',
  bus: 'bus',
  truck: 'truck',
  airplane: 'airplane',
  boat: 'boat',
  ship: 'boat',
  bicycle: 'bicycle',
  minibike: 'motorcycle',
  sofa: 'couch',
  bed: 'bed',
  chair: 'chair',
  armchair: 'chair',
  'swivel chair': 'chair',
  'television receiver': 'tv',
  'crt screen': 'tv',
  book: 'book',
  bottle: 'bottle',
  vase: 'vase',
  clock: 'clock',
  refrigerator: 'refrigerator',
  oven: 'oven',
  microwave: 'microwave',
  sink: 'sink',
  toilet: 'toilet',
  bench: 'bench',
  'traffic light': 'traffic light',
  ball: 'sports ball',
};

/** The segmenter's class must cover most of the mask to count as its view of the object. */
const MAJORITY = 0.5;

export function secondOpinions(
  seg: SceneSegmentation,
  things: readonly SceneEntity[],
  meanByClass: Float64Array,
): Map<string, NamedLabel> {
  const { classes, geometry, labels, spec } = seg;
  const opinions = new Map<string, NamedLabel>();
  for (const thing of things) {
    if (!thing.mask || thing.mask.area === 0) continue;
    const [height, width] = thing.mask.rle.size;
    const sx = geometry.resizedWidth / width,
      sy = geometry.resizedHeight / height;
    const counts = new Float64Array(labels.length);
    // Each image row's offset in the class map, and where the stretch of rows that share its class-map row
    // ends: a column run then counts a stretch at a time, not a pixel at a time (a 12 MP mask's column holds
    // ~6 image rows per class-map row).
    const rowOffset = Int32Array.from({ length: height }, (_, y) => Math.floor(y * sy) * geometry.inputSize);
    const stretchEnd = new Int32Array(height);
    for (let y = height - 1; y >= 0; y--)
      stretchEnd[y] = y + 1 < height && rowOffset[y + 1] === rowOffset[y] ? stretchEnd[y + 1] : y + 1;
    forEachColumnRun(thing.mask.rle, (x, top, bottom) => {
      const column = Math.floor(x * sx);
      for (let y = top; y < bottom; ) {
        const end = Math.min(bottom, stretchEnd[y]);
        counts[classes[rowOffset[y] + column]] += end - y;
        y = end;
      }
    });
    let top = 0;
    for (let c = 1; c < counts.length; c++) if (counts[c] > counts[top]) top = c;
    const coco = COCO_OF_ADE[labels[top]];
    const score = Math.min(1, Math.max(0, meanByClass[top]));
    if (!coco || coco === thing.label || counts[top] < MAJORITY * thing.mask.area || score <= (thing.score ?? 1))
      continue;
    opinions.set(thing.id, { label: labels[top], score, source: spec.source });
  }
  return opinions;
}
