/** Segmenter input: long side resized to S, placed top-left in an S×S uint8 RGB square padded with 128 (NHWC). */
import { resizeRgb } from '../../image/decode';
import type { DecodedImage } from '../../image/types';

const PAD_VALUE = 128;

export interface SegmenterGeometry {
  inputSize: number;
  /** Size of the image inside the square (the rest is padding). */
  resizedWidth: number;
  resizedHeight: number;
}

export function segmenterGeometry(width: number, height: number, inputSize: number): SegmenterGeometry {
  const scale = inputSize / Math.max(width, height);
  return {
    inputSize,
    resizedWidth: Math.max(1, Math.min(inputSize, Math.round(width * scale))),
    resizedHeight: Math.max(1, Math.min(inputSize, Math.round(height * scale))),
  };
}

/** Copies resized RGB rows into the padded square. */
export function packSquare(rgb: Uint8Array, geometry: SegmenterGeometry): Uint8Array {
  const { inputSize, resizedWidth, resizedHeight } = geometry;
  const square = new Uint8Array(inputSize * inputSize * 3).fill(PAD_VALUE);
  for (let y = 0; y < resizedHeight; y++) {
    square.set(rgb.subarray(y * resizedWidth * 3, (y + 1) * resizedWidth * 3), y * inputSize * 3);
  }
  return square;
}

export async function preprocess(
  image: DecodedImage,
  inputSize: number,
): Promise<{ data: Uint8Array; geometry: SegmenterGeometry }> {
  const geometry = segmenterGeometry(image.width, image.height, inputSize);
  const resized = await resizeRgb(image, geometry.resizedWidth, geometry.resizedHeight);
  return { data: packSquare(resized, geometry), geometry };
}
