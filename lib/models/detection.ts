/** What a detector gives (yolox/, yolov5/; detector.ts chooses), in the shape the analysis stages take it. */
import type { Box, NamedLabel } from '../shared/analysis';

/** One (box, class) of a detector pass, before the passes are merged (detector.ts). */
export interface ScoredBox {
  classIndex: number;
  score: number;
  box: Box; // [x, y, w, h] in image pixels
}

/** One box from a detector, in image pixels. */
export interface Detection {
  label: string;
  score: number;
  box: Box;
  source: string;
  /** Other classes the detector gave the same object (see lib/analysis/duplicates.ts). */
  alternatives?: NamedLabel[];
  /** Found on a tile rather than the full view (calibrated separately: tiles add more false boxes). */
  fromTile?: boolean;
}
