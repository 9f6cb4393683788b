/**
 * Masks of touching objects must not overlap (a horse's mask running into the cart, a table's under the cups):
 * where two masks claim the same pixel it goes to the smaller one. SAM's box prompts bleed outward into a
 * neighbour far more often than they cut a neighbour's pixels out, and a small object lying on a large one
 * (a laptop on a table) is the one the large mask must give way to. Works on the RLE runs, so cost follows the
 * runs, not the image's size.
 */
import type { Box, Mask, Rle } from '../../shared/analysis';
import { forEachRleRun } from './label-map';

type Runs = Array<[number, number]>;

const runsOf = (rle: Rle): Runs => {
  const runs: Runs = [];
  forEachRleRun(rle, (start, end) => runs.push([start, end]));
  return runs;
};

/** a minus b, both sorted and disjoint. */
export function subtractRuns(a: Runs, b: Runs): Runs {
  const out: Runs = [];
  let j = 0;
  for (const [start, end] of a) {
    let s = start;
    while (j < b.length && b[j][1] <= s) j++;
    for (let k = j; k < b.length && b[k][0] < end; k++) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = Math.max(s, b[k][1]);
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

/** COCO RLE (column-major), area and tight box from foreground runs. */
function fromRuns(runs: Runs, size: [number, number]): { rle: Rle; area: number; bbox: Box } {
  const [height, width] = size;
  const counts: number[] = [];
  let position = 0,
    area = 0;
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (const [start, end] of runs) {
    counts.push(start - position, end - start);
    position = end;
    area += end - start;
    const first = Math.floor(start / height),
      last = Math.floor((end - 1) / height);
    (x0 = Math.min(x0, first)), (x1 = Math.max(x1, last));
    y0 = Math.min(y0, first === last ? start - first * height : 0);
    y1 = Math.max(y1, first === last ? end - 1 - last * height : height - 1);
  }
  counts.push(height * width - position);
  return { rle: { size, counts }, area, bbox: area ? [x0, y0, x1 - x0 + 1, y1 - y0 + 1] : [0, 0, 0, 0] };
}

const boxesMeet = (a: Box, b: Box) =>
  a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

/** The masks with shared pixels given to the smaller mask; only changed masks are returned, keyed by id. */
export function separateMasks(masks: ReadonlyMap<string, Mask>): Map<string, Mask> {
  const entries = [...masks].sort((a, b) => a[1].area - b[1].area);
  const runs = new Map(entries.map(([id, m]) => [id, runsOf(m.rle)]));
  const changed = new Set<string>();
  entries.forEach(([smallId, small], i) => {
    for (const [largeId, large] of entries.slice(i + 1)) {
      if (!boxesMeet(small.bbox, large.bbox)) continue;
      const before = runs.get(largeId)!;
      const after = subtractRuns(before, runs.get(smallId)!);
      const lost = before.reduce((s, [a, b]) => s + b - a, 0) - after.reduce((s, [a, b]) => s + b - a, 0);
      if (lost > 0) runs.set(largeId, after), changed.add(largeId);
    }
  });
  const out = new Map<string, Mask>();
  for (const id of changed)
    out.set(id, { ...masks.get(id)!, ...fromRuns(runs.get(id)!, masks.get(id)!.rle.size as [number, number]) });
  return out;
}
