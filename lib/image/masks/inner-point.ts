/**
 * A point surely on a mask: the foreground pixel nearest its centroid (the centroid itself can fall outside, as
 * in a ring or a bent arm). Used to place a simulated click when measuring point mode.
 */

/** `pixels`: row-major, non-zero = on the mask. Undefined for an empty mask. */
export function innerPoint(pixels: Uint8Array, width: number): { x: number; y: number } | undefined {
  let sumX = 0,
    sumY = 0,
    count = 0;
  for (let i = 0; i < pixels.length; i++) {
    if (!pixels[i]) continue;
    sumX += i % width;
    sumY += Math.floor(i / width);
    count++;
  }
  if (count === 0) return undefined;
  const [cx, cy] = [sumX / count, sumY / count];
  let best = { x: 0, y: 0, distance: Infinity };
  for (let i = 0; i < pixels.length; i++) {
    if (!pixels[i]) continue;
    const [x, y] = [i % width, Math.floor(i / width)];
    const distance = (x - cx) ** 2 + (y - cy) ** 2;
    if (distance < best.distance) best = { x, y, distance };
  }
  return { x: best.x, y: best.y };
}
