/**
 * SAM encoder input: RGB, longest side resized to 1024 (SAM's ResizeLongestSide rounding), normalised per
 * channel with ImageNet mean/std in 0–255 units, zero-padded at the bottom and right, NCHW float32.
 */
import { resizeRgb } from '../../image/decode';
import type { DecodedImage } from '../../image/types';

export const SAM_INPUT_SIZE = 1024;
/** Side of the decoder's low-resolution mask, which covers the padded 1024² input. */
export const SAM_LOW_RES_SIZE = 256;
const MEAN = [123.675, 116.28, 103.53];
const STD = [58.395, 57.12, 57.375];

export interface ImageSize {
  width: number;
  height: number;
}

export interface SamGeometry {
  /** Original image size. */
  width: number;
  height: number;
  /** Size of the image inside the 1024² input (the rest is padding). */
  resizedWidth: number;
  resizedHeight: number;
}

export function samGeometry(width: number, height: number): SamGeometry {
  const scale = SAM_INPUT_SIZE / Math.max(width, height);
  return {
    width,
    height,
    resizedWidth: Math.floor(width * scale + 0.5),
    resizedHeight: Math.floor(height * scale + 0.5),
  };
}

/** Normalises resized RGB bytes into the zero-padded 1024² NCHW tensor. */
export function packEncoderInput(
  rgb: Uint8Array,
  resizedWidth: number,
  resizedHeight: number,
  size = SAM_INPUT_SIZE,
): Float32Array {
  const plane = size * size;
  const tensor = new Float32Array(3 * plane); // zeros: padding is 0 after normalisation, as in SAM
  for (let c = 0; c < 3; c++) {
    const mean = MEAN[c];
    const invStd = 1 / STD[c];
    const offset = c * plane;
    for (let y = 0; y < resizedHeight; y++) {
      let src = y * resizedWidth * 3 + c;
      const dst = offset + y * size;
      for (let x = 0; x < resizedWidth; x++, src += 3) tensor[dst + x] = (rgb[src] - mean) * invStd;
    }
  }
  return tensor;
}

/**
 * `size` is the original image's size when `image` is a smaller copy of it (a stored result's, see
 * lib/image/downscale.ts): the geometry, and so prompts and masks, stay in the original's pixels.
 */
export async function preprocess(
  image: DecodedImage,
  size: ImageSize = image,
): Promise<{ data: Float32Array; geometry: SamGeometry }> {
  const geometry = samGeometry(size.width, size.height);
  const resized = await resizeRgb(image, geometry.resizedWidth, geometry.resizedHeight);
  return { data: packEncoderInput(resized, geometry.resizedWidth, geometry.resizedHeight), geometry };
}
