/**
 * The point deepest inside a region (farthest from its edge), by a two-pass chamfer distance transform (3-4
 * weights, Borgefors 1986). Where a region is several pieces, the deepest point lies in the broadest one: the
 * visible body of a car rather than a sliver of road beside it.
 */

/** `pixels`: row-major, non-zero = in the region. Undefined for an empty region. */
export function deepestPoint(pixels: Uint8Array, width: number): { x: number; y: number } | undefined {
  const height = pixels.length / width;
  const far = 1 << 30;
  const d = new Int32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) d[i] = pixels[i] ? far : 0;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? 0 : d[y * width + x]);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!d[i]) continue;
      d[i] = Math.min(d[i], at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4);
    }
  let best = -1,
    bestAt = -1;
  for (let y = height - 1; y >= 0; y--)
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (!d[i]) continue;
      d[i] = Math.min(d[i], at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4);
      if (d[i] > best) [best, bestAt] = [d[i], i];
    }
  return bestAt < 0 ? undefined : { x: bestAt % width, y: Math.floor(bestAt / width) };
}
