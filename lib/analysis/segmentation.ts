/**
 * Segmentation stage: one SAM mask per entity, from its box. The encoder runs once per image (cached by
 * hash); the decoder runs per entity, one after another: the machine has two cores and each run already
 * uses both, so running prompts in parallel would only make them wait for each other.
 */
import type { Entity, Mask } from '../shared/analysis';
import { encodeImage, segmentBox } from '../models/sam';
import type { DecodedImage } from '../image/types';

export type OnMask = (entityId: string, mask: Mask) => void;

/**
 * Masks keyed by entity id, in entity order; onMask is called as each one is ready (for streaming). `size` is
 * the original image's size when `image` is a stored, downscaled copy: boxes and masks are in its pixels.
 */
export async function segmentEntities(
  image: DecodedImage,
  entities: Pick<Entity, 'id' | 'box'>[],
  onMask?: OnMask,
  size: { width: number; height: number } = image,
): Promise<Map<string, Mask>> {
  const masks = new Map<string, Mask>();
  if (entities.length === 0) return masks;
  const embedding = await encodeImage(image, size);
  for (const entity of entities) {
    const mask = await segmentBox(embedding, entity.box);
    masks.set(entity.id, mask);
    onMask?.(entity.id, mask);
  }
  return masks;
}
