/**
 * COCO RLE (column-major, lib/shared/rle.ts), area and bbox at image resolution of a mask computed in a
 * smaller frame (SAM's ≤ 1024 working frame), upsampled once by nearest neighbour while encoding: each
 * image pixel takes the frame pixel under its centre. Work is proportional to the image's columns times the
 * runs in a column, not to its pixels, so a 12 MP photo's masks cost about what a 1 MP photo's do.
 */
import type { Box, Rle } from '../../shared/analysis';
import { RleWriter } from '../../shared/rle';
import type { Region } from './upsample';

export interface Frame {
  width: number;
  height: number;
}

/** Image pixels [start, end) whose centres fall in frame pixels [a, b), frame pixels per image pixel `s`. */
function imageSpan(a: number, b: number, s: number, limit: number): [number, number] {
  const start = Math.max(0, Math.ceil(a / s - 0.5));
  const end = Math.min(limit, Math.ceil(b / s - 0.5));
  return [start, Math.max(start, end)];
}

/** Foreground runs of one column of the region mask, as image rows [start, end). */
function columnRuns(mask: Uint8Array, region: Region, column: number, sy: number, height: number): number[] {
  const regionWidth = region.x1 - region.x0;
  const runs: number[] = [];
  let runStart = -1;
  for (let y = region.y0, i = column; y <= region.y1; y++, i += regionWidth) {
    const on = y < region.y1 && mask[i] === 1;
    if (on && runStart < 0) runStart = y;
    if (!on && runStart >= 0) {
      const [start, end] = imageSpan(runStart, y, sy, height);
      if (end > start) runs.push(start, end);
      runStart = -1;
    }
  }
  return runs;
}

export function encodeScaledRegion(
  mask: Uint8Array,
  region: Region,
  frame: Frame,
  width: number,
  height: number,
): { rle: Rle; area: number; bbox: Box } {
  const sx = frame.width / width;
  const sy = frame.height / height;
  const writer = new RleWriter();
  const add = (value: 0 | 1, n: number) => writer.add(value, n);
  let area = 0;
  let minX = width,
    maxX = -1,
    minY = height,
    maxY = -1;
  const [firstX, endX] = imageSpan(region.x0, region.x1, sx, width);
  let cachedColumn = -1;
  let runs: number[] = [];
  add(0, firstX * height);
  for (let x = firstX; x < endX; x++) {
    const column = Math.floor((x + 0.5) * sx) - region.x0;
    if (column !== cachedColumn) {
      runs = columnRuns(mask, region, column, sy, height);
      cachedColumn = column;
    }
    let y = 0;
    for (let r = 0; r < runs.length; r += 2) {
      add(0, runs[r] - y);
      add(1, runs[r + 1] - runs[r]);
      area += runs[r + 1] - runs[r];
      y = runs[r + 1];
    }
    add(0, height - y);
    if (runs.length) {
      minX = Math.min(minX, x);
      maxX = x;
      minY = Math.min(minY, runs[0]);
      maxY = Math.max(maxY, runs[runs.length - 1] - 1);
    }
  }
  add(0, (width - endX) * height);
  const bbox: Box = area ? [minX, minY, maxX - minX + 1, maxY - minY + 1] : [0, 0, 0, 0];
  return { rle: writer.finish(height, width), area, bbox };
}
