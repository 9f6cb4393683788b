/**
 * The coordinate frame an endpoint's boxes are written in, chosen by the source's `boxFormat` setting:
 * - 'qwen2.5-vl': absolute pixels of the model's own resized input. Qwen2.5-VL's processor (smart_resize)
 *   rounds each side to a multiple of 28 and keeps the pixel count within [min_pixels, max_pixels]
 *   (3 136 and 12 845 056 by default), so the frame is that rounded size, not the sent image's.
 * - 'qwen3-vl': 0–1000 on both axes, whatever the image's size.
 * - 'pixels': pixels of the image as sent.
 * extractGroundedBoxes scales from this frame to the analysed image.
 */
export type BoxFormat = 'qwen2.5-vl' | 'qwen3-vl' | 'pixels';

const PATCH = 28;
const MIN_PIXELS = 56 * 56;
const MAX_PIXELS = 14 * 14 * 4 * 16384;

/** Qwen2.5-VL's smart_resize (transformers' qwen2_vl image processor), for the default pixel limits. */
export function qwenResizedSize(width: number, height: number): { width: number; height: number } {
  let h = Math.max(PATCH, Math.round(height / PATCH) * PATCH);
  let w = Math.max(PATCH, Math.round(width / PATCH) * PATCH);
  if (h * w > MAX_PIXELS) {
    const beta = Math.sqrt((height * width) / MAX_PIXELS);
    h = Math.floor(height / beta / PATCH) * PATCH;
    w = Math.floor(width / beta / PATCH) * PATCH;
  } else if (h * w < MIN_PIXELS) {
    const beta = Math.sqrt(MIN_PIXELS / (height * width));
    h = Math.ceil((height * beta) / PATCH) * PATCH;
    w = Math.ceil((width * beta) / PATCH) * PATCH;
  }
  return { width: w, height: h };
}

export function boxFrame(
  format: BoxFormat,
  sent: { width: number; height: number },
): { width: number; height: number } {
  if (format === 'qwen3-vl') return { width: 1000, height: 1000 };
  if (format === 'qwen2.5-vl') return qwenResizedSize(sent.width, sent.height);
  return sent;
}

/** How the prompt asks for coordinates in each frame. */
export function boxFrameWords(format: BoxFormat, sent: { width: number; height: number }): string {
  if (format === 'qwen3-vl') return 'coordinates normalised to 0–1000 on both axes';
  if (format === 'qwen2.5-vl') return 'absolute pixel coordinates of the image as you see it';
  return `absolute pixel coordinates in the ${sent.width}×${sent.height} image`;
}
