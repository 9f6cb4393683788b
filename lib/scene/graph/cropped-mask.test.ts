import { describe, expect, it } from 'vitest';
import { encodeRle, maskStats } from '@/lib/shared/rle';
import {
  boxCoreMask,
  countSet,
  decodeRleCropped,
  forEveryNthSet,
  lazyRleCropped,
  maskAt,
  rleCentroid,
  shrinkCroppedMask,
  shrinkRleCropped,
} from './cropped-mask';

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

  it('shrinks straight from the RLE to exactly what decoding the crop and shrinking it gives', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 60; trial++) {
      const width = 20 + Math.floor(random() * 90);
      const height = 20 + Math.floor(random() * 90);
      const full = new Uint8Array(width * height);
      // A few blobs, some touching the image's edges.
      for (let b = 0; b < 3; b++) {
        const cx = random() * width,
          cy = random() * height,
          r = 3 + random() * 25;
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) full[y * width + x] = 1;
      }
      const rle = encodeRle(full, height, width);
      const tight = maskStats(full, height, width).bbox;
      // The tight box, and a box that cuts the mask (pixels outside it must stay out).
      const cut: typeof tight = [tight[0] + 1.5, tight[1] + 0.5, Math.max(0, tight[2] - 3), Math.max(0, tight[3] - 2)];
      for (const box of [tight, cut]) {
        const sx = 0.2 + random() * 0.75;
        const sy = trial % 3 ? sx : 0.2 + random() * 0.75;
        const expected = shrinkCroppedMask(decodeRleCropped(rle, box), sx, sy);
        const got = shrinkRleCropped(rle, box, sx, sy);
        expect([got.x0, got.y0, got.width, got.height]).toEqual([
          expected.x0,
          expected.y0,
          expected.width,
          expected.height,
        ]);
        expect(Buffer.from(got.data).equals(Buffer.from(expected.data))).toBe(true);
      }
    }
    // 4000 × 3000 into its 2048 × 1536 working copy.
    const big = new Uint8Array(4000 * 3000);
    for (let y = 1000; y < 2600; y++) big.fill(1, y * 4000 + 700 + (y % 37), y * 4000 + 3100 - (y % 23));
    const rle = encodeRle(big, 3000, 4000);
    const box = maskStats(big, 3000, 4000).bbox;
    const expected = shrinkCroppedMask(decodeRleCropped(rle, box), 2048 / 4000, 1536 / 3000);
    const got = shrinkRleCropped(rle, box, 2048 / 4000, 1536 / 3000);
    expect(Buffer.from(got.data).equals(Buffer.from(expected.data))).toBe(true);
  });
});

describe('lazyRleCropped', () => {
  it('reads a point from the runs as the decoded crop has it, before and after its pixels are decoded', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const width = 57,
      height = 41;
    const full = new Uint8Array(width * height).map(() => (random() < 0.4 ? 1 : 0));
    const rle = encodeRle(full, height, width);
    const box: [number, number, number, number] = [5, 3, 40, 30];
    const decoded = decodeRleCropped(rle, box);
    const lazy = lazyRleCropped(rle, box);
    const points = Array.from({ length: 400 }, () => [Math.floor(random() * 50), Math.floor(random() * 38)]);
    const read = () => points.map(([x, y]) => maskAt(lazy, x, y));
    const expected = points.map(([x, y]) => maskAt(decoded, x, y));
    expect(read()).toEqual(expected);
    expect(lazy.data.length).toBe(decoded.data.length); // decodes now
    expect(read()).toEqual(expected);
  });
});

describe('countSet and forEveryNthSet', () => {
  /** Pseudo-random 0/1 bytes with runs, as masks have. */
  const mask = (length: number, seed: number) => {
    let state = seed;
    let bit = 0;
    return Uint8Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      if (state % 7 === 0) bit ^= 1;
      return bit;
    });
  };

  it('count and pick as a pixel-by-pixel scan does, whatever the alignment and length', () => {
    const buffer = mask(1000, 3);
    for (const [offset, length] of [
      [0, 1000],
      [1, 997],
      [2, 5],
      [3, 2],
      [0, 0],
    ]) {
      const data = buffer.subarray(offset, offset + length);
      const scanned = data.reduce((a, b) => a + b, 0);
      expect(countSet(data)).toBe(scanned);
      for (const stride of [1, 2, 3, 17]) {
        const expected: number[] = [];
        let seen = 0;
        data.forEach((v, j) => {
          if (v && seen++ % stride === 0) expected.push(j);
        });
        const picked: number[] = [];
        forEveryNthSet(data, stride, (j) => picked.push(j));
        expect(picked).toEqual(expected);
      }
    }
  });
});
