/**
 * Crops of a decoded image, resized for a model's input (detector tiles, classifier crops). sharp does the
 * extract and the resize in one native pass, with the same bilinear kernel as resizeRgb.
 */
import sharp from 'sharp';
import type { Box } from '../shared/analysis';
import type { DecodedImage } from './types';

/** Integer pixel bounds [x0, x1) × [y0, y1) inside an image. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** RGB bytes of `rect` resized to exactly width×height. */
export async function cropResize(image: DecodedImage, rect: PixelRect, width: number, height: number): Promise<Uint8Array> {
  const data = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left: rect.x0, top: rect.y0, width: rect.x1 - rect.x0, height: rect.y1 - rect.y0 })
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
