import { describe, expect, it } from 'vitest';
import { encodeRle, maskStats } from '../../shared/rle';
import { encodeLabels, forEachRleRun, resizeNearest } from './label-map';

/** Row-major labels → the column-major map encodeLabels takes. */
function columnMajor(rowMajor: number[], width: number, height: number) {
  const labels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) labels[x * height + y] = rowMajor[y * width + x];
  return { labels, width, height };
}

describe('encodeLabels', () => {
  it('matches encodeRle and maskStats of each label as a binary mask', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const [width, height] of [
      [7, 5],
      [1, 9],
      [13, 1],
      [6, 6],
    ]) {
      for (let trial = 0; trial < 20; trial++) {
        // Blocky maps (labels persist along rows) and noisy ones, with labels 0..4 where 4 is out of range.
        const rowMajor = Array.from({ length: width * height }, () => Math.floor(random() * 5));
        const regions = encodeLabels(columnMajor(rowMajor, width, height), 3);
        for (let label = 1; label <= 3; label++) {
          const binary = Uint8Array.from(rowMajor, (v) => (v === label ? 1 : 0));
          expect(regions[label].rle).toEqual(encodeRle(binary, height, width));
          expect({ area: regions[label].area, bbox: regions[label].bbox }).toEqual(maskStats(binary, height, width));
        }
      }
    }
  });
});

describe('resizeNearest', () => {
  it('reads the top-left part of a strided map at pixel centres', () => {
    // 3-wide stride, 2×2 used: [[1,2],[3,4]] doubled to 4×4.
    const src = Uint8Array.from([1, 2, 9, 3, 4, 9, 9, 9, 9]);
    const { labels } = resizeNearest(src, 3, 2, 2, 4, 4);
    const rows = Array.from({ length: 4 }, (_, y) => Array.from({ length: 4 }, (_, x) => labels[x * 4 + y]).join(''));
    expect(rows).toEqual(['1122', '1122', '3344', '3344']);
  });
});

describe('forEachRleRun', () => {
  it('gives the foreground runs in column-major indices', () => {
    const runs: Array<[number, number]> = [];
    forEachRleRun({ size: [2, 3], counts: [1, 2, 2, 1] }, (start, end) => runs.push([start, end]));
    expect(runs).toEqual([
      [1, 3],
      [5, 6],
    ]);
  });
});
