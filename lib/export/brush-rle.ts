/**
 * Label Studio's brush RLE (`format: "rle"` on brushlabels results): the bit-packed scheme of thi.ng's
 * rle-pack, as label-studio-converter's brush.py reads and writes it. The stream is:
 *
 *   32 bits  number of values (width × height × 4: RGBA, row-major)
 *    5 bits  word size − 1 (8-bit values here)
 *   4×4 bits the four run-length field sizes − 1 (3, 4, 8, 16 bits, brush.py's defaults)
 *   then chunks: 1 bit "repeat", 2 bits which run-length field, that field = count − 1, then either one word
 *   repeated count times or count literal words; zero-padded to a whole byte.
 *
 * A mask pixel is four equal bytes (255 inside, 0 outside), as brush.py's mask2rle writes and Label Studio's
 * editor reads (the alpha byte is the mask). Every run of equal bytes is therefore ≥ 4 long, so the encoder
 * only writes repeat chunks; the decoder reads both kinds, as Label Studio's does.
 */
import type { Box } from '@/lib/shared/analysis';

const WORD_BITS = 8;
const RUN_FIELD_BITS = [3, 4, 8, 16] as const;
const CHANNELS = 4;

class BitWriter {
  private bytes: number[] = [];
  private current = 0;
  private filled = 0;

  write(value: number, bits: number): void {
    for (let bit = bits - 1; bit >= 0; bit--) {
      this.current = (this.current << 1) | (Math.floor(value / 2 ** bit) & 1);
      if (++this.filled === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.filled = 0;
      }
    }
  }

  finish(): number[] {
    if (this.filled > 0) this.write(0, 8 - this.filled);
    return this.bytes;
  }
}

class BitReader {
  private position = 0;
  constructor(private readonly bytes: ArrayLike<number>) {}

  read(bits: number): number {
    let value = 0;
    for (let i = 0; i < bits; i++, this.position++) {
      const byte = this.bytes[this.position >> 3];
      if (byte === undefined) throw new Error('Brush RLE ends before its declared length.');
      value = value * 2 + ((byte >> (7 - (this.position & 7))) & 1);
    }
    return value;
  }
}

/** Writes `count` copies of `value` as repeat chunks, each in the smallest run-length field that holds it. */
function writeRun(writer: BitWriter, value: number, count: number): void {
  const longest = 2 ** RUN_FIELD_BITS[3];
  for (let left = count; left > 0; ) {
    const chunk = Math.min(left, longest);
    const field = RUN_FIELD_BITS.findIndex((bits) => chunk <= 2 ** bits);
    writer.write(1, 1);
    writer.write(field, 2);
    writer.write(chunk - 1, RUN_FIELD_BITS[field]);
    writer.write(value, WORD_BITS);
    left -= chunk;
  }
}

/** A row-major 0/1 mask as Label Studio brush RLE bytes (the `value.rle` array). */
export function encodeBrushRle(mask: Uint8Array, width: number, height: number): number[] {
  return encodeBrushRleInBox(mask, [0, 0, width, height], width, height);
}

/**
 * The same for a mask held only inside `box` (`bits` row-major over it, zero outside), without pasting it to
 * full size: runs are merged as they come, row by row, so the work follows the box and the run count.
 */
export function encodeBrushRleInBox(bits: Uint8Array, box: Box, width: number, height: number): number[] {
  const writer = new BitWriter();
  writer.write(width * height * CHANNELS, 32);
  writer.write(WORD_BITS - 1, 5);
  for (const fieldBits of RUN_FIELD_BITS) writer.write(fieldBits - 1, 4);
  let value = 0;
  let run = 0;
  const add = (pixel: number, n: number) => {
    if (n <= 0) return;
    if (pixel !== value && run > 0) {
      writeRun(writer, value ? 255 : 0, run * CHANNELS);
      run = 0;
    }
    value = pixel;
    run += n;
  };
  const [bx, by, bw, bh] = box;
  add(0, by * width);
  for (let y = 0; y < bh; y++) {
    add(0, bx);
    for (let x = 0, i = y * bw; x < bw; x++, i++) add(bits[i] ? 1 : 0, 1);
    add(0, width - bx - bw);
  }
  add(0, (height - by - bh) * width);
  if (run > 0) writeRun(writer, value ? 255 : 0, run * CHANNELS);
  return writer.finish();
}

/** Every value a brush RLE holds (RGBA bytes for a brush mask), whatever chunks and field sizes it uses. */
export function decodeBrushRleValues(rle: ArrayLike<number>): Uint8Array {
  const reader = new BitReader(rle);
  const count = reader.read(32);
  const wordBits = reader.read(5) + 1;
  const runFields = [0, 1, 2, 3].map(() => reader.read(4) + 1);
  if (wordBits > 8) throw new Error(`Brush RLE with ${wordBits}-bit words is not a brush mask.`);
  const values = new Uint8Array(count);
  for (let i = 0; i < count; ) {
    const repeat = reader.read(1);
    const end = Math.min(count, i + 1 + reader.read(runFields[reader.read(2)]));
    if (repeat) {
      values.fill(reader.read(wordBits), i, end);
      i = end;
    } else {
      for (; i < end; i++) values[i] = reader.read(wordBits);
    }
  }
  return values;
}

/** A brush RLE back to a row-major 0/1 mask: the alpha byte of each pixel, as brush.py's decode does. */
export function decodeBrushRle(rle: ArrayLike<number>, width: number, height: number): Uint8Array {
  const values = decodeBrushRleValues(rle);
  if (values.length !== width * height * CHANNELS) {
    throw new Error(`Brush RLE holds ${values.length} values, expected ${width}×${height}×${CHANNELS}.`);
  }
  const mask = new Uint8Array(width * height);
  for (let p = 0; p < mask.length; p++) mask[p] = values[p * CHANNELS + 3] > 0 ? 1 : 0;
  return mask;
}
