/**
 * Turns uploaded bytes into a DecodedImage (8-bit RGB, row-major), refusing anything that is not a JPEG, PNG
 * or WebP, and anything that would decode to more than MAX_PIXELS. Errors are ImageInputErrors so the route
 * can answer 4xx with a message the user can act on.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import type { DecodedImage } from './types';
import { pixelSource, withWorkingCopy } from './working-copy';

/**
 * libvips threads per image. sharp starts with 1 on glibc Linux without jemalloc (against memory fragmentation);
 * here an inference worker decodes and resizes between its own model runs, so it may use the cores its ORT
 * sessions use (up to four, as lib/models/threads.ts sizes them): a 12 MP JPEG decodes in 97 ms instead of 201
 * (2-core AMD EPYC, bench/big-stages.ts), and 48 such decodes left the process's RSS where one thread left it
 * (538 vs 541 MB).
 */
sharp.concurrency(Math.min(os.availableParallelism(), 4));

/** Largest image we decode (40 MP ≈ 120 MB of RGB). sharp checks it from the header, before decoding. */
export const MAX_PIXELS = 40_000_000;

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

export type ImageInputErrorCode = 'empty_image' | 'unsupported_type' | 'corrupt_image' | 'too_many_pixels';

export class ImageInputError extends Error {
  constructor(
    readonly code: ImageInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageInputError';
  }
}

/**
 * Which accepted format the bytes claim to be by their signature. Used only to tell "not an image we take"
 * (unsupported_type) from "a JPEG/PNG/WebP that is broken" (corrupt_image); sharp's own sniffing decides
 * what is decoded.
 */
export function sniffImageSignature(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

function isPixelLimitError(err: unknown): boolean {
  return err instanceof Error && /pixel limit/i.test(err.message);
}

function tooManyPixels(width?: number, height?: number): ImageInputError {
  const size = width && height ? `${width}×${height} (${((width * height) / 1e6).toFixed(1)} MP)` : 'This image';
  return new ImageInputError(
    'too_many_pixels',
    `${size} is larger than the ${MAX_PIXELS / 1e6} MP limit. Downscale it and try again.`,
  );
}

export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  if (bytes.length === 0) throw new ImageInputError('empty_image', 'The uploaded image is empty.');
  const signature = sniffImageSignature(bytes);
  // failOn 'error' tolerates harmless warnings (odd EXIF, trailing bytes) but refuses truncated data.
  const options: SharpOptions = { limitInputPixels: MAX_PIXELS, failOn: 'error' };

  let metadata: Metadata;
  try {
    // Header only, so no pixel limit here: we check the size ourselves to name it in the message.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    if (signature)
      throw new ImageInputError(
        'corrupt_image',
        `The ${signature.toUpperCase()} file could not be read: it looks damaged or truncated.`,
      );
    throw new ImageInputError('unsupported_type', 'This file is not an image. Upload a JPEG, PNG or WebP.');
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) {
    throw new ImageInputError(
      'unsupported_type',
      `${metadata.format ? metadata.format.toUpperCase() + ' images are' : 'This file is'} not supported. Upload a JPEG, PNG or WebP.`,
    );
  }
  if (metadata.width && metadata.height && metadata.width * metadata.height > MAX_PIXELS) {
    throw tooManyPixels(metadata.width, metadata.height);
  }

  try {
    const { data, info } = await sharp(bytes, options)
      .autoOrient() // apply the EXIF orientation so boxes match what the browser shows
      .flatten({ background: '#ffffff' }) // transparent pixels become white, as browsers show them on white pages
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return await withWorkingCopy({
      width: info.width,
      height: info.height,
      rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      hash: createHash('sha256').update(bytes).digest('hex'),
    });
  } catch (err) {
    if (isPixelLimitError(err)) throw tooManyPixels(metadata.width, metadata.height);
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ImageInputError(
      'corrupt_image',
      `The ${metadata.format.toUpperCase()} image could not be decoded (${reason}).`,
    );
  }
}

/**
 * Resizes an RGB image to exactly width×height with a bilinear kernel (sharp's 'linear', which also
 * antialiases when shrinking, as PIL does in SAM's own preprocessing). Returns row-major RGB bytes.
 */
export async function resizeRgb(image: DecodedImage, width: number, height: number): Promise<Uint8Array> {
  if (width === image.width && height === image.height) return image.rgb;
  const source = pixelSource(image, { x0: 0, y0: 0, x1: image.width, y1: image.height }, width, height);
  const data = await sharp(source.rgb, { raw: { width: source.width, height: source.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
