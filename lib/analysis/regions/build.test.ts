import { describe, expect, it } from 'vitest';
import type { SceneSegmentation } from '../../models/ade-segmenter';
import { decodeRle, encodeRle } from '../../shared/rle';
import type { SceneEntity } from '../../scene/types';
import { buildRegions, splitHalves, type Blob } from './build';

const LABELS = ['other', 'wall', 'floor', 'person', 'painting', 'shelf'];

/**
 * A 9×9 segmenter input (low-res side 3, one cell per 4 px) showing an 8×8 image: wall on top, floor below,
 * a person (a thing class) on the left, a painting on the wall.
 */
function segmentation(): SceneSegmentation {
  const rows = ['11111111', '11441111', '11441111', '13111111', '13222222', '33222222', '33222222', '22222222'];
  const S = 9;
  const classes = new Int32Array(S * S);
  rows.forEach((row, y) => [...row].forEach((c, x) => (classes[y * S + x] = Number(c))));
  // Logits: each cell prefers the class of the pixel it sits on.
  const side = 3;
  const data = new Float32Array(LABELS.length * side * side);
  for (let cy = 0; cy < side; cy++)
    for (let cx = 0; cx < side; cx++) {
      const c = classes[Math.min(7, cy * 4) * S + Math.min(7, cx * 4)];
      data[c * side * side + cy * side + cx] = 5;
    }
  return {
    spec: { modelId: 'test', classesId: 'test', inputSize: S, source: 'ade20k-test', classes: 'model' },
    geometry: { inputSize: S, resizedWidth: 8, resizedHeight: 8 },
    labels: LABELS,
    classes,
    lowres: { data, classCount: LABELS.length, side },
  };
}

