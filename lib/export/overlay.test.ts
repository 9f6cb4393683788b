import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hexToRgb } from '@/lib/shared/color';
import { MASK_OPACITY, overlayStyle, renderCutoutPng, renderOverlayPng } from './overlay';
import { exportFixture } from './test-fixtures';

const WIDTH = 600;
const HEIGHT = 400;
const GREY = 90;

async function rgbaOf(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('server-side overlay PNG', () => {
  const { scene, fullMasks } = exportFixture(WIDTH, HEIGHT);
  const image = { width: WIDTH, height: HEIGHT, rgb: new Uint8Array(WIDTH * HEIGHT * 3).fill(GREY) };

  it('sizes labels to the photo, not to a screen', () => {
    expect(overlayStyle(540, 360).fontSize).toBe(12);
    expect(overlayStyle(4000, 3000).fontSize).toBe(67);
    expect(overlayStyle(4000, 3000).lineWidth).toBeGreaterThan(overlayStyle(800, 600).lineWidth);
  });

  it('fills masks in the light shade at the default opacity and leaves the rest of the photo alone', async () => {
    const things = { ...scene, entities: scene.entities.filter((e) => e.kind !== 'stuff') };
    const { data, width, height } = await rgbaOf(await renderOverlayPng(image, things));
    expect([width, height]).toEqual([WIDTH, HEIGHT]);
    const light = hexToRgb(scene.entities[0].color.light);
    const expected = light.map((c) => c * MASK_OPACITY + GREY * (1 - MASK_OPACITY));
    const near = (p: number, rgb: number[]) => rgb.every((c, k) => Math.abs(data[p * 4 + k] - c) <= 2);
    let inside = 0,
      insideRight = 0,
      outside = 0,
      outsideRight = 0;
    for (let p = 0; p < WIDTH * HEIGHT; p++) {
      if (fullMasks.e0[p] && !fullMasks.e1[p]) {
        inside++;
        if (near(p, expected)) insideRight++;
      } else if (!fullMasks.e0[p] && !fullMasks.e1[p]) {
        outside++;
        if (near(p, [GREY, GREY, GREY])) outsideRight++;
      }
    }
    // Boxes and labels cover a few per cent of the pixels; everything else must be exactly as described.
    expect(insideRight / inside).toBeGreaterThan(0.9);
    expect(outsideRight / outside).toBeGreaterThan(0.9);
    const strong = hexToRgb(scene.entities[0].color.strong);
    let strongPixels = 0;
    for (let p = 0; p < WIDTH * HEIGHT; p++) if (near(p, strong)) strongPixels++;
    expect(strongPixels).toBeGreaterThan(500); // its box outline and label background
  });

  it('draws a tiny photo without failing on labels wider than it', async () => {
    const tiny = exportFixture(24, 16);
    const png = await renderOverlayPng({ width: 24, height: 16, rgb: new Uint8Array(24 * 16 * 3) }, tiny.scene);
    expect((await rgbaOf(png)).width).toBe(24);
  });

  it('cuts an entity out with the mask as its alpha', async () => {
    const mask = scene.masks.e0!;
    const rgb = new Uint8Array(WIDTH * HEIGHT * 3).map((_, i) => (i * 31) % 256);
    const { data, width, height } = await rgbaOf(await renderCutoutPng({ width: WIDTH, height: HEIGHT, rgb }, mask));
    const [x0, y0, w, h] = mask.bbox;
    expect([width, height]).toEqual([w, h]);
    const alphas: number[] = [];
    const expectedAlphas: number[] = [];
    let greenMismatches = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const alpha = data[(y * w + x) * 4 + 3];
        alphas.push(alpha);
        expectedAlphas.push(fullMasks.e0[(y0 + y) * WIDTH + x0 + x] ? 255 : 0);
        if (alpha && data[(y * w + x) * 4 + 1] !== rgb[((y0 + y) * WIDTH + x0 + x) * 3 + 1]) greenMismatches++;
      }
    }
    expect(alphas).toEqual(expectedAlphas);
    expect(greenMismatches).toBe(0);
  });
});
