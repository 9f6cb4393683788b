/**
 * Large photos: every model input is at most 1024 px (SAM) or a crop shrunk to 224–416 px, and the stored copy
 * is 1024 px, so a 12 MP photo's pixels are read once, into a copy whose long side is WORKING_LONG_SIDE, and
 * model inputs are resized from that copy whenever it still has at least the pixels the output needs. Boxes
 * and masks stay in the original's pixels: only where pixels are read from changes.
 */
import sharp from 'sharp';
import type { DecodedImage, PixelRect } from './types';

/** Twice SAM's 1024: each model input still comes from at least 2× its pixels, as bilinear antialiasing wants. */
export const WORKING_LONG_SIDE = 2048;

/** The working copy's size (or a frame of another `longSide`): the image's own when its long side is at most that. */
export function workingSize(
  width: number,
  height: number,
  longSide = WORKING_LONG_SIDE,
): { width: number; height: number } {
  const scale = longSide / Math.max(width, height);
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The image with a working copy attached when its long side exceeds WORKING_LONG_SIDE. */
export async function withWorkingCopy(image: DecodedImage): Promise<DecodedImage> {
  const { width, height } = workingSize(image.width, image.height);
  if (width === image.width && height === image.height) return image;
  const data = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return { ...image, working: { width, height, rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) } };
}

export interface PixelSource {
  rgb: Uint8Array;
  width: number;
  height: number;
  rect: PixelRect;
}

/**
 * Where to read `rect` (original pixels) from to make an outWidth×outHeight image: the working copy (rect
 * scaled into it) when that copy holds at least the output's pixels along both axes, else the original.
 */
export function pixelSource(image: DecodedImage, rect: PixelRect, outWidth: number, outHeight: number): PixelSource {
  const original = { rgb: image.rgb, width: image.width, height: image.height, rect };
  const copy = image.working;
  if (!copy) return original;
  const sx = copy.width / image.width;
  const sy = copy.height / image.height;
  if ((rect.x1 - rect.x0) * sx < outWidth || (rect.y1 - rect.y0) * sy < outHeight) return original;
  const x0 = Math.min(copy.width - 1, Math.floor(rect.x0 * sx));
  const y0 = Math.min(copy.height - 1, Math.floor(rect.y0 * sy));
  const x1 = Math.max(x0 + 1, Math.min(copy.width, Math.round(rect.x1 * sx)));
  const y1 = Math.max(y0 + 1, Math.min(copy.height, Math.round(rect.y1 * sy)));
  return { rgb: copy.rgb, width: copy.width, height: copy.height, rect: { x0, y0, x1, y1 } };
}
