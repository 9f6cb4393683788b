import { describe, expect, it } from 'vitest';
import { dbPostprocess, detInputSize, packDetInput, readingOrder } from './detect';
import { REC_HEIGHT, cropRect, ctcGreedyDecode, isVertical, packRecCrop, parseCharset, recWidth } from './recognize';
import type { Box } from '../../shared/analysis';

describe('detInputSize', () => {
  it('caps the longer side at 960 and rounds both sides to multiples of 32', () => {
    expect(detInputSize(1920, 1080)).toEqual({ width: 960, height: 544 }); // 540 → 544
    expect(detInputSize(1080, 1920)).toEqual({ width: 544, height: 960 });
  });

  it('does not upscale small images beyond rounding, and never goes under 32', () => {
    expect(detInputSize(640, 427)).toEqual({ width: 640, height: 416 });
    expect(detInputSize(100, 50)).toEqual({ width: 96, height: 64 });
    expect(detInputSize(10, 5)).toEqual({ width: 32, height: 32 });
  });
});

describe('packDetInput', () => {
  it('normalises with the ImageNet mean/std in BGR order by default', () => {
    const rgb = new Uint8Array([255, 0, 0]); // one red pixel
    const bgr = packDetInput(rgb, 1, 1);
    expect(bgr[0]).toBeCloseTo((0 - 0.485) / 0.229, 5); // blue channel, mean[0]
    expect(bgr[1]).toBeCloseTo((0 - 0.456) / 0.224, 5);
    expect(bgr[2]).toBeCloseTo((1 - 0.406) / 0.225, 5); // red, mean[2]
    const rgbOrder = packDetInput(rgb, 1, 1, 'rgb');
    expect(rgbOrder[0]).toBeCloseTo((1 - 0.485) / 0.229, 5);
  });
});

/** A map with rectangles of constant probability; rect = [x, y, w, h, p]. */
function mapWith(width: number, height: number, rects: number[][]): Float32Array {
  const prob = new Float32Array(width * height);
  for (const [x, y, w, h, p] of rects) {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) prob[yy * width + xx] = p;
  }
  return prob;
}

describe('dbPostprocess', () => {
  it('turns a confident region into an unclipped box scaled to the image', () => {
    const prob = mapWith(64, 32, [[10, 10, 20, 4, 0.9]]);
    const [found, ...rest] = dbPostprocess({ prob, mapWidth: 64, mapHeight: 32, imageWidth: 128, imageHeight: 64 });
    expect(rest).toHaveLength(0);
    expect(found.score).toBeCloseTo(0.9, 5);
    // d = 20·4·1.5 / (2·24) = 2.5 map px on every side, then ×2 to image px.
    found.box.forEach((v, i) => expect(v).toBeCloseTo([15, 15, 50, 18][i], 5));
  });

  it('drops thin components and those with a low mean probability', () => {
    const prob = mapWith(64, 32, [
      [2, 2, 30, 2, 0.9], // 2 px short side
      [2, 10, 20, 5, 0.5], // above the pixel threshold, under the box threshold
      [2, 20, 20, 5, 0.2], // under the pixel threshold
    ]);
    expect(dbPostprocess({ prob, mapWidth: 64, mapHeight: 32, imageWidth: 64, imageHeight: 32 })).toEqual([]);
  });

  it('scores by the mean inside the component and clips boxes at the image edge', () => {
    // Half at 0.95, half at 0.35: mean 0.65 passes; the region touches the top-left corner.
    const prob = mapWith(32, 32, [
      [0, 0, 5, 4, 0.95],
      [5, 0, 5, 4, 0.35],
    ]);
    const [found] = dbPostprocess({ prob, mapWidth: 32, mapHeight: 32, imageWidth: 32, imageHeight: 32 });
    expect(found.score).toBeCloseTo(0.65, 5);
    expect(found.box[0]).toBe(0);
    expect(found.box[1]).toBe(0);
    const d = (10 * 4 * 1.5) / (2 * 14);
    expect(found.box[2]).toBeCloseTo(10 + d, 5);
    expect(found.box[3]).toBeCloseTo(4 + d, 5);
  });

  it('returns separate regions in reading order', () => {
    const prob = mapWith(100, 60, [
      [60, 29, 20, 6, 0.9], // line 2, right (top 1 px higher than its neighbour)
      [10, 30, 20, 6, 0.9], // line 2, left
      [40, 5, 30, 6, 0.9], // line 1
    ]);
    const boxes = dbPostprocess({ prob, mapWidth: 100, mapHeight: 60, imageWidth: 100, imageHeight: 60 });
    expect(boxes.map((b) => Math.round(b.box[0] + b.box[2] / 2))).toEqual([55, 20, 70]);
  });

  it('rejects a map of the wrong size', () => {
    expect(() =>
      dbPostprocess({ prob: new Float32Array(10), mapWidth: 4, mapHeight: 4, imageWidth: 4, imageHeight: 4 }),
    ).toThrow();
  });
});

