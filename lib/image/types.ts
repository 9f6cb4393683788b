/** The image types every layer above passes around (see decode.ts). */

/** A decoded, validated image: 8-bit RGB, row-major, 3 bytes a pixel. */
export interface DecodedImage {
  width: number;
  height: number;
  rgb: Uint8Array;
  /** sha256 of the uploaded bytes: the key for caches and results. */
  hash: string;
  /**
   * A smaller copy of a large photo (working-copy.ts) that model inputs are resized from: none of them needs more
   * than 2048 px, and resizing 12 MP five or ten times cost more than the models did. Never stored.
   */
  working?: { width: number; height: number; rgb: Uint8Array };
}

/** Integer pixel bounds [x0, x1) × [y0, y1) inside an image. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
