import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, ImageInputError, MAX_PIXELS, resizeRgb, sniffImageSignature } from './decode';

async function solid(
  width: number,
  height: number,
  format: 'png' | 'jpeg' | 'webp' | 'gif',
  alpha = 1,
): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 200, g: 10, b: 30, alpha } } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

async function expectInputError(bytes: Uint8Array, code: string): Promise<void> {
  const err = await decodeImage(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageInputError);
  expect((err as ImageInputError).code).toBe(code);
  expect((err as ImageInputError).message.length).toBeGreaterThan(10);
}

/** A real 1×1 PNG whose header is patched to claim width×height (CRC fixed), i.e. a decompression bomb. */
async function pngClaiming(width: number, height: number): Promise<Uint8Array> {
  const png = Buffer.from(await solid(1, 1, 'png'));
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height; the chunk CRC covers type + data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return new Uint8Array(png);
}

describe('decodeImage', () => {
  it('decodes PNG, JPEG and WebP to RGB with the bytes hash', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const bytes = await solid(5, 3, format);
      const image = await decodeImage(bytes);
      expect([image.width, image.height, image.rgb.length]).toEqual([5, 3, 45]);
      expect(image.rgb[0]).toBeGreaterThan(180); // red channel
      expect(image.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('applies the EXIF orientation', async () => {
    // 4×2 stored, orientation 6 (rotate 90° clockwise to display) → 2×4 shown.
    const bytes = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#00ff00' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await decodeImage(new Uint8Array(bytes));
    expect([image.width, image.height]).toEqual([2, 4]);
  });

  it('flattens transparency onto white', async () => {
    const image = await decodeImage(await solid(2, 2, 'png', 0));
    expect([...image.rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('rejects empty, non-image and unsupported image bytes', async () => {
    await expectInputError(new Uint8Array(), 'empty_image');
    await expectInputError(new TextEncoder().encode('hello, this is not an image'), 'unsupported_type');
    const wavHeader = new Uint8Array(64);
    wavHeader.set(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '));
    await expectInputError(wavHeader, 'unsupported_type');
    await expectInputError(await solid(4, 4, 'gif'), 'unsupported_type');
  });

  it('rejects a truncated JPEG as corrupt', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    await expectInputError(new Uint8Array(jpeg.subarray(0, jpeg.length >> 1)), 'corrupt_image');
    await expectInputError(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'corrupt_image');
  });

  it('refuses a decompression bomb from its header, quickly', async () => {
    const bomb = await pngClaiming(50_000, 50_000);
    expect(50_000 * 50_000).toBeGreaterThan(MAX_PIXELS);
    const start = performance.now();
    await expectInputError(bomb, 'too_many_pixels');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('sniffImageSignature', () => {
  it('knows the three accepted signatures', async () => {
    expect(sniffImageSignature(await solid(1, 1, 'png'))).toBe('png');
    expect(sniffImageSignature(await solid(1, 1, 'jpeg'))).toBe('jpeg');
    expect(sniffImageSignature(await solid(1, 1, 'webp'))).toBe('webp');
    expect(sniffImageSignature(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('resizeRgb', () => {
  it('resizes raw RGB to the exact size asked', async () => {
    const image = await decodeImage(await solid(10, 6, 'png'));
    const resized = await resizeRgb(image, 5, 3);
    expect(resized.length).toBe(5 * 3 * 3);
    expect(resized[0]).toBeGreaterThan(180);
  });
});
