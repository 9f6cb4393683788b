/**
 * Confidence of a segmented class: the segmenter's softmax probability of that class, averaged over the input
 * pixels it won. The low-resolution logits have one cell every (S−1)/(side−1) = 4 input pixels (cell i sits on
 * input pixel 4i: S = 4k + 1 with corner-aligned sampling), so each pixel reads its nearest cell.
 */
import type { SceneSegmentation } from './segmentation';

export interface ClassProbabilities {
  /** Mean probability of class c over the input pixels whose argmax is c (NaN for a class never chosen). */
  meanByClass: Float64Array;
  /** Input pixels (inside the image, not padding) whose argmax is c. */
  pixelsByClass: Float64Array;
}

/**
 * log Σ exp(logits) per low-res cell, so any class's probability there is one exp away; only for the cells
 * some image pixel reads (the rest lie over the input's padding: a quarter of a 4:3 photo's cells).
 */
function logNormalisers(seg: SceneSegmentation, usedRows: number, usedColumns: number): Float32Array {
  const { data, classCount, side } = seg.lowres;
  const cells = side * side;
  const out = new Float32Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    if (Math.floor(cell / side) >= usedRows || cell % side >= usedColumns) continue;
    let max = -Infinity;
    for (let c = 0; c < classCount; c++) max = Math.max(max, data[c * cells + cell]);
    let sum = 0;
    for (let c = 0; c < classCount; c++) sum += Math.exp(data[c * cells + cell] - max);
    out[cell] = max + Math.log(sum);
  }
  return out;
}

export function classProbabilities(seg: SceneSegmentation): ClassProbabilities {
  const { classes, geometry, lowres } = seg;
  const S = geometry.inputSize;
  const cells = lowres.side * lowres.side;
  const stride = (S - 1) / (lowres.side - 1);
  const normalisers = logNormalisers(
    seg,
    Math.round((geometry.resizedHeight - 1) / stride) + 1,
    Math.round((geometry.resizedWidth - 1) / stride) + 1,
  );
  const sums = new Float64Array(seg.labels.length);
  const pixelsByClass = new Float64Array(seg.labels.length);
  for (let y = 0; y < geometry.resizedHeight; y++) {
    const cellRow = Math.round(y / stride) * lowres.side;
    // Neighbouring pixels mostly read the same cell for the same class: the last probability is reused then.
    let lastC = -1,
      lastCell = -1,
      probability = 0;
    for (let x = 0; x < geometry.resizedWidth; x++) {
      const c = classes[y * S + x];
      const cell = cellRow + Math.round(x / stride);
      if (c !== lastC || cell !== lastCell) {
        probability = Math.exp(lowres.data[c * cells + cell] - normalisers[cell]);
        lastC = c;
        lastCell = cell;
      }
      pixelsByClass[c]++;
      sums[c] += probability;
    }
  }
  const meanByClass = sums.map((sum, c) => (pixelsByClass[c] > 0 ? sum / pixelsByClass[c] : NaN));
  return { meanByClass, pixelsByClass };
}
