import { describe, expect, it } from 'vitest';
import { deepestPoint } from './deepest-point';

describe('deepestPoint', () => {
  it('lands in the middle of the broadest piece, not in a thin one', () => {
    const width = 20,
      height = 10;
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) pixels[y * width] = 1; // a one-pixel strip on the left
    for (let y = 2; y < 9; y++) for (let x = 10; x < 17; x++) pixels[y * width + x] = 1; // a 7×7 block
    expect(deepestPoint(pixels, width)).toEqual({ x: 13, y: 5 });
  });

  it('is undefined for an empty region', () => {
    expect(deepestPoint(new Uint8Array(12), 4)).toBeUndefined();
  });
});
