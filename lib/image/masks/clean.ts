/**
 * Mask clean-up after thresholding SAM's logits, as the reference demo does (holes under 400 px² filled),
 * plus dropping specks that are not connected to the object.
 */
import { forEachComponent } from './components';

/** Area at which the reference fills holes, in pixels of SAM's 1024-pixel working frame. */
export const REFERENCE_HOLE_AREA = 400;
const SAM_FRAME = 1024;

/**
 * The hole/island area for an image: 400 px² at SAM's working resolution (long side 1024), scaled by the
 * square of the image's long side over 1024, so the same hole is filled whatever the upload's resolution.
 */
export function smallRegionArea(width: number, height: number): number {
  const scale = Math.max(width, height) / SAM_FRAME;
  return Math.max(1, Math.round(REFERENCE_HOLE_AREA * scale * scale));
}

/** Sets to 1 every background region smaller than maxArea that does not reach the mask's edge. In place. */
export function fillSmallHoles(mask: Uint8Array, width: number, height: number, maxArea: number): Uint8Array {
  forEachComponent(mask, width, height, 0, ({ pixels, touchesBorder }) => {
    if (!touchesBorder && pixels.length < maxArea) for (const i of pixels) mask[i] = 1;
  });
  return mask;
}

/**
 * Clears every foreground region smaller than maxArea, except the largest one, so a small object's mask is
 * never emptied. In place.
 */
export function removeSmallIslands(mask: Uint8Array, width: number, height: number, maxArea: number): Uint8Array {
  const small: Int32Array[] = [];
  let largest = 0;
  forEachComponent(mask, width, height, 1, ({ pixels }) => {
    largest = Math.max(largest, pixels.length);
    if (pixels.length < maxArea) small.push(pixels.slice());
  });
  for (const pixels of small) {
    if (pixels.length === largest) {
      largest = -1; // keep exactly one largest component
      continue;
    }
    for (const i of pixels) mask[i] = 0;
  }
  return mask;
}