describe('readingOrder', () => {
  const at = (x: number, y: number) => ({ box: [x, y, 10, 10] as Box });
  it('orders by line, then left to right within a line', () => {
    const sorted = readingOrder([at(50, 104), at(0, 100), at(30, 0), at(0, 200)]);
    expect(sorted.map((s) => [s.box[0], s.box[1]])).toEqual([
      [30, 0],
      [0, 100],
      [50, 104],
      [0, 200],
    ]);
  });
});

describe('recognition input', () => {
  it('crops to whole pixels inside the image', () => {
    expect(cropRect([-3.5, 2.2, 10, 5], 20, 20)).toEqual({ x: 0, y: 2, width: 7, height: 6 });
    expect(cropRect([30, 0, 5, 5], 20, 20)).toBeUndefined();
  });

  it('keeps the aspect ratio at height 48, capped, and rotates tall crops', () => {
    expect(recWidth({ x: 0, y: 0, width: 100, height: 24 }, 320)).toBe(200);
    expect(recWidth({ x: 0, y: 0, width: 1000, height: 24 }, 320)).toBe(320);
    expect(isVertical({ x: 0, y: 0, width: 20, height: 30 })).toBe(true);
    expect(recWidth({ x: 0, y: 0, width: 20, height: 60 }, 320)).toBe(144); // read as 60 × 20
  });

  it('packs BGR in [-1, 1] with zero padding to the batch width', () => {
    // 2×1 image: white, black; resized to 4 × 48 in a batch 6 wide, slot 1 of 2.
    const rgb = new Uint8Array([255, 255, 255, 0, 0, 0]);
    const batchWidth = 6;
    const plane = REC_HEIGHT * batchWidth;
    const tensor = new Float32Array(2 * 3 * plane);
    packRecCrop(tensor, 1, batchWidth, rgb, 2, { x: 0, y: 0, width: 2, height: 1 }, 4);
    const row = Array.from(tensor.subarray(3 * plane, 3 * plane + batchWidth));
    // OpenCV half-pixel bilinear: source x = −0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
    [1, 0.5, -0.5, -1, 0, 0].forEach((v, i) => expect(row[i]).toBeCloseTo(v, 5));
    expect(tensor.subarray(0, 3 * plane).every((v) => v === 0)).toBe(true); // slot 0 untouched
  });

  it('reads a vertical crop top-to-bottom as left-to-right', () => {
    // 1×3 column: red, green, blue from top; rotated it becomes a 3×1 row red, green, blue.
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const plane = REC_HEIGHT * 3;
    const tensor = new Float32Array(3 * plane);
    packRecCrop(tensor, 0, 3, rgb, 1, { x: 0, y: 0, width: 1, height: 3 }, 3);
    const red = Array.from(tensor.subarray(2 * plane, 2 * plane + 3)); // channel 2 is red
    expect(red).toEqual([1, -1, -1]);
    const blue = Array.from(tensor.subarray(0, 3));
    expect(blue).toEqual([-1, -1, 1]);
  });
});

describe('ctcGreedyDecode', () => {
  const charset = parseCharset('a\nb\nc\n'); // classes: 0 blank, 1 a, 2 b, 3 c, 4 space
  function probsFor(winners: number[], p = 0.9, classes = 5): Float32Array {
    const out = new Float32Array(winners.length * classes).fill((1 - p) / (classes - 1));
    winners.forEach((c, t) => (out[t * classes + c] = p));
    return out;
  }

  it('collapses repeats, drops blanks, and keeps letters separated by a blank', () => {
    const decoded = ctcGreedyDecode(probsFor([1, 1, 0, 1, 2, 2, 4, 3, 0, 0]), 10, 5, charset);
    expect(decoded.text).toBe('aab c');
    expect(decoded.confidence).toBeCloseTo(0.9, 5);
  });

  it('averages the top probability of the kept steps only', () => {
    const probs = probsFor([0, 1, 1, 2]);
    probs[1 * 5 + 1] = 0.5; // first 'a' step; the repeat at step 2 is not counted
    probs[3 * 5 + 2] = 0.7;
    expect(ctcGreedyDecode(probs, 4, 5, charset)).toEqual({ text: 'ab', confidence: expect.closeTo(0.6, 5) });
  });

  it('gives empty text and zero confidence for all blanks', () => {
    expect(ctcGreedyDecode(probsFor([0, 0, 0]), 3, 5, charset)).toEqual({ text: '', confidence: 0 });
  });

  it('maps class i to dictionary line i and the last class to a space', () => {
    expect(parseCharset("'\n疗\n绚\n")).toEqual(["'", '疗', '绚', ' ']);
    expect(parseCharset('x\r\ny')).toEqual(['x', 'y', ' ']);
  });

  it('rejects an output of the wrong length', () => {
    expect(() => ctcGreedyDecode(new Float32Array(7), 2, 5, charset)).toThrow();
  });
});
