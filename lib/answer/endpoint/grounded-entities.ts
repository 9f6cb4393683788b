/**
 * Open vocabulary through a remote model: boxes an endpoint proposed (label + box) become new entities,
 * segmented by the local SAM (in an inference worker, from the stored image) like the detector's boxes, and
 * join the scene so later questions see them. The caller passes the server's `segment`, so this layer never
 * reaches up to the worker pool.
 */
import { colorForIndex } from '../../shared/palette';
import type { Box, Entity, Mask } from '../../shared/analysis';
import type { GroundedBox } from '../../shared/chat';
import type { DecodedImage } from '../../image/types';
import type { Scene, SceneEntity } from '../../scene/types';

/** A remote model may propose many boxes; each costs a decoder run. */
const MAX_GROUNDED_PER_ANSWER = 8;

export function entitiesFromGroundedBoxes(scene: Scene, boxes: GroundedBox[], model: string): SceneEntity[] {
  const start = scene.entities.length;
  return boxes.slice(0, MAX_GROUNDED_PER_ANSWER).map((grounded, i) => ({
    id: `g${start + i + 1}`,
    label: grounded.label.toLowerCase().trim(),
    // The endpoint gives no confidence: none is shown, the slider does not hide it, and the UI names the source.
    score: null,
    box: grounded.box,
    color: colorForIndex(start + i),
    source: `endpoint: ${model}`,
    kind: 'thing' as const,
  }));
}

/** SAM masks for boxes in an image whose original size was `size` (boxes and masks in those pixels). */
export type SegmentBoxes = (
  image: DecodedImage,
  size: { width: number; height: number },
  boxes: { id: string; box: Box }[],
  signal?: AbortSignal,
) => Promise<{ id: string; mask: Mask }[]>;

/** Segments the new entities, adds them to the scene, and reports each entity then its mask. */
export async function addGroundedEntities(
  scene: Scene,
  entities: SceneEntity[],
  onEntity: (entity: Entity) => void,
  onMask: (entityId: string, mask: Mask) => void,
  segment: SegmentBoxes,
  signal?: AbortSignal,
): Promise<void> {
  for (const entity of entities) {
    scene.entities.push(entity);
    onEntity(entity);
  }
  if (!scene.image || entities.length === 0) return;
  const boxes = entities.map(({ id, box }) => ({ id, box }));
  for (const { id, mask } of await segment(scene.image, scene.imageSize ?? scene.image, boxes, signal)) {
    const entity = entities.find((e) => e.id === id);
    if (entity) entity.mask = mask;
    onMask(id, mask);
  }
}
