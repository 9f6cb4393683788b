/**
 * A label map: one small integer per image pixel (0 = none). Several region masks that never overlap (a
 * semantic segmentation) live in one map, so resizing, subtracting and run-length encoding them costs one
 * pass over the image instead of one per region. The map is stored column-major, the order of COCO RLE, so
 * every pass (and every mask run subtracted from it) walks memory in order.
 */
import type { Box, Rle } from '../../shared/analysis';

export interface LabelMap {
  /** Column-major: the label of pixel (x, y) is labels[x * height + y]. */
  labels: Uint8Array;
  width: number;
  height: number;
}

/** Nearest-neighbour resize of the top-left srcWidth×srcHeight part of a row-major map with row stride `stride`. */
export function resizeNearest(
  src: Uint8Array,
  stride: number,
  srcWidth: number,
  srcHeight: number,
  width: number,
  height: number,
): LabelMap {
  const labels = new Uint8Array(width * height);
  const srcRow = Int32Array.from(
    { length: height },
    (_, y) => Math.min(srcHeight - 1, Math.floor(((y + 0.5) * srcHeight) / height)) * stride,
  );
  for (let x = 0; x < width; x++) {
    const srcX = Math.min(srcWidth - 1, Math.floor(((x + 0.5) * srcWidth) / width));
    const column = x * height;
    for (let y = 0; y < height; y++) labels[column + y] = src[srcRow[y] + srcX];
  }
  return { labels, width, height };
}

/** Calls visit(start, end) for every foreground run [start, end) of a COCO RLE, in column-major indices. */
export function forEachRleRun(rle: Rle, visit: (start: number, end: number) => void): void {
  let position = 0;
  rle.counts.forEach((count, i) => {
    if (i % 2 === 1) visit(position, position + count);
    position += count;
  });
}

export interface LabelRegion {
  rle: Rle;
  area: number;
  bbox: Box;
}

/**
 * COCO RLE, area and tight box of every label 1..maxLabel (index 0 of the result is unused), in one pass:
 * at each label change only the label that ends and the one that starts close a run.
 */
export function encodeLabels({ labels, width, height }: LabelMap, maxLabel: number): LabelRegion[] {
  const counts: number[][] = Array.from({ length: maxLabel + 1 }, () => []);
  const changedAt = new Float64Array(maxLabel + 1); // index where the label's current run began
  const area = new Float64Array(maxLabel + 1);
  const minX = new Int32Array(maxLabel + 1).fill(width),
    minY = new Int32Array(maxLabel + 1).fill(height);
  const maxX = new Int32Array(maxLabel + 1).fill(-1),
    maxY = new Int32Array(maxLabel + 1).fill(-1);
  const inRange = (label: number) => label > 0 && label <= maxLabel;
  let previous = 0;
  for (let index = 0; index <= labels.length; index++) {
    const label = index < labels.length ? labels[index] : 0; // one step past the end closes the last run
    if (label === previous) continue;
    if (inRange(previous)) {
      counts[previous].push(index - changedAt[previous]); // its foreground run ends
      extendBox(previous, changedAt[previous], index - 1);
      changedAt[previous] = index;
    }
    if (inRange(label)) {
      counts[label].push(index - changedAt[label]); // its background run ends
      changedAt[label] = index;
    }
    previous = label;
  }
  // Grows a label's box over the run [first, last] (column-major): a run that crosses into the next column
  // covers every row between.
  function extendBox(label: number, first: number, last: number) {
    const x0 = Math.floor(first / height),
      x1 = Math.floor(last / height);
    const y0 = x0 === x1 ? first - x0 * height : 0;
    const y1 = x0 === x1 ? last - x1 * height : height - 1;
    (minX[label] = Math.min(minX[label], x0)), (maxX[label] = Math.max(maxX[label], x1));
    (minY[label] = Math.min(minY[label], y0)), (maxY[label] = Math.max(maxY[label], y1));
  }
  return counts.map((runs, label) => {
    // Close the trailing background run, unless the label's last foreground run reached the end (as encodeRle).
    if (runs.length === 0 || changedAt[label] < labels.length) runs.push(labels.length - changedAt[label]);
    // Foreground runs are the odd entries.
    area[label] = runs.reduce((sum, run, i) => (i % 2 ? sum + run : sum), 0);
    const bbox: Box = area[label]
      ? [minX[label], minY[label], maxX[label] - minX[label] + 1, maxY[label] - minY[label] + 1]
      : [0, 0, 0, 0];
    return { rle: { size: [height, width] as [number, number], counts: runs }, area: area[label], bbox };
  });
}
