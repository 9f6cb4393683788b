import { describe, expect, it } from 'vitest';
import type { CroppedMask } from './cropped-mask';
import { dominantColour, nameColour, shadeOf } from './colour';

describe('nameColour (CIELAB)', () => {
  it.each([
    [[0, 0, 0], 'black'],
    [[255, 255, 255], 'white'],
    [[128, 128, 128], 'grey'],
    [[210, 30, 35], 'red'],
    [[255, 140, 0], 'orange'],
    [[235, 210, 40], 'yellow'],
    [[40, 160, 60], 'green'],
    [[30, 70, 200], 'blue'],
    [[40, 50, 80], 'blue'], // a navy suit
    [[70, 100, 150], 'blue'], // denim
    [[120, 50, 170], 'purple'],
    [[250, 170, 190], 'pink'],
    [[120, 70, 30], 'brown'],
    [[140, 70, 40], 'brown'], // a chestnut horse
    [[200, 160, 110], 'brown'], // a kraft paper bag
    [[225, 210, 180], 'beige'],
    [[200, 205, 215], 'white'], // white paint in bluish shade: too little chroma to be blue
  ] as const)('names %j as %s', (rgb, name) => {
    expect(nameColour(rgb[0], rgb[1], rgb[2])).toBe(name);
  });

  it('calls light grey silver on metal things only', () => {
    expect(nameColour(170, 172, 170, 'car')).toBe('silver');
    expect(nameColour(170, 172, 170, 'wall')).toBe('grey');
  });
});

describe('dominantColour', () => {
  function image(pixels: [number, number, number][]): { rgb: Uint8Array; mask: CroppedMask } {
    const rgb = new Uint8Array(pixels.length * 3);
    pixels.forEach((p, i) => rgb.set(p, i * 3));
    return {
      rgb,
      mask: { x0: 0, y0: 0, width: pixels.length, height: 1, data: new Uint8Array(pixels.length).fill(1) },
    };
  }

  it('ignores shadows and highlights when the object has a real colour', () => {
    const { rgb, mask } = image([
      ...Array(40).fill([210, 30, 35]),
      ...Array(30).fill([5, 5, 5]),
      ...Array(30).fill([252, 252, 252]),
    ]);
    expect(dominantColour(rgb, 100, mask, 'car')).toEqual({ name: 'red', share: 1 });
  });

  it('calls a mostly very dark object black', () => {
    const { rgb, mask } = image([...Array(80).fill([8, 8, 10]), ...Array(20).fill([200, 40, 40])]);
    expect(dominantColour(rgb, 100, mask, 'cat')?.name).toBe('black');
  });

  it('lets all the greys of a white truck vote together against a blue minority', () => {
    const { rgb, mask } = image([
      ...Array(30).fill([235, 236, 238]),
      ...Array(25).fill([150, 155, 165]),
      ...Array(15).fill([90, 95, 100]),
      ...Array(30).fill([40, 60, 110]), // dark windows
    ]);
    expect(dominantColour(rgb, 100, mask, 'truck')?.name).toBe('white');
  });

  it('only counts pixels inside the mask, and returns null for an empty mask', () => {
    const { rgb, mask } = image([...Array(10).fill([30, 70, 200]), ...Array(90).fill([40, 160, 60])]);
    mask.data.fill(0, 10);
    expect(dominantColour(rgb, 100, mask, 'cup')?.name).toBe('blue');
    expect(dominantColour(rgb, 100, { ...mask, data: new Uint8Array(100) }, 'cup')).toBeNull();
  });

  it('gives a hue as dark as black would be "dark", as light as white "light", and greys no shade', () => {
    const navy = image(Array(100).fill([20, 30, 80]));
    expect(dominantColour(navy.rgb, 100, navy.mask, 'car')).toMatchObject({ name: 'blue', shade: 'dark' });
    const sky = image(Array(100).fill([170, 205, 240]));
    expect(dominantColour(sky.rgb, 100, sky.mask, 'sky')).toMatchObject({ name: 'blue', shade: 'light' });
    const cup = image(Array(100).fill([30, 70, 200]));
    expect(dominantColour(cup.rgb, 100, cup.mask, 'cup')?.shade).toBeUndefined();
    expect(shadeOf('grey', 20)).toBeUndefined();
    expect(shadeOf('pink', 85)).toBeUndefined();
  });
});
