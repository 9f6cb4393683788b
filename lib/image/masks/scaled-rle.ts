/**
 * COCO RLE (column-major, lib/shared/rle.ts), area and bbox at image resolution of a mask computed in a
 * smaller frame (SAM's ≤ 1024 working frame, the regions' ≤ 2048 one), upsampled once by nearest neighbour
 * while encoding: each image pixel takes the frame pixel under its centre. Work is proportional to the image's
 * columns times the runs in a column, not to its pixels, so a 12 MP photo's masks cost about what a 1 MP
 * photo's do. The other way, an image-sized mask's runs are read into the frame by the same rule.
 */
import type { Box, Rle } from '../../shared/analysis';
import { forEachColumnRun, RleWriter } from '../../shared/rle';
import type { Region } from './upsample';

export interface Frame {
  width: number;
  height: number;
}

/**
 * Pixels [start, end) of one grid whose centres fall in pixels [a, b) of another, `s` of the other's pixels per
 * pixel of this one (image pixels in frame pixels: s = frame / image size; frame pixels in image pixels: the inverse).
 */
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
  const sy = frame.height / height;
  return encodeScaledColumns(region, frame, width, height, (column) => columnRuns(mask, region, column, sy, height));
}

/**
 * encodeScaledRegion with each region column's runs (image rows [start, end) pairs) from `runsOf`; a column
 * is asked for once per run of image columns that sample it.
 */
function encodeScaledColumns(
  region: Region,
  frame: Frame,
  width: number,
  height: number,
  runsOf: (column: number) => number[],
): { rle: Rle; area: number; bbox: Box } {
  const sx = frame.width / width;
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
      runs = runsOf(column);
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

/**
 * A mask encoded at frame size (its rle.size) as image-sized RLE, area and bbox, read straight from the RLE's
 * column runs (a column-major RLE already holds each frame column's runs): the same as decoding its crop and
 * passing it to encodeScaledRegion (the test checks that), without decoding and scanning the crop again.
 */
export function scaleRleRunsToImage(
  rle: Rle,
  bbox: Box,
  width: number,
  height: number,
): { rle: Rle; area: number; bbox: Box } {
  const frame = { width: rle.size[1], height: rle.size[0] };
  // The crop decodeRleInBox would cut: runs outside it are left out, as they are there.
  const x0 = Math.max(0, Math.floor(bbox[0]));
  const y0 = Math.max(0, Math.floor(bbox[1]));
  const x1 = Math.max(x0, Math.min(frame.width, Math.ceil(bbox[0] + bbox[2])));
  const y1 = Math.max(y0, Math.min(frame.height, Math.ceil(bbox[1] + bbox[3])));
  const region = { x0, y0, x1, y1 };
  const sy = frame.height / height;
  // Each region column's runs, mapped to image rows, in one flat array (`first[c]` to `first[c + 1]`): two
  // passes over the RLE (count, then fill) instead of an array per column, which a 12 MP photo's regions
  // made by the thousand.
  const columns = x1 - x0;
  const first = new Int32Array(columns + 1);
  const clipped = (x: number, top: number, bottom: number) =>
    x >= x0 && x < x1 && Math.min(bottom, y1) > Math.max(top, y0);
  forEachColumnRun(rle, (x, top, bottom) => {
    if (clipped(x, top, bottom)) first[x - x0 + 1] += 2;
  });
  for (let c = 0; c < columns; c++) first[c + 1] += first[c];
  const runs = new Int32Array(first[columns]);
  const filled = first.slice(0, columns);
  forEachColumnRun(rle, (x, top, bottom) => {
    if (!clipped(x, top, bottom)) return;
    const [start, end] = imageSpan(Math.max(top, y0), Math.min(bottom, y1), sy, height);
    const c = x - x0;
    runs[filled[c]++] = start;
    runs[filled[c]++] = end;
  });
  // Runs cut at a column's end never meet inside it, and nearest-neighbour rows keep them apart or make them
  // touch; columnRuns would have joined touching runs (and dropped empty ones) before mapping: do the same.
  const scaled = (column: number): number[] => {
    const out: number[] = [];
    for (let r = first[column]; r < first[column + 1]; r += 2) {
      const [start, end] = [runs[r], runs[r + 1]];
      if (end <= start) continue;
      if (out.length && out[out.length - 1] === start) out[out.length - 1] = end;
      else out.push(start, end);
    }
    return out;
  };
  return encodeScaledColumns(region, frame, width, height, scaled);
}

/**
 * The foreground runs of an image-sized RLE mask as seen in a smaller frame, as visit(start, end) over
 * column-major frame indices (as forEachRleRun): a frame pixel is in the mask when the image pixel under its
 * centre is. Costs the mask's runs and the frame pixels covered, not the image's pixels.
 */
export function forEachFrameRun(rle: Rle, frame: Frame, visit: (start: number, end: number) => void): void {
  const [height, width] = rle.size;
  const imagePerFrameX = width / frame.width;
  const imagePerFrameY = height / frame.height;
  forEachColumnRun(rle, (x, top, bottom) => {
    const [firstColumn, endColumn] = imageSpan(x, x + 1, imagePerFrameX, frame.width);
    const [firstRow, endRow] = imageSpan(top, bottom, imagePerFrameY, frame.height);
    if (endRow === firstRow) return;
    for (let fx = firstColumn; fx < endColumn; fx++) visit(fx * frame.height + firstRow, fx * frame.height + endRow);
  });
}
