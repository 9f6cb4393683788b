import { describe, expect, it } from 'vitest';
import { upsampledArgmax, type LowResLogits } from './upsampled-argmax';

/** Every class's bilinear value at every pixel, then the first largest: what the graph's Resize + ArgMax do. */
function bruteForce({ data, classCount, side }: LowResLogits, size: number): Int32Array {
  const cells = side * side;
  const step = (size - 1) / (side - 1);
  const out = new Int32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const cy = Math.min(side - 2, Math.floor(y / step)),
        cx = Math.min(side - 2, Math.floor(x / step));
      const ty = y / step - cy,
        tx = x / step - cx;
      let best = 0,
        top = -Infinity;
      for (let k = 0; k < classCount; k++) {
        const at = (yy: number, xx: number) => data[k * cells + yy * side + xx];
        const value =
          (1 - tx) * (1 - ty) * at(cy, cx) +
          tx * (1 - ty) * at(cy, cx + 1) +
          (1 - tx) * ty * at(cy + 1, cx) +
          tx * ty * at(cy + 1, cx + 1);
        if (value > top) {
          top = value;
          best = k;
        }
      }
      out[y * size + x] = best;
    }
  return out;
}

/** Smooth class fields with noise, so that most squares agree and the borders between classes do not. */
function logits(classCount: number, side: number, seed: number): LowResLogits {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const centres = Array.from({ length: classCount }, () => [random() * side, random() * side]);
  const data = new Float32Array(classCount * side * side);
  for (let k = 0; k < classCount; k++)
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++)
        data[k * side * side + y * side + x] = -Math.hypot(y - centres[k][1], x - centres[k][0]) + random() * 2;
  return { data, classCount, side };
}

describe('upsampledArgmax', () => {
  it('gives the class the full bilinear upsampling and argmax give at every pixel', () => {
    for (const seed of [1, 2, 3]) {
      const lowres = logits(12, 21, seed);
      expect(upsampledArgmax(lowres, 81)).toEqual(bruteForce(lowres, 81));
    }
  });

  it('gives a tie to the lower class index, as ONNX ArgMax does', () => {
    const lowres = { data: new Float32Array(3 * 2 * 2).fill(1), classCount: 3, side: 2 };
    expect(Array.from(upsampledArgmax(lowres, 5))).toEqual(new Array(25).fill(0));
  });
});
