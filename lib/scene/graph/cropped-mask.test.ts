import { describe, expect, it } from 'vitest';
import { encodeRle, maskStats } from '@/lib/shared/rle';
import { boxCoreMask, decodeRleCropped, maskAt, rleCentroid, shrinkCroppedMask } from './cropped-mask';

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

  it('builds box cores', () => {
    const core = boxCoreMask([0, 0, 8, 4], 100, 100);
    expect([core.x0, core.y0, core.width, core.height]).toEqual([2, 1, 4, 2]);
  });

  it('finds the centroid of an RLE mask, runs crossing columns included', () => {
    const width = 5,
      height = 4;
    const full = new Uint8Array(width * height);
    // Column 1 rows 2–3 and column 2 rows 0–1 are one run in column-major order; plus pixel (4, 3).
    for (const [x, y] of [
      [1, 2],
      [1, 3],
      [2, 0],
      [2, 1],
      [4, 3],
    ])
      full[y * width + x] = 1;
    const { bbox } = maskStats(full, height, width);
    // Centres: x (1.5·2 + 2.5·2 + 4.5) / 5 = 2.5, y (2.5 + 3.5 + 0.5 + 1.5 + 3.5) / 5 = 2.3.
    const [cx, cy] = rleCentroid(encodeRle(full, height, width), bbox)!;
    expect(cx).toBeCloseTo(2.5, 12);
    expect(cy).toBeCloseTo(2.3, 12);
    expect(rleCentroid(encodeRle(new Uint8Array(width * height), height, width), [0, 0, 0, 0])).toBeNull();
  });

  it('shrinks a crop to a half-size copy, each copy pixel taking the image pixel under its centre', () => {
    // Image pixels x, y in 2..5; only the bottom-right 2 × 2 (x, y in 4..5) set.
    const data = new Uint8Array(16);
    for (const i of [10, 11, 14, 15]) data[i] = 1;
    const shrunk = shrinkCroppedMask({ x0: 2, y0: 2, width: 4, height: 4, data }, 0.5, 0.5);
    expect([shrunk.x0, shrunk.y0, shrunk.width, shrunk.height]).toEqual([1, 1, 2, 2]);
    // Copy pixel (1, 1) reads image pixel (3, 3), copy (2, 2) reads (5, 5).
    expect([...shrunk.data]).toEqual([0, 0, 0, 1]);
  });
});
