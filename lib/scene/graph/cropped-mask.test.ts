import { describe, expect, it } from 'vitest';
import { encodeRle, maskStats } from '@/lib/shared/rle';
import { boxCoreMask, decodeRleCropped, maskAt, maskCentroid } from './cropped-mask';

describe('decodeRleCropped', () => {
  it('matches the full decode inside the bbox', () => {
    const width = 13,
      height = 7;
    const full = new Uint8Array(width * height);
    for (const [x, y] of [
      [3, 2],
      [4, 2],
      [4, 3],
      [5, 4],
      [8, 6],
    ])
      full[y * width + x] = 1;
    const { bbox } = maskStats(full, height, width);
    const crop = decodeRleCropped(encodeRle(full, height, width), bbox);
    expect([crop.x0, crop.y0, crop.width, crop.height]).toEqual([3, 2, 6, 5]);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) expect(maskAt(crop, x, y)).toBe(full[y * width + x]);
  });

  it('finds the centroid and builds box cores', () => {
    const core = boxCoreMask([0, 0, 8, 4], 100, 100);
    expect([core.x0, core.y0, core.width, core.height]).toEqual([2, 1, 4, 2]);
    expect(maskCentroid(core)).toEqual([4, 2]);
  });
});
