import { describe, expect, it } from 'vitest';
import { clothesColours, LOWER_BODY, rowBand, UPPER_BODY } from './clothes';
import type { CroppedMask } from './cropped-mask';

// A 2-wide, 10-tall mask at (5, 20) whose row r holds the value r + 1 (so each band's rows can be read back).
const tall: CroppedMask = {
  x0: 5,
  y0: 20,
  width: 2,
  height: 10,
  data: Uint8Array.from({ length: 20 }, (_, i) => Math.floor(i / 2) + 1),
};

describe('rowBand', () => {
  it('keeps the rows between the two shares of the height, placed where they are in the image', () => {
    const upper = rowBand(tall, UPPER_BODY);
    expect([upper.y0, upper.height]).toEqual([22, 3]);
    expect([...upper.data]).toEqual([3, 3, 4, 4, 5, 5]);
    const lower = rowBand(tall, LOWER_BODY);
    expect([lower.y0, lower.height]).toEqual([25, 4]);
    expect(lower.data[0]).toBe(6);
  });

  it('is empty, not out of bounds, for a mask one row tall', () => {
    const band = rowBand({ ...tall, height: 1, data: new Uint8Array(2) }, UPPER_BODY);
    expect(band.height).toBeGreaterThanOrEqual(0);
    expect(band.data.length).toBe(band.height * band.width);
  });
});

describe('clothesColours', () => {
  it('votes on the upper and the lower band apart', () => {
    const seen: number[] = [];
    const colours = clothesColours(tall, (band) => {
      seen.push(band.y0);
      return { name: band.y0 < 25 ? 'red' : 'blue', share: 1 };
    });
    expect(colours).toEqual({ upper: 'red', lower: 'blue' });
    expect(seen).toEqual([22, 25]);
  });
});
