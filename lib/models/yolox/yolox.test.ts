import { describe, expect, it } from 'vitest';
import { decodeRows } from './postprocess';
import { cutByTile, mergeTileBoxes, smallInFullView, type ViewBox } from './tiles';
import { tileGrid } from '../../image/crop';
import { letterboxGeometry, packLetterbox } from './preprocess';
import { COCO_CLASSES } from './classes';

const ROW = 85;
const ROWS = 52 * 52 + 26 * 26 + 13 * 13;

describe('letterbox', () => {
  it('scales the long side to 416 and keeps the aspect ratio', () => {
    expect(letterboxGeometry(1800, 1200)).toEqual({ r: 416 / 1800, resizedWidth: 416, resizedHeight: 277 });
    expect(letterboxGeometry(600, 1200)).toEqual({ r: 416 / 1200, resizedWidth: 208, resizedHeight: 416 });
  });

  it('places the image top-left in BGR order with 114 padding', () => {
    // 2×1 image: red pixel then blue pixel, packed into a 4×4 input.
    const rgb = new Uint8Array([255, 0, 0, 0, 0, 255]);
    const t = packLetterbox(rgb, 2, 1, 4);
    const plane = 16;
    expect([t[0], t[plane], t[2 * plane]]).toEqual([0, 0, 255]); // B, G, R of red
    expect([t[1], t[plane + 1], t[2 * plane + 1]]).toEqual([255, 0, 0]); // B, G, R of blue
    expect(t[2]).toBe(114); // right of the image
    expect(t[4]).toBe(114); // below the image
    expect(t.length).toBe(48);
  });
});

describe('decodeRows', () => {
  function outputWith(rowIndex: number, values: number[]): Float32Array {
    const out = new Float32Array(ROWS * ROW);
    out.set(values, rowIndex * ROW);
    return out;
  }

  it('decodes a stride-16 row into image coordinates', () => {
    // Row for stride 16, cell (gx=3, gy=2): index 52² + 2·26 + 3.
    const row = 52 * 52 + 2 * 26 + 3;
    const values = new Array(ROW).fill(0);
    values.splice(0, 5, 0.5, 0.5, Math.log(4), Math.log(2), 0.8);
    values[5 + 7] = 0.9; // truck
    const r = 0.5; // the image is twice the input scale
    const found = decodeRows(outputWith(row, values), { r, imageWidth: 1000, imageHeight: 1000, scoreFloor: 0.1 });
    expect(found).toHaveLength(1);
    const [det] = found;
    expect(COCO_CLASSES[det.classIndex]).toBe('truck');
    expect(det.score).toBeCloseTo(0.72, 5);
    // centre (3.5·16, 2.5·16) = (56, 40), size (64, 32) in input px → ×2 in image px
    det.box.forEach((v, i) => expect(v).toBeCloseTo([48, 48, 128, 64][i], 3));
  });

  it('clips to the image and drops rows under the floor', () => {
    const values = new Array(ROW).fill(0);
    values.splice(0, 5, 0, 0, Math.log(10), Math.log(10), 0.9);
    values[5] = 0.5;
    const out = outputWith(0, values); // stride 8 cell (0,0): centre (0,0), box spills off the top-left
    const found = decodeRows(out, { r: 1, imageWidth: 416, imageHeight: 416, scoreFloor: 0.3 });
    found[0].box.forEach((v, i) => expect(v).toBeCloseTo([0, 0, 40, 40][i], 3)); // w = 10·8 = 80, half off-image
    expect(decodeRows(out, { r: 1, imageWidth: 416, imageHeight: 416, scoreFloor: 0.5 })).toHaveLength(0);
  });

  it('rejects an output of the wrong length', () => {
    expect(() =>
      decodeRows(new Float32Array(ROW * 10), { r: 1, imageWidth: 10, imageHeight: 10, scoreFloor: 0.1 }),
    ).toThrow();
  });
});

describe('mergeTileBoxes', () => {
  const box = (classIndex: number, score: number, x: number, fromTile = false): ViewBox => ({
    classIndex,
    score,
    box: [x, 0, 100, 100],
    fromTile,
  });

  it('suppresses overlapping boxes of the same class only', () => {
    const kept = mergeTileBoxes([box(0, 0.6, 10), box(0, 0.9, 0), box(1, 0.5, 5), box(0, 0.4, 300)], 0.45);
    expect(kept.map((k) => [k.classIndex, k.score])).toEqual([
      [0, 0.9],
      [1, 0.5],
      [0, 0.4],
    ]);
  });

  it('drops a tile box that is a part of a kept box of its class, not a full-view one', () => {
    const whole = { classIndex: 7, score: 0.9, box: [0, 0, 400, 200], fromTile: false } as ViewBox;
    const part = (fromTile: boolean): ViewBox => ({ classIndex: 7, score: 0.5, box: [0, 0, 150, 150], fromTile });
    expect(mergeTileBoxes([whole, part(true)], 0.45)).toHaveLength(1);
    expect(mergeTileBoxes([whole, part(false)], 0.45)).toHaveLength(2);
  });
});

describe('tiles', () => {
  it('covers the image with overlapping tiles', () => {
    const tiles = tileGrid(1750, 700, 2, 0.25);
    expect(tiles).toEqual([
      { x0: 0, y0: 0, x1: 1000, y1: 400 },
      { x0: 750, y0: 0, x1: 1750, y1: 400 },
      { x0: 0, y0: 300, x1: 1000, y1: 700 },
      { x0: 750, y0: 300, x1: 1750, y1: 700 },
    ]);
  });

  it('counts a box on an inner tile edge as cut, one on the image border as whole', () => {
    const tile = { x0: 750, y0: 0, x1: 1750, y1: 400 };
    expect(cutByTile([0, 100, 50, 50], tile, 1750, 700)).toBe(true); // left edge lies inside the image
    expect(cutByTile([950, 0, 50, 50], tile, 1750, 700)).toBe(false); // top and right are the image's borders
    expect(cutByTile([500, 380, 50, 20], tile, 1750, 700)).toBe(true); // bottom edge is inside the image
  });

  it('keeps tile boxes only for objects under COCO "large" in the full 416-px view', () => {
    // 2080 px wide: the full view scales by 0.2, so 480 px becomes 96.
    expect(smallInFullView([0, 0, 470, 470], 2080, 1000)).toBe(true);
    expect(smallInFullView([0, 0, 490, 490], 2080, 1000)).toBe(false);
  });
});
