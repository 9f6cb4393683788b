/**
 * YOLOX input: the image letterboxed into a square (scaled by r = min(S/W, S/H), top-left aligned, the
 * rest filled with 114 as in Megvii's training pipeline), channels in BGR order, raw 0–255, NCHW float32.
 */

export const YOLOX_INPUT_SIZE = 416;
const PAD_VALUE = 114;

export interface LetterboxGeometry {
  /** Scale from image pixels to input pixels; divide model coordinates by it to get image pixels. */
  r: number;
  /** Size of the resized image inside the square input (the rest is padding). */
  resizedWidth: number;
  resizedHeight: number;
}

export function letterboxGeometry(width: number, height: number, size = YOLOX_INPUT_SIZE): LetterboxGeometry {
  const r = Math.min(size / width, size / height);
  return {
    r,
    resizedWidth: Math.max(1, Math.min(size, Math.round(width * r))),
    resizedHeight: Math.max(1, Math.min(size, Math.round(height * r))),
  };
}

/** Packs already-resized RGB bytes into the padded BGR NCHW tensor the model takes. */
export function packLetterbox(
  rgb: Uint8Array,
  resizedWidth: number,
  resizedHeight: number,
  size = YOLOX_INPUT_SIZE,
): Float32Array {
  const plane = size * size;
  const tensor = new Float32Array(3 * plane).fill(PAD_VALUE);
  for (let y = 0; y < resizedHeight; y++) {
    for (let x = 0; x < resizedWidth; x++) {
      const src = (y * resizedWidth + x) * 3;
      const dst = y * size + x;
      tensor[dst] = rgb[src + 2]; // B
      tensor[plane + dst] = rgb[src + 1]; // G
      tensor[2 * plane + dst] = rgb[src]; // R
    }
  }
  return tensor;
}
