/** Box geometry shared by every layer: boxes are [x, y, width, height] in image pixels. */
import type { Box } from './analysis';

/** Width of the overlap of two intervals [a0, a1) and [b0, b1); 0 when apart. */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

const intersection = (a: Box, b: Box) =>
  overlap(a[0], a[0] + a[2], b[0], b[0] + b[2]) * overlap(a[1], a[1] + a[3], b[1], b[1] + b[3]);

/** Intersection over union; 0 for boxes without area. */
export function boxIou(a: Box, b: Box): number {
  const inter = intersection(a, b);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/** Share of `inner`'s area that lies inside `outer`; 0 when `inner` has no area. */
export function insideShare(inner: Box, outer: Box): number {
  const area = inner[2] * inner[3];
  return area > 0 ? intersection(inner, outer) / area : 0;
}
