/**
 * Crops of a decoded image, resized for a model's input (detector tiles, classifier crops). sharp does the
 * extract and the resize in one native pass, with the same bilinear kernel as resizeRgb.
 */
import sharp from 'sharp';
import type { Box } from '../shared/analysis';
import type { DecodedImage, PixelRect } from './types';
import { pixelSource } from './working-copy';

/** RGB bytes of `rect` resized to exactly width×height (read from the working copy when it suffices). */
export async function cropResize(
  image: DecodedImage,
  rect: PixelRect,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const source = pixelSource(image, rect, width, height);
  const { x0, y0, x1, y1 } = source.rect;
  const data = await sharp(source.rgb, { raw: { width: source.width, height: source.height, channels: 3 } })
    .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The box grown by `margin` of its size on each side (at least 1 px wide and high), clipped to the image. */
export function boxWithMargin(box: Box, margin: number, width: number, height: number): PixelRect {
  const [x, y, w, h] = box;
  const x0 = Math.max(0, Math.min(width - 1, Math.floor(x - w * margin)));
  const y0 = Math.max(0, Math.min(height - 1, Math.floor(y - h * margin)));
  return {
    x0,
    y0,
    x1: Math.max(x0 + 1, Math.min(width, Math.ceil(x + w * (1 + margin)))),
    y1: Math.max(y0 + 1, Math.min(height, Math.ceil(y + h * (1 + margin)))),
  };
}

/**
 * An n×n grid of overlapping tiles covering the image: each tile spans 1/(n − (n−1)·overlap) of each side,
 * so neighbours share `overlap` of a tile.
 */
export function tileGrid(width: number, height: number, n: number, overlap: number): PixelRect[] {
  const tileW = Math.ceil(width / (n - (n - 1) * overlap));
  const tileH = Math.ceil(height / (n - (n - 1) * overlap));
  const tiles: PixelRect[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x0 = n === 1 ? 0 : Math.round((i * (width - tileW)) / (n - 1));
      const y0 = n === 1 ? 0 : Math.round((j * (height - tileH)) / (n - 1));
      tiles.push({ x0, y0, x1: Math.min(width, x0 + tileW), y1: Math.min(height, y0 + tileH) });
    }
  }
  return tiles;
}
