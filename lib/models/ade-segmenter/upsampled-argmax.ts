/**
 * The segmenter's per-pixel classes from its low-resolution logits, as its graph computes them: the logits
 * upsampled bilinearly with corners aligned (cell i on input pixel 4i, as in confidence.ts), then the argmax
 * over classes at each pixel. The graph did that for all 151 classes at every pixel (a third of its run, on the
 * side thread beside the SAM decoder); here most pixels cost nothing, because a bilinear value is a weighted
 * mean of the four cells around the pixel:
 * - where those four cells share their argmax, that class wins at every pixel between them (each weighted
 *   mean of its logits is at least the same mean of any other class's);
 * - elsewhere only classes that could beat a value some class is sure to reach are candidates: a class's
 *   value inside the square is at most its largest corner logit and at least its smallest, and the corners'
 *   own argmax classes give the highest such floor.
 * DeepLab's graph upsamples in two steps of 2× (81 → 161 → 321 cells at 321 px); linear steps compose, so one
 * 4× step gives the same values, and the same classes on every pixel of the samples and COCO128.
 * Ties go to the lower class index, as ONNX ArgMax does.
 */

export interface LowResLogits {
  /** [classCount, side, side], row-major. */
  data: Float32Array;
  classCount: number;
  side: number;
}

/**
 * The logits cell by cell ([side, side, classCount]): a square's four cells then read four runs of memory, not
 * four scattered values per class. Filled only for the corners of squares whose cells disagree.
 */
function cellMajor({ data, classCount, side }: LowResLogits, wanted: Uint8Array): Float32Array {
  const cells = side * side;
  const out = new Float32Array(cells * classCount);
  for (let cell = 0; cell < cells; cell++) {
    if (!wanted[cell]) continue;
    for (let k = 0, at = cell * classCount; k < classCount; k++) out[at + k] = data[k * cells + cell];
  }
  return out;
}

/** Argmax class per cell of the low-resolution grid; ties to the lower index. */
function cellArgmax({ data, classCount, side }: LowResLogits): Int32Array {
  const cells = side * side;
  const best = new Int32Array(cells);
  const bestValue = data.slice(0, cells);
  for (let k = 1; k < classCount; k++) {
    const plane = k * cells;
    for (let cell = 0; cell < cells; cell++) {
      if (data[plane + cell] > bestValue[cell]) {
        bestValue[cell] = data[plane + cell];
        best[cell] = k;
      }
    }
  }
  return best;
}

/**
 * Classes that can win somewhere in the square whose corner cells start at a, b, c, d in `byCell` (see the
 * module comment), written to `out`; their count is returned. `cornerClasses`: the corners' own argmax classes,
 * whose smallest corner logits bound the winning value from below.
 */
function candidatesFor(
  byCell: Float32Array,
  classCount: number,
  corners: Int32Array,
  cornerClasses: Int32Array,
  out: Int32Array,
): number {
  const a = corners[0],
    b = corners[1],
    c = corners[2],
    d = corners[3];
  const smallest = (k: number) => Math.min(byCell[a + k], byCell[b + k], byCell[c + k], byCell[d + k]);
  const floor = Math.max(
    smallest(cornerClasses[0]),
    smallest(cornerClasses[1]),
    smallest(cornerClasses[2]),
    smallest(cornerClasses[3]),
  );
  let count = 0;
  for (let k = 0; k < classCount; k++) {
    if (byCell[a + k] >= floor || byCell[b + k] >= floor || byCell[c + k] >= floor || byCell[d + k] >= floor)
      out[count++] = k;
  }
  return count;
}

const sameClass = (best: Int32Array, a: number, side: number) =>
  best[a] === best[a + 1] && best[a] === best[a + side] && best[a] === best[a + side + 1];

/** Classes per pixel of the size×size input, row-major; `size` = 4 (side − 1) + 1. */
export function upsampledArgmax(logits: LowResLogits, size: number): Int32Array {
  const { classCount, side } = logits;
  const step = (size - 1) / (side - 1);
  const best = cellArgmax(logits);
  const mixedCorner = new Uint8Array(side * side);
  for (let cy = 0; cy < side - 1; cy++)
    for (let a = cy * side, end = a + side - 1; a < end; a++)
      if (!sameClass(best, a, side))
        mixedCorner[a] = mixedCorner[a + 1] = mixedCorner[a + side] = mixedCorner[a + side + 1] = 1;
  const byCell = cellMajor(logits, mixedCorner);
  const classes = new Int32Array(size * size);
  const candidates = new Int32Array(classCount);
  const corners = new Int32Array(4);
  const cornerClasses = new Int32Array(4);
  for (let cy = 0; cy < side - 1; cy++) {
    for (let cx = 0; cx < side - 1; cx++) {
      const a = cy * side + cx;
      // The square's pixels, its right and bottom edges included (the next square writes them the same).
      const y0 = Math.ceil(cy * step),
        y1 = Math.floor((cy + 1) * step),
        x0 = Math.ceil(cx * step),
        x1 = Math.floor((cx + 1) * step);
      if (sameClass(best, a, side)) {
        const k = best[a];
        for (let y = y0; y <= y1; y++) for (let i = y * size + x0, end = y * size + x1; i <= end; i++) classes[i] = k;
        continue;
      }
      corners[0] = a * classCount;
      corners[1] = (a + 1) * classCount;
      corners[2] = (a + side) * classCount;
      corners[3] = (a + side + 1) * classCount;
      cornerClasses[0] = best[a];
      cornerClasses[1] = best[a + 1];
      cornerClasses[2] = best[a + side];
      cornerClasses[3] = best[a + side + 1];
      const count = candidatesFor(byCell, classCount, corners, cornerClasses, candidates);
      for (let y = y0; y <= y1; y++) {
        const ty = y / step - cy;
        for (let x = x0; x <= x1; x++) {
          const tx = x / step - cx;
          const wa = (1 - tx) * (1 - ty),
            wb = tx * (1 - ty),
            wc = (1 - tx) * ty,
            wd = tx * ty;
          let winner = candidates[0],
            top = -Infinity;
          for (let i = 0; i < count; i++) {
            const k = candidates[i];
            const value =
              wa * byCell[corners[0] + k] +
              wb * byCell[corners[1] + k] +
              wc * byCell[corners[2] + k] +
              wd * byCell[corners[3] + k];
            if (value > top) {
              top = value;
              winner = k;
            }
          }
          classes[y * size + x] = winner;
        }
      }
    }
  }
  return classes;
}
