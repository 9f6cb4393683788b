/** What one run of the segmenter gives (index.ts) and what its readers take (confidence.ts, the regions stage). */
import type { SegmenterGeometry } from './preprocess';
import type { SegmenterSpec } from './spec';

export interface SceneSegmentation {
  spec: SegmenterSpec;
  geometry: SegmenterGeometry;
  /** Class names, index = class id (0 = other). */
  labels: readonly string[];
  /** Argmax class per input pixel, S×S row-major (padding included). */
  classes: Int32Array;
  /** Raw logits [classes, side, side], one cell every 4 input pixels. */
  lowres: { data: Float32Array; classCount: number; side: number };
}
