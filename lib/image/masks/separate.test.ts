import { describe, expect, it } from 'vitest';
import { decodeRle, encodeRle, maskStats } from '../../shared/rle';
import type { Mask } from '../../shared/analysis';
import { separateMasks, subtractRuns } from './separate';

const mask = (height: number, width: number, fill: (x: number, y: number) => boolean): Mask => {
  const bits = new Uint8Array(height * width);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bits[y * width + x] = fill(x, y) ? 1 : 0;
  return { rle: encodeRle(bits, height, width), ...maskStats(bits, height, width), predictedIou: 0.9, source: 't' };
};

describe('separateMasks', () => {
  it('subtracts runs', () => {
    expect(
      subtractRuns(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [5, 8],
          [9, 22],
        ],
      ),
    ).toEqual([
      [0, 5],
      [8, 9],
      [22, 30],
    ]);
  });
  it('gives shared pixels to the smaller mask and keeps the runs, area and box right', () => {
    const big = mask(10, 12, (x, y) => x < 8 && y < 8);
    const small = mask(10, 12, (x, y) => x >= 6 && x < 10 && y >= 2 && y < 5);
    const changed = separateMasks(
      new Map([
        ['big', big],
        ['small', small],
      ]),
    );
    expect([...changed.keys()]).toEqual(['big']);
    const fixed = changed.get('big')!;
    const bits = decodeRle(fixed.rle);
    expect(fixed.area).toBe(64 - 6);
    expect(maskStats(bits, 10, 12)).toEqual({ area: fixed.area, bbox: fixed.bbox });
    expect(bits[3 * 12 + 7]).toBe(0);
    expect(bits[3 * 12 + 5]).toBe(1);
  });
});
