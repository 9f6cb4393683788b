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

/** A click in image pixels: 1 on the object, 0 off it (SAM's point labels). */
export interface Click {
  x: number;
  y: number;
  label: typeof POSITIVE_CLICK | typeof NEGATIVE_CLICK;
}
export const POSITIVE_CLICK = 1 as const;
export const NEGATIVE_CLICK = 0 as const;

/** Clicks and a box as one prompt, clicks first as SAM's predictor orders them, scaled as boxPrompt does. */
export function clicksAndBoxPrompt(clicks: Click[], box: Box, geometry: SamGeometry): SamPrompt {
  const sx = geometry.resizedWidth / geometry.width;
  const sy = geometry.resizedHeight / geometry.height;
  const corners = boxPrompt(box, geometry);
  return {
    coords: new Float32Array([...clicks.flatMap((c) => [c.x * sx, c.y * sy]), ...corners.coords]),
    labels: new Float32Array([...clicks.map((c) => c.label), ...corners.labels]),
  };
}
