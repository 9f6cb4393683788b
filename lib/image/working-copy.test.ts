import { describe, expect, it } from 'vitest';
import type { DecodedImage } from './types';
import { pixelSource, withWorkingCopy, WORKING_LONG_SIDE } from './working-copy';

const image = (width: number, height: number): DecodedImage => ({
  width,
  height,
  rgb: new Uint8Array(width * height * 3).fill(90),
  hash: 'h',
});

describe('withWorkingCopy', () => {
  it('adds a copy with the long side at WORKING_LONG_SIDE only to larger images', async () => {
    expect((await withWorkingCopy(image(2048, 1000))).working).toBeUndefined();
    const big = await withWorkingCopy(image(4096, 3072));
    expect(big.working).toMatchObject({ width: WORKING_LONG_SIDE, height: 1536 });
    expect(big.working!.rgb.length).toBe(WORKING_LONG_SIDE * 1536 * 3);
    expect([big.width, big.height]).toEqual([4096, 3072]);
  });
});

describe('pixelSource', () => {
  it('reads a crop from the copy, its rect scaled, when the copy has the pixels the output needs', async () => {
    const big = await withWorkingCopy(image(4096, 3072));
    const source = pixelSource(big, { x0: 1000, y0: 500, x1: 3000, y1: 2501 }, 416, 416);
    expect(source.width).toBe(WORKING_LONG_SIDE);
    expect(source.rect).toEqual({ x0: 500, y0: 250, x1: 1500, y1: 1251 });
  });

  it('falls back to the original for a small crop enlarged, and when there is no copy', async () => {
    const big = await withWorkingCopy(image(4096, 3072));
    const rect = { x0: 10, y0: 10, x1: 310, y1: 310 };
    expect(pixelSource(big, rect, 224, 224).width).toBe(4096); // 300 px → 150 in the copy, fewer than 224
    expect(pixelSource(image(800, 600), rect, 224, 224).rect).toBe(rect);
  });
});
