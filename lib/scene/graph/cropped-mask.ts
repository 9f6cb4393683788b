/**
 * A mask decoded only within its bounding box. Scenes keep images at upload resolution (12 MP photos), where
 * decoding 20 full-frame masks would cost 240 MB and scanning them all seconds; a crop costs only its box.
 */
import type { Box, Rle } from '@/lib/shared/analysis';
import { decodeRleInBox, forEachColumnRun, rleAt, rleRunEnds } from '@/lib/shared/rle';

export interface CroppedMask {
  /** Top-left of the crop in image pixels. */
  x0: number;
  y0: number;
  width: number;
  height: number;
  /** Row-major 0/1 of width × height. */
  data: Uint8Array;
}

/** 1 when image pixel (x, y) is inside the mask. */
export function maskAt(mask: CroppedMask, x: number, y: number): number {
  const cx = x - mask.x0;
  const cy = y - mask.y0;
  if (cx < 0 || cy < 0 || cx >= mask.width || cy >= mask.height) return 0;
  if (mask instanceof LazyCroppedMask) return mask.at(x, y);
  return mask.data[cy * mask.width + cx];
}

/**
 * A 0/1 mask's bytes as whole 32-bit words where they are aligned, with the bytes before and after: a word's
 * four bytes sum in its top byte after a multiply by 0x01010101, so set pixels are counted four at a time.
 */
function alignedWords(data: Uint8Array): { head: number; words: Uint32Array; tail: number } {
  const head = Math.min(data.length, (4 - (data.byteOffset & 3)) & 3);
  const words = new Uint32Array(data.buffer, data.byteOffset + head, (data.length - head) >> 2);
  return { head, words, tail: head + words.length * 4 };
}

const setInWord = (word: number) => Math.imul(word, 0x01010101) >>> 24;

/** How many pixels of a 0/1 mask are set. */
export function countSet(data: Uint8Array): number {
  const { head, words, tail } = alignedWords(data);
  let count = 0;
  for (let j = 0; j < head; j++) count += data[j];
  for (let w = 0; w < words.length; w++) count += setInWord(words[w]);
  for (let j = tail; j < data.length; j++) count += data[j];
  return count;
}

/**
 * Calls `visit` with the index of every `stride`-th set pixel (the first, the 1 + stride-th, …) in order,
 * passing over four pixels at a time where none of them is picked: a colour vote samples a large mask sparsely.
 */
export function forEveryNthSet(data: Uint8Array, stride: number, visit: (index: number) => void): void {
  const { head, words, tail } = alignedWords(data);
  let seen = 0;
  let next = 0;
  const step = (j: number) => {
    if (!data[j] || seen++ !== next) return;
    next += stride;
    visit(j);
  };
  for (let j = 0; j < head; j++) step(j);
  for (let w = 0; w < words.length; w++) {
    const set = setInWord(words[w]);
    if (seen + set <= next) seen += set;
    else for (let j = head + w * 4, end = j + 4; j < end; j++) step(j);
  }
  for (let j = tail; j < data.length; j++) step(j);
}

/** The mask inside its crop `box` (the mask's tight bbox), through the one mask codec in lib/shared/rle.ts. */
export function decodeRleCropped(rle: Rle, box: Box): CroppedMask {
  const { x0, y0, width, height, bits } = decodeRleInBox(rle, box);
  return { x0, y0, width, height, data: bits };
}

/**
 * decodeRleCropped, decoded only when its pixels are first read: the scene graph reads a large photo's colours
 * from the RLE (shrinkRleCropped) and most masks' pixels only where relations sample them, if at all.
 */
class LazyCroppedMask implements CroppedMask {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  private decoded: Uint8Array | undefined = undefined;
  private runEnds: Float64Array | undefined = undefined;

  constructor(
    private readonly rle: Rle,
    private readonly box: Box,
  ) {
    const [imageHeight, imageWidth] = rle.size;
    this.x0 = Math.max(0, Math.floor(box[0]));
    this.y0 = Math.max(0, Math.floor(box[1]));
    this.width = Math.max(0, Math.min(imageWidth, Math.ceil(box[0] + box[2])) - this.x0);
    this.height = Math.max(0, Math.min(imageHeight, Math.ceil(box[1] + box[3])) - this.y0);
  }

  get data(): Uint8Array {
    this.decoded ??= decodeRleInBox(this.rle, this.box).bits;
    return this.decoded;
  }

  /**
   * Pixel (x, y), a point inside the crop: from the pixels once they are decoded, else from the runs, so that
   * sampling a large region at a few points (stuff-relations.ts) does not decode a 12 MP photo's floor.
   */
  at(x: number, y: number): number {
    if (this.decoded) return this.decoded[(y - this.y0) * this.width + (x - this.x0)];
    this.runEnds ??= rleRunEnds(this.rle);
    return rleAt(this.runEnds, this.rle.size[0], x, y);
  }
}

export function lazyRleCropped(rle: Rle, box: Box): CroppedMask {
  return new LazyCroppedMask(rle, box);
}

