/** The point grid of automatic mask generation, in image pixels, and the coarse-to-fine order it is visited in. */

export interface GridPoint {
  x: number;
  y: number;
  column: number;
  row: number;
}

/** Cell centres of an n×n grid over the image, as segment-anything's build_point_grid. */
export function gridPoints(n: number, width: number, height: number): GridPoint[] {
  const points: GridPoint[] = [];
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++)
      points.push({ x: ((column + 0.5) / n) * width, y: ((row + 0.5) / n) * height, column, row });
  }
  return points;
}

/**
 * Position of i in the van der Corput order of 0..n−1 (bit reversal for a power of two): 0, n/2, n/4, 3n/4…
 * Visiting rows and columns in this order spreads the first points over the whole image.
 */
function spreadRank(i: number, n: number): number {
  let rank = 0;
  for (let bit = 1, half = n; half > 1; bit <<= 1, half >>= 1) if (i & (half >> 1)) rank |= bit;
  return rank;
}

/** Points sorted so that every prefix is a roughly even, ever finer sub-grid (2×2, 4×4, …, n×n). */
export function coarseToFine(points: GridPoint[], n: number): GridPoint[] {
  const bits = Math.ceil(Math.log2(Math.max(2, n)));
  const size = 1 << bits;
  const key = (p: GridPoint) => Math.max(spreadRank(p.column, size), spreadRank(p.row, size));
  return [...points].sort((a, b) => key(a) - key(b) || a.row - b.row || a.column - b.column);
}
