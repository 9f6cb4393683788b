import { describe, expect, it } from 'vitest';
import { decodeRle, maskStats } from '../../shared/rle';
import { encodeRegionMask, lowResLogitsToMask } from './postprocess';
import { packEncoderInput, samGeometry } from './preprocess';
import { boxPrompt } from './prompt';

describe('samGeometry', () => {
  it('resizes the long side to 1024 with SAM rounding', () => {
    expect(samGeometry(1800, 1200)).toEqual({ width: 1800, height: 1200, resizedWidth: 1024, resizedHeight: 683 });
    expect(samGeometry(534, 800)).toEqual({ width: 534, height: 800, resizedWidth: 684, resizedHeight: 1024 });
  });
});

describe('packEncoderInput', () => {
  it('normalises RGB planes and zero-pads', () => {
    const rgb = new Uint8Array([123.675, 116.28, 103.53].map(Math.round).concat([255, 255, 255]));
    const t = packEncoderInput(rgb, 2, 1, 4);
    const plane = 16;
    expect(Math.abs(t[0])).toBeLessThan(0.01); // the mean maps to ~0
    expect(t[1]).toBeCloseTo((255 - 123.675) / 58.395, 4); // R of the white pixel
    expect(t[plane + 1]).toBeCloseTo((255 - 116.28) / 57.12, 4); // G
    expect(t[2 * plane + 1]).toBeCloseTo((255 - 103.53) / 57.375, 4); // B
    expect(t[2]).toBe(0);
    expect(t[4]).toBe(0);
  });
});

describe('boxPrompt', () => {
  it('gives the corners in the 1024 frame with labels 2 and 3', () => {
    const prompt = boxPrompt([180, 120, 900, 600], samGeometry(1800, 1200));
    const sy = 683 / 1200;
    [1024 / 10, 120 * sy, 1080 * (1024 / 1800), 720 * sy].forEach((v, i) => expect(prompt.coords[i]).toBeCloseTo(v, 3));
    expect([...prompt.labels]).toEqual([2, 3]);
  });
});

describe('lowResLogitsToMask', () => {
  it('maps a positive block of the 256 frame to the matching image pixels', () => {
    // 1024×1024 image: one low-res cell = 4 px. Cells 10..19 (x) × 20..29 (y) positive → px 40..79 × 80..119.
    const geometry = samGeometry(1024, 1024);
    const logits = new Float32Array(256 * 256).fill(-10);
    for (let y = 20; y < 30; y++) for (let x = 10; x < 20; x++) logits[y * 256 + x] = 10;
    const regionMask = lowResLogitsToMask(logits, geometry, [40, 80, 40, 40]);
    const { rle, area, bbox } = encodeRegionMask(regionMask, geometry);
    expect(bbox).toEqual([40, 80, 40, 40]);
    expect(area).toBe(1600 - 4); // bilinear interpolation rounds off one pixel at each corner
    expect(maskStats(decodeRle(rle), 1024, 1024)).toEqual({ area, bbox });
  });

  it('ignores logits outside the box margin', () => {
    const geometry = samGeometry(1024, 1024);
    const logits = new Float32Array(256 * 256).fill(-10);
    for (let y = 20; y < 30; y++) for (let x = 10; x < 20; x++) logits[y * 256 + x] = 10;
    logits[200 * 256 + 200] = 10; // far away
    const { area } = encodeRegionMask(lowResLogitsToMask(logits, geometry, [40, 80, 40, 40]), geometry);
    expect(area).toBe(1600 - 4);
  });
});