/**
 * The mask as seen in a smaller copy of the image (sx, sy: copy pixels per image pixel): each copy pixel takes
 * the image pixel under its centre, as the copy's own resampling centres it.
 */
export function shrinkCroppedMask(mask: CroppedMask, sx: number, sy: number): CroppedMask {
  const x0 = Math.floor(mask.x0 * sx);
  const y0 = Math.floor(mask.y0 * sy);
  const width = Math.max(0, Math.ceil((mask.x0 + mask.width) * sx) - x0);
  const height = Math.max(0, Math.ceil((mask.y0 + mask.height) * sy) - y0);
  const data = new Uint8Array(width * height);
  const sourceColumn = Int32Array.from({ length: width }, (_, i) => Math.floor((x0 + i + 0.5) / sx) - mask.x0);
  for (let j = 0; j < height; j++) {
    const y = Math.floor((y0 + j + 0.5) / sy) - mask.y0;
    if (y < 0 || y >= mask.height) continue;
    const row = y * mask.width;
    for (let i = 0; i < width; i++) {
      const x = sourceColumn[i];
      if (x >= 0 && x < mask.width) data[j * width + i] = mask.data[row + x];
    }
  }
  return { x0, y0, width, height, data };
}

/**
 * shrinkCroppedMask(decodeRleCropped(rle, box), sx, sy), read straight from the RLE's column runs: the same
 * copy pixels take the same image pixels, but the work is the runs and the copy pixels set, not the full-size
 * crop (a 12 MP photo's sky is millions of pixels to decode and then sample).
 */
export function shrinkRleCropped(rle: Rle, box: Box, sx: number, sy: number): CroppedMask {
  const [imageHeight, imageWidth] = rle.size;
  const bx0 = Math.max(0, Math.floor(box[0]));
  const by0 = Math.max(0, Math.floor(box[1]));
  const bx1 = Math.max(bx0, Math.min(imageWidth, Math.ceil(box[0] + box[2])));
  const by1 = Math.max(by0, Math.min(imageHeight, Math.ceil(box[1] + box[3])));
  const x0 = Math.floor(bx0 * sx);
  const y0 = Math.floor(by0 * sy);
  const width = Math.max(0, Math.ceil(bx1 * sx) - x0);
  const height = Math.max(0, Math.ceil(by1 * sy) - y0);
  const data = new Uint8Array(width * height);
  // The copy column each image column of the box is sampled by (-1: none), as shrinkCroppedMask picks them.
  const columnOf = new Int32Array(bx1 - bx0).fill(-1);
  for (let i = 0; i < width; i++) {
    const x = Math.floor((x0 + i + 0.5) / sx);
    if (x >= bx0 && x < bx1) columnOf[x - bx0] = i;
  }
  // rowsBefore[y - by0]: how many copy rows sample an image row above y (copy rows sample rows in order).
  const rowsBefore = new Int32Array(by1 - by0 + 1);
  let j = 0;
  for (let y = by0; y <= by1; y++) {
    while (j < height && Math.floor((y0 + j + 0.5) / sy) < y) j++;
    rowsBefore[y - by0] = j;
  }
  // Copy rows whose image row lies outside the box stay empty, as in shrinkCroppedMask.
  forEachColumnRun(rle, (x, top, bottom) => {
    if (x < bx0 || x >= bx1) return;
    const i = columnOf[x - bx0];
    if (i < 0) return;
    const first = rowsBefore[Math.max(top, by0) - by0];
    const end = rowsBefore[Math.min(bottom, by1) - by0];
    for (let r = first; r < end; r++) data[r * width + i] = 1;
  });
  return { x0, y0, width, height, data };
}

/** A filled rectangle as a mask: the box's central half, for entities without a mask (mostly object). */
export function boxCoreMask(box: Box, imageWidth: number, imageHeight: number): CroppedMask {
  const x0 = Math.max(0, Math.floor(box[0] + box[2] / 4));
  const y0 = Math.max(0, Math.floor(box[1] + box[3] / 4));
  const x1 = Math.min(imageWidth, Math.ceil(box[0] + (3 * box[2]) / 4));
  const y1 = Math.min(imageHeight, Math.ceil(box[1] + (3 * box[3]) / 4));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  return { x0, y0, width, height, data: new Uint8Array(width * height).fill(1) };
}

/**
 * Mean position of an RLE mask's pixels (pixel centres), or null when it is empty, summed a column run at a
 * time: it costs the mask's runs, not its pixels (a 12 MP photo's sky is millions). The sums are integers
 * taken from the box's corner, so the result does not depend on the order they are added in.
 */
export function rleCentroid(rle: Rle, box: Box): [number, number] | null {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  let sumX = 0,
    sumY = 0,
    area = 0;
  forEachColumnRun(rle, (x, top, bottom) => {
    const rows = bottom - top;
    sumX += (x - x0) * rows;
    sumY += ((top + bottom - 1) * rows) / 2 - y0 * rows; // Σ (y − y0) over the run's rows
    area += rows;
  });
  return area ? [x0 + sumX / area + 0.5, y0 + sumY / area + 0.5] : null;
}
