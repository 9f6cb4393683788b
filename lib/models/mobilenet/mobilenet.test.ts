import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../image/types';
import { classifyCrops } from '.';

/** A 64×48 image of horizontal colour bands, so that different crops see different pixels. */
function bandedImage(): DecodedImage {
  const width = 64,
    height = 48;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgb.set([(y * 5) % 256, (x * 4) % 256, 128], (y * width + x) * 3);
  return { width, height, rgb, hash: 'banded' };
}

describe('classifyCrops', () => {
  it('classifies a rectangle of an image once: a later call gets the same probabilities back', async () => {
    const image = bandedImage();
    const top = { x0: 0, y0: 0, x1: 64, y1: 24 };
    const bottom = { x0: 0, y0: 24, x1: 64, y1: 48 };
    const [first] = await classifyCrops(image, [top]);
    const [again, other] = await classifyCrops(image, [top, bottom]);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(other.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // Another image with the same rectangle is classified afresh.
    const [elsewhere] = await classifyCrops(bandedImage(), [top]);
    expect(elsewhere).not.toBe(first);
    expect(Array.from(elsewhere)).toEqual(Array.from(first));
  });
});