describe('buildRegions', () => {
  it('makes one stuff entity per class and a thing for a clean furniture blob, never for thing classes', () => {
    const { regions } = buildRegions(segmentation(), 16, 16, [], 0);
    const byLabel = Object.fromEntries(regions.map((r) => [r.entity.label, r]));
    expect(Object.keys(byLabel).sort()).toEqual(['floor', 'painting', 'wall']); // no person: the detector owns things
    expect(byLabel.wall.entity).toMatchObject({ kind: 'stuff', source: 'ade20k-test' });
    expect(byLabel.painting.entity.kind).toBe('thing');
    // Image is twice the segmenter's resolution: the painting's 4 input pixels are 16 image pixels.
    expect(byLabel.painting.mask.area).toBe(16);
    expect(byLabel.painting.mask.bbox).toEqual([4, 2, 4, 4]);
    // Largest first, ids in that order, area shares add up with the rest of the image.
    expect(regions.map((r) => r.entity.id)).toEqual(['s1', 's2', 's3']);
    expect(regions[0].entity.areaShare).toBeGreaterThanOrEqual(regions[1].entity.areaShare!);
    // Wall and floor own most of their low-res cells; the painting is smaller than a cell, so it is less sure.
    expect(byLabel.wall.entity.score).toBeGreaterThan(0.5);
    expect(byLabel.floor.entity.score).toBeGreaterThan(0.5);
    expect(byLabel.painting.entity.score).toBeLessThan(0.5);
  });

  it('subtracts the masks of things on top, and turns furniture lying on a thing into its alternative', () => {
    // A detected "tv" whose mask covers the painting and a strip of wall.
    const bits = new Uint8Array(16 * 16);
    for (let y = 2; y < 6; y++) for (let x = 2; x < 8; x++) bits[y * 16 + x] = 1;
    const tv = {
      id: 'e1',
      label: 'tv',
      mask: { rle: encodeRle(bits, 16, 16), area: 24, bbox: [2, 2, 6, 4], predictedIou: 0.9, source: 'sam' },
    } as SceneEntity;
    const { regions, alternatives } = buildRegions(segmentation(), 16, 16, [tv], 1);
    expect(regions.map((r) => r.entity.label)).not.toContain('painting');
    expect(alternatives.get('e1')).toEqual([expect.objectContaining({ label: 'painting', source: 'ade20k-test' })]);
    const wall = decodeRle(regions.find((r) => r.entity.label === 'wall')!.mask.rle);
    for (let i = 0; i < bits.length; i++) if (bits[i]) expect(wall[i]).toBe(0);
  });

  it('questions a less sure detection when the segmenter’s class under its mask is another COCO class', () => {
    // A mask on the segmenter's person pixels (input x 0–1, y 5–6 → image x 0–3, y 10–13).
    const bits = new Uint8Array(16 * 16);
    for (let y = 10; y < 14; y++) for (let x = 0; x < 4; x++) bits[y * 16 + x] = 1;
    const mask = {
      rle: encodeRle(bits, 16, 16),
      area: 16,
      bbox: [0, 10, 4, 4] as [number, number, number, number],
      predictedIou: 0.9,
      source: 'sam',
    };
    const dog = { id: 'e1', label: 'dog', score: 0.3, mask } as SceneEntity;
    const person = { id: 'e2', label: 'person', score: 0.3, mask } as SceneEntity;
    const sureDog = { id: 'e3', label: 'dog', score: 0.99, mask } as SceneEntity;
    // The low-res cells under the person (column 0, rows 1–2) are sure of it.
    const seg = segmentation();
    for (const cell of [3, 6]) seg.lowres.data[3 * 9 + cell] = 8;
    const { alternatives } = buildRegions(seg, 16, 16, [dog, person, sureDog], 3);
    expect(alternatives.get('e1')).toEqual([expect.objectContaining({ label: 'person', source: 'ade20k-test' })]);
    expect(alternatives.has('e2')).toBe(false); // agrees
    expect(alternatives.has('e3')).toBe(false); // the detector is surer than the segmenter
  });

  it('builds a large photo’s regions in its 1024 px frame and gives them at full size', () => {
    // 4096² is four times the 1024 px region frame: the same regions as at 16², each image pixel 256 times larger.
    const side = 4096;
    const k = side / 16;
    const bits = new Uint8Array(side * side);
    for (let y = 2 * k; y < 6 * k; y++) bits.fill(1, y * side + 2 * k, y * side + 8 * k); // the tv above
    const tv = {
      id: 'e1',
      label: 'tv',
      mask: {
        rle: encodeRle(bits, side, side),
        area: 24 * k * k,
        bbox: [2 * k, 2 * k, 6 * k, 4 * k],
        predictedIou: 0.9,
      },
    } as SceneEntity;
    const small = buildRegions(segmentation(), 16, 16, [], 0).regions;
    const large = buildRegions(segmentation(), side, side, [], 0).regions;
    expect(large.map((r) => [r.entity.label, r.mask.area, r.mask.bbox])).toEqual(
      small.map((r) => [r.entity.label, r.mask.area * k * k, r.mask.bbox.map((v) => v * k)]),
    );
    const { regions, alternatives } = buildRegions(segmentation(), side, side, [tv], 1);
    expect(alternatives.get('e1')).toEqual([expect.objectContaining({ label: 'painting' })]);
    const wall = decodeRle(regions.find((r) => r.entity.label === 'wall')!.mask.rle);
    for (let i = 0; i < bits.length; i++) if (bits[i] && wall[i]) throw new Error(`wall under the tv at ${i}`);
  });
});

describe('furniture halves', () => {
  const blob = (x0: number, y0: number, x1: number, y1: number): Blob => ({ pixels: new Int32Array(), x0, y0, x1, y1 });
  it('joins the two halves of a bookcase a shelf cuts across, and keeps apart blobs that are far or offset', () => {
    const top = blob(130, 60, 250, 240);
    const bottom = blob(150, 242, 265, 355);
    const farAway = blob(400, 60, 460, 200);
    const beside = blob(0, 300, 40, 320); // touching the bottom half's row band but not sharing its width
    const groups = splitHalves([top, bottom, farAway, beside], 321);
    expect(groups).toHaveLength(3);
    expect(groups.find((g) => g.includes(top))).toContain(bottom);
  });
});
