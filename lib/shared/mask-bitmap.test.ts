import { describe, expect, it } from 'vitest';
import { decodeMask, hitTest, hitTestBoxes, maskPixels, pickHoverPoint, type ClientMask } from './mask-bitmap';
import { encodeRle } from '@/lib/shared/rle';
import { hexToRgb, textColorOn } from './color';
import type { Mask } from '@/lib/shared/analysis';

const W = 20;
const H = 10;

/** A wire mask for a filled rectangle [x, y, w, h] on a W×H image. */
function rectMask(x: number, y: number, w: number, h: number): Mask {
  const bits = new Uint8Array(W * H);
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) bits[yy * W + xx] = 1;
  return { rle: encodeRle(bits, H, W), area: w * h, bbox: [x, y, w, h], predictedIou: 0.9, source: 'test' };
}

function decoded(id: string, mask: Mask): ClientMask {
  const result = decodeMask(id, mask);
  if (!result) throw new Error('empty');
  return result;
}

describe('decodeMask', () => {
  it('crops to the tight box and finds the centroid', () => {
    const mask = decoded('a', rectMask(3, 2, 4, 5));
    expect(mask.bbox).toEqual([3, 2, 4, 5]);
    expect(mask.area).toBe(20);
    expect(mask.bits.length).toBe(20);
    expect(mask.centroid).toEqual([5, 4.5]);
  });

  it('returns null for an empty mask', () => {
    const empty: Mask = {
      rle: { size: [H, W], counts: [W * H] },
      area: 0,
      bbox: [0, 0, 0, 0],
      predictedIou: 0,
      source: 't',
    };
    expect(decodeMask('x', empty)).toBeNull();
  });
});

describe('hitTest', () => {
  const big = decoded('big', rectMask(0, 0, 20, 10));
  const small = decoded('small', rectMask(5, 3, 3, 3));

  it('prefers the smallest mask containing the pixel, in any order', () => {
    expect(hitTest([big, small], 6, 4)).toBe('small');
    expect(hitTest([small, big], 6.7, 4.2)).toBe('small');
    expect(hitTest([big, small], 1, 1)).toBe('big');
  });

  it('between masks of nearly the same size (one object labelled twice) the higher score wins', () => {
    const truck = decoded('truck', rectMask(2, 2, 10, 6));
    const car = decoded('car', rectMask(2, 2, 10, 5));
    const scores: Record<string, number> = { truck: 0.9, car: 0.58 };
    expect(hitTest([truck, car], 5, 4)).toBe('car'); // without scores: plain smallest area
    expect(hitTest([truck, car], 5, 4, (id) => scores[id])).toBe('truck');
    expect(hitTest([big, small], 6, 4, (id) => (id === 'big' ? 1 : 0))).toBe('small'); // much smaller still wins
  });

  it('returns null outside every mask', () => {
    expect(hitTest([small], 0, 0)).toBeNull();
    expect(hitTest([small], 8, 4)).toBeNull(); // just right of the 3-wide box
  });

  it('falls back to the smallest box', () => {
    const boxes = [
      { id: 'outer', box: [0, 0, 10, 10] as [number, number, number, number] },
      { id: 'inner', box: [2, 2, 3, 3] as [number, number, number, number] },
    ];
    expect(hitTestBoxes(boxes, 3, 3)).toBe('inner');
    expect(hitTestBoxes(boxes, 8, 8)).toBe('outer');
    expect(hitTestBoxes(boxes, 11, 1)).toBeNull();
  });
});

describe('pickHoverPoint', () => {
  it('uses the centroid when it hits the mask itself', () => {
    const alone = decoded('a', rectMask(0, 0, 10, 10));
    expect(pickHoverPoint(alone, [alone], 1)).toEqual([5, 5]);
  });

  it('moves off a smaller object covering the centroid, to a point that hit-tests to the entity', () => {
    const big = decoded('big', rectMask(0, 0, 20, 10));
    const cover = decoded('cover', rectMask(7, 2, 6, 6));
    const point = pickHoverPoint(big, [big, cover], 1);
    expect(point).not.toBeNull();
    expect(hitTest([big, cover], point![0], point![1])).toBe('big');
  });

  it('returns null when the mask is entirely covered by a smaller one', () => {
    const under = decoded('under', rectMask(2, 2, 4, 4));
    const same = decoded('same', rectMask(2, 2, 4, 3));
    expect(pickHoverPoint(under, [under, same], 2)).toBeNull();
  });
});

describe('colours', () => {
  it('parses short and long hex and paints only foreground pixels', () => {
    expect(hexToRgb('#ff9896')).toEqual([255, 152, 150]);
    expect(hexToRgb('#abc')).toEqual([170, 187, 204]);
    const mask = decoded('a', rectMask(0, 0, 2, 1));
    const pixels = maskPixels(mask, '#010203');
    expect(Array.from(pixels)).toEqual([1, 2, 3, 255, 1, 2, 3, 255]);
  });
});

describe('textColorOn', () => {
  it('picks dark text on light labels and white on dark ones', () => {
    expect(textColorOn('#bcbd22')).toBe('#000000');
    expect(textColorOn('#1f77b4')).toBe('#ffffff');
    expect(textColorOn('#ad1457')).toBe('#ffffff');
  });
});
