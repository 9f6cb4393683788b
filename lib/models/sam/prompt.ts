/** SAM decoder prompts, in the 1024-scaled input frame. */
import type { Box } from '../../shared/analysis';
import type { SamGeometry } from './preprocess';

/** SAM ONNX point labels: 2 and 3 mark a box's top-left and bottom-right corners. */
const BOX_TOP_LEFT = 2;
const BOX_BOTTOM_RIGHT = 3;

export interface SamPrompt {
  coords: Float32Array; // [1, N, 2] as x, y pairs
  labels: Float32Array; // [1, N]
}

/**
 * A box prompt: its two corners, scaled per axis as SAM's apply_coords does. With a box present the ONNX
 * decoder needs no padding point (that is only added for clicks without a box).
 */
export function boxPrompt(box: Box, geometry: SamGeometry): SamPrompt {
  const sx = geometry.resizedWidth / geometry.width;
  const sy = geometry.resizedHeight / geometry.height;
  const [x, y, w, h] = box;
  return {
    coords: new Float32Array([x * sx, y * sy, (x + w) * sx, (y + h) * sy]),
    labels: new Float32Array([BOX_TOP_LEFT, BOX_BOTTOM_RIGHT]),
  };
}
