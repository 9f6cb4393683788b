/** What a detector gives (yolox/), in the shape the analysis stages take it. */
import type { Box, NamedLabel } from '../shared/analysis';

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
