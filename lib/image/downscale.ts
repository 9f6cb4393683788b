/**
 * The copy of an image a stored result keeps: questions need pixels (text reading, masks for boxes an
 * endpoint proposes, the picture sent to an endpoint), but no question needs 40 MP. The long side goes to
 * 1024 with SAM's ResizeLongestSide rounding and the same bilinear kernel as SAM's preprocessing, so SAM run
 * on the copy sees exactly the pixels it saw during the analysis.
 */
import { resizeRgb } from './decode';
import type { DecodedImage } from './types';

export const STORED_LONG_SIDE = 1024;

type Size = { width: number; height: number };

export function storedSize(width: number, height: number): Size {
  const scale = STORED_LONG_SIDE / Math.max(width, height);
  if (scale >= 1) return { width, height };
  return { width: Math.floor(width * scale + 0.5), height: Math.floor(height * scale + 0.5) };
}

async function resizeTo(image: DecodedImage, size: Size): Promise<DecodedImage> {
  if (size.width === image.width && size.height === image.height) return image;
  // resizeRgb reads the working copy, as SAM's input did: the stored copy keeps SAM's exact pixels.
  return { ...size, rgb: await resizeRgb(image, size.width, size.height), hash: image.hash };
}

export function downscaleForStorage(image: DecodedImage): Promise<DecodedImage> {
  return resizeTo(image, storedSize(image.width, image.height));
}
