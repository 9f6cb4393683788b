import { describe, expect, it } from 'vitest';
import { decodeBrushRle, decodeBrushRleValues, encodeBrushRle } from './brush-rle';
import { labelStudioConfig, labelStudioTasks, type BrushRegion, type RectangleRegion } from './label-studio';
import { exportFixture } from './test-fixtures';

/**
 * Byte vectors from label-studio-converter's brush.py (encode_rle over np.repeat(mask.ravel(), 4), run once
 * offline). brush.py always appends a padding byte when its bit string is already whole bytes; ours does not.
 */
const BRUSH_PY_3x5 = [0, 0, 0, 60, 57, 27, 252, 96, 19, 255, 206, 1, 31, 252, 96, 17, 255, 225, 112, 8, 255, 192];
const BRUSH_PY_100x200_LAST_PIXEL = [0, 1, 56, 128, 57, 27, 255, 255, 255, 0, 231, 15, 96, 17, 255, 128];
/** encode_rle([1,2,2,2,3, 0×12, 7]): literal chunks for single values, repeat chunks for runs. */
const BRUSH_PY_LITERALS = [0, 0, 0, 18, 57, 27, 248, 0, 49, 1, 0, 7, 108, 0, 0, 112];

describe('Label Studio brush RLE', () => {
  it('writes the same bytes as label-studio-converter', () => {
    const small = new Uint8Array(15);
    for (const i of [1, 2, 5, 7, 14]) small[i] = 1; // rows: .XX.. / X.X.. / ....X
    expect(encodeBrushRle(small, 5, 3)).toEqual(BRUSH_PY_3x5);
    const big = new Uint8Array(200 * 100);
    big[big.length - 1] = 1; // one run longer than the 16-bit field: split in two chunks
    expect(encodeBrushRle(big, 200, 100)).toEqual(BRUSH_PY_100x200_LAST_PIXEL);
  });

  it('reads label-studio-converter bytes, literal chunks included', () => {
    expect(Array.from(decodeBrushRle(BRUSH_PY_3x5, 5, 3))).toEqual([0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(decodeBrushRleValues(BRUSH_PY_LITERALS))).toEqual([1, 2, 2, 2, 3, ...new Array(12).fill(0), 7]);
  });

  it('refuses a stream cut short or of the wrong size', () => {
    expect(() => decodeBrushRle(BRUSH_PY_3x5.slice(0, 12), 5, 3)).toThrow(/ends before/);
    expect(() => decodeBrushRle(BRUSH_PY_3x5, 4, 3)).toThrow(/expected 4×3/);
  });
});

describe('labelStudioTasks', () => {
  const { scene, fullMasks } = exportFixture();
  const [task] = labelStudioTasks(scene, 'http://localhost/api/results/x/image');
  const regions = task.predictions[0].result;
  const brushes = regions.filter((r): r is BrushRegion => r.type === 'brushlabels');
  const rectangles = regions.filter((r): r is RectangleRegion => r.type === 'rectanglelabels');

  it('round-trips every mask exactly through the brush RLE', () => {
    expect(brushes.map((b) => b.id)).toEqual(['e0-mask', 'e1-mask', 'e2-mask']);
    for (const brush of brushes) {
      const decoded = decodeBrushRle(brush.value.rle, brush.original_width, brush.original_height);
      expect(Buffer.from(decoded).equals(Buffer.from(fullMasks[brush.id.replace('-mask', '')]))).toBe(true);
    }
  });

  it('gives boxes in percent of the image, none for stuff, and no score where the source has none', () => {
    expect(rectangles.map((r) => r.id)).toEqual(['e0-box', 'e1-box', 'e3-box']);
    const box = rectangles[2];
    expect(box.value).toMatchObject({ rectanglelabels: ['dog'] });
    expect(box.value.x).toBeCloseTo((100 * 10) / 203, 10);
    expect(box.value.height).toBeCloseTo((100 * 40) / 117, 10);
    expect(box).toMatchObject({ score: 0.42, original_width: 203, original_height: 117, to_name: 'image' });
    expect('score' in rectangles[1]).toBe(false);
  });

  it('names every label of the task in its labeling config', () => {
    const config = labelStudioConfig(scene.entities.map((e) => e.label));
    for (const label of ['truck', 'dog', 'sky']) expect(config).toContain(`<Label value="${label}"/>`);
    expect(config).toContain('<BrushLabels name="brush" toName="image">');
  });
});
