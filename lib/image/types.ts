/** The image type every layer above passes around (see decode.ts). */

/** A decoded, validated image: 8-bit RGB, row-major, 3 bytes a pixel. */
export interface DecodedImage {
  width: number;
  height: number;
  rgb: Uint8Array;
  /** sha256 of the uploaded bytes: the key for caches and results. */
  hash: string;
}
