/** `v` kept within [lo, hi]: a coordinate held inside the image (box corners, resampling positions). */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, hi));
}
