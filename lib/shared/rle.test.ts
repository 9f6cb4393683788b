import { describe, expect, it } from 'vitest';
import { decodeRle, decodeRleInBox, encodeRle } from './rle';
import type { Box } from './analysis';

describe('decodeRleInBox', () => {
  // 13 × 9 with runs that cross column boundaries (a full column, a run from one column's bottom into the next).
  const W = 13,
    H = 9;
  const mask = new Uint8Array(W * H).map((_, i) => ((i * 7919) % 11 < 4 || i % W === 5 ? 1 : 0));
  const rle = encodeRle(mask, H, W);
  const full = decodeRle(rle);

  it.each<[string, Box]>([
    ['an inner box', [2, 1, 6, 5]],
    ['the whole image', [0, 0, W, H]],
    ['a box over the edge, fractional', [9.5, 6.2, 10, 10]],
    ['an empty box', [4, 4, 0, 0]],
  ])('equals the full decode cropped to %s', (_name, box) => {
    const crop = decodeRleInBox(rle, box);
    for (let y = 0; y < crop.height; y++) {
      for (let x = 0; x < crop.width; x++)
        expect(crop.bits[y * crop.width + x]).toBe(full[(crop.y0 + y) * W + crop.x0 + x]);
    }
    expect(crop.x0 + crop.width).toBeLessThanOrEqual(W);
    expect(crop.y0 + crop.height).toBeLessThanOrEqual(H);
  });
});
