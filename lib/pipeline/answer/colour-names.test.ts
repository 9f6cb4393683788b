import { describe, expect, it } from 'vitest';
import type { CroppedMask } from './cropped-mask';
import { dominantColourName, nameColour, rgbToHsl } from './colour-names';

describe('nameColour', () => {
  it.each([
    [[0, 0, 0], 'black'],
    [[255, 255, 255], 'white'],
    [[128, 128, 128], 'grey'],
    [[210, 30, 35], 'red'],
    [[255, 140, 0], 'orange'],
    [[235, 210, 40], 'yellow'],
    [[40, 160, 60], 'green'],
    [[30, 70, 200], 'blue'],
    [[40, 170, 200], 'blue'],
    [[120, 50, 170], 'purple'],
    [[250, 170, 190], 'pink'],
    [[120, 70, 30], 'brown'],
    [[225, 210, 180], 'beige'],
  ] as const)('names %j as %s', (rgb, name) => {
    expect(nameColour(rgb[0], rgb[1], rgb[2])).toBe(name);
  });

  it('converts to HSL', () => {
    expect(rgbToHsl(255, 0, 0)).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(rgbToHsl(0, 0, 255).h).toBe(240);
  });
});

describe('dominantColourName', () => {
  // One row of pixels; the mask covers the whole row unless cut.
  function image(pixels: [number, number, number][]): { rgb: Uint8Array; mask: CroppedMask } {
    const rgb = new Uint8Array(pixels.length * 3);
    pixels.forEach((p, i) => rgb.set(p, i * 3));
    return { rgb, mask: { x0: 0, y0: 0, width: pixels.length, height: 1, data: new Uint8Array(pixels.length).fill(1) } };
  }

  it('ignores shadows and highlights when the object has a real colour', () => {
    const { rgb, mask } = image([
      ...Array(40).fill([210, 30, 35]),
      ...Array(30).fill([5, 5, 5]), // shadow
      ...Array(30).fill([252, 252, 252]), // highlight
    ]);
    expect(dominantColourName(rgb, 100, mask)).toEqual({ name: 'red', share: 1 });
  });

  it('calls a mostly very dark object black', () => {
    const { rgb, mask } = image([...Array(80).fill([8, 8, 10]), ...Array(20).fill([200, 40, 40])]);
    expect(dominantColourName(rgb, 100, mask)?.name).toBe('black');
  });

  it('only counts pixels inside the mask, and returns null for an empty mask', () => {
    const { rgb, mask } = image([...Array(10).fill([30, 70, 200]), ...Array(90).fill([40, 160, 60])]);
    mask.data.fill(0, 10);
    expect(dominantColourName(rgb, 100, mask)?.name).toBe('blue');
    expect(dominantColourName(rgb, 100, { ...mask, data: new Uint8Array(100) })).toBeNull();
  });
});
