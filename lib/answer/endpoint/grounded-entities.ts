/**
 * Open vocabulary through a remote model: boxes an endpoint proposed (label + box) become new entities,
 * segmented by the local SAM (in an inference worker, from the stored image) like the detector's boxes, and
 * join the scene so later questions see them.
 */
import { colorForIndex } from '../../shared/palette';
import type { Entity, Mask } from '../../shared/analysis';
import type { GroundedBox } from '../../shared/chat';
import { segmentInWorker } from '../../server/cluster/dispatch';
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

/** Segments the new entities, adds them to the scene, and reports each entity then its mask. */
export async function addGroundedEntities(
  scene: Scene,
  entities: SceneEntity[],
  onEntity: (entity: Entity) => void,
  onMask: (entityId: string, mask: Mask) => void,
  signal?: AbortSignal,
): Promise<void> {
  for (const entity of entities) {
    scene.entities.push(entity);
    onEntity(entity);
  }
  if (!scene.image || entities.length === 0) return;
  const boxes = entities.map(({ id, box }) => ({ id, box }));
  for (const { id, mask } of await segmentInWorker(scene.image, scene.imageSize ?? scene.image, boxes, signal)) {
    const entity = entities.find((e) => e.id === id);
    if (entity) entity.mask = mask;
    onMask(id, mask);
  }
}
