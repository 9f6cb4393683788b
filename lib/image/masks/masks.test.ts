import { describe, expect, it } from 'vitest';
import { fillSmallHoles, removeSmallIslands, smallRegionArea } from './clean';
import { expandBox, pasteRegion, thresholdUpsampled } from './upsample';
import { decodeRle, encodeRleInBox, maskStats, maskStatsInBox } from '../../shared/rle';

/** Builds a mask from rows of '#' (1) and '.' (0). */
function parse(rows: string[]): { mask: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  return { mask: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), width, height: rows.length };
}
function show(mask: Uint8Array, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < mask.length; i += width)
    rows.push([...mask.subarray(i, i + width)].map((v) => (v ? '#' : '.')).join(''));
  return rows;
}

describe('fillSmallHoles', () => {
  it('fills enclosed holes under the area and keeps big ones and open bays', () => {
    const { mask, width, height } = parse([
      '#########.',
      '#.##....#.',
      '####....#.',
      '#..#....#.',
      '#..######.',
      '####......',
    ]);
    fillSmallHoles(mask, width, height, 5);
    expect(show(mask, width)).toEqual([
      '#########.',
      '####....#.', // 1-px hole filled; the 12-px hole stays
      '####....#.',
      '####....#.', // 4-px hole filled
      '#########.',
      '####......',
    ]);
  });

  it('does not fill background touching the edge', () => {
    const { mask, width, height } = parse(['.#', '##']);
    fillSmallHoles(mask, width, height, 100);
    expect(show(mask, width)).toEqual(['.#', '##']);
  });
});

describe('removeSmallIslands', () => {
  it('drops small specks and keeps the object', () => {
    const { mask, width, height } = parse(['##...#', '##....', '......', '.....#']);
    removeSmallIslands(mask, width, height, 3);
    expect(show(mask, width)).toEqual(['##....', '##....', '......', '......']);
  });

  it('keeps the largest region even when every region is small', () => {
    const { mask, width, height } = parse(['#..##', '.....']);
    removeSmallIslands(mask, width, height, 10);
    expect(show(mask, width)).toEqual(['...##', '.....']);
  });
});

describe('smallRegionArea', () => {
  it('is 400 px² at a 1024 long side and scales with the square of it', () => {
    expect(smallRegionArea(1024, 768)).toBe(400);
    expect(smallRegionArea(1000, 2048)).toBe(1600);
  });
});

describe('thresholdUpsampled', () => {
  it('matches the positive area of a 2×2 logit grid upsampled ×4', () => {
    // Left column positive, right negative: the boundary sits halfway between the cell centres.
    const grid = { data: new Float32Array([1, -1, 1, -1]), width: 2, height: 2, scaleX: 0.25, scaleY: 0.25 };
    const out = thresholdUpsampled(grid, { x0: 0, y0: 0, x1: 8, y1: 8 });
    for (let y = 0; y < 8; y++) expect(show(out, 8)[y]).toBe('####....');
  });

  it('samples only inside the region, at image coordinates', () => {
    const grid = { data: new Float32Array([1, -1, 1, -1]), width: 2, height: 2, scaleX: 0.25, scaleY: 0.25 };
    const region = { x0: 2, y0: 1, x1: 6, y1: 3 };
    const out = thresholdUpsampled(grid, region);
    expect(show(out, 4)).toEqual(['##..', '##..']);
    const full = pasteRegion(out, region, 8, 4);
    expect(show(full, 8)).toEqual(['........', '..##....', '..##....', '........']);
  });

  it('interpolates between cells rather than taking the nearest', () => {
    // Logits 3 and -1: zero crossing at 3/4 of the way from the first centre to the second.
    const grid = { data: new Float32Array([3, -1]), width: 2, height: 1, scaleX: 0.125, scaleY: 1 };
    const out = thresholdUpsampled(grid, { x0: 0, y0: 0, x1: 16, y1: 1 });
    // Centres at pixels 3.5 and 11.5; crossing at 3.5 + 6 = 9.5 → pixels 0..9 positive.
    expect(show(out, 16)).toEqual(['##########......']);
  });
});

describe('expandBox', () => {
  it('grows by the margin and clips to the image', () => {
    expect(expandBox([10, 10, 100, 50], 0.15, 1000, 1000)).toEqual({ x0: 0, y0: 2, x1: 125, y1: 68 });
    expect(expandBox([900, 0, 100, 100], 0.15, 950, 90)).toEqual({ x0: 885, y0: 0, x1: 950, y1: 90 });
  });
});

describe('encodeRleInBox / maskStatsInBox', () => {
  /** Column-major runs read off the pasted full-size mask, pixel by pixel: COCO's definition, written out. */
  function referenceCounts(full: Uint8Array, height: number, width: number): number[] {
    const counts = [0];
    let value = 0;
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        const pixel = full[y * width + x];
        if (pixel !== value) {
          counts.push(0);
          value = pixel;
        }
        counts[counts.length - 1]++;
      }
    }
    return counts;
  }

  it('match COCO runs and maskStats on the pasted mask, and decode back to it', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cases = [
      { region: { x0: 3, y0: 2, x1: 9, y1: 7 }, width: 12, height: 10 },
      { region: { x0: 0, y0: 0, x1: 12, y1: 10 }, width: 12, height: 10 }, // the whole image
      { region: { x0: 11, y0: 9, x1: 12, y1: 10 }, width: 12, height: 10 }, // the last pixel
    ];
    for (const { region, width, height } of cases) {
      for (const density of [0, 0.3, 1]) {
        const regionMask = Uint8Array.from({ length: (region.x1 - region.x0) * (region.y1 - region.y0) }, () =>
          random() < density ? 1 : 0,
        );
        const full = pasteRegion(regionMask, region, width, height);
        const box: [number, number, number, number] = [
          region.x0,
          region.y0,
          region.x1 - region.x0,
          region.y1 - region.y0,
        ];
        const rle = encodeRleInBox(regionMask, box, height, width);
        expect(rle).toEqual({ size: [height, width], counts: referenceCounts(full, height, width) });
        expect(decodeRle(rle)).toEqual(full);
        expect(maskStatsInBox(regionMask, box)).toEqual(maskStats(full, height, width));
      }
    }
  });
});
