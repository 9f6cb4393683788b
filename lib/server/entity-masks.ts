/**
 * Masks on demand: the analysis cuts masks only for the things shown at the default score threshold (each costs
 * a decoder run); when the user lowers the slider, the weaker boxes it reveals get theirs here, from the cached
 * image embedding (the encoder runs again only if the image left the cache). The masks join the stored scene and
 * events, so a reopened /r/<id> shows them. They are kept as SAM cut them, and the scene graph keeps the facts it
 * read during the analysis (a weak thing's from its box): neither a shown mask nor an answer changes because
 * someone moved the slider.
 */
import type { AnalyzeEvent } from '../shared/analysis';
import type { SceneEntity } from '../scene/types';
import { segmentInWorker } from './cluster/dispatch';
import { HttpError } from './http';
import { appendResultEvents, persistScene } from './results';
import { sceneWithImage } from './result-http';

/** Requests for one result run one after another, so two of them never overwrite each other's masks. */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(id) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(id, settled);
  void settled.then(() => queues.get(id) === settled && queues.delete(id));
  return next;
}

function maskable(entities: SceneEntity[], ids: string[]): SceneEntity[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const unknown = ids.find((id) => !byId.has(id));
  if (unknown) throw new HttpError(400, 'unknown_entity', `This result has no entity "${unknown}".`);
  const asked = [...new Set(ids)].map((id) => byId.get(id)!);
  const other = asked.find((e) => e.kind !== 'thing');
  if (other) {
    throw new HttpError(
      400,
      'not_maskable',
      `Entity "${other.id}" is not a detected thing of the photo; only those are masked on demand (regions and your own entities come with theirs).`,
    );
  }
  return asked;
}

/** A `mask` event for each asked entity: its stored mask, or one cut now and stored. */
export function maskEntities(id: string, entityIds: string[], signal?: AbortSignal): Promise<AnalyzeEvent[]> {
  return oneAtATime(id, async () => {
    const scene = await sceneWithImage(id);
    if (scene.video)
      throw new HttpError(
        409,
        'video',
        "A video's keyframes are masked during the analysis; there is no embedding to reuse.",
      );
    const asked = maskable(scene.entities, entityIds);
    const missing = asked.filter((e) => !e.mask);
    if (missing.length) {
      const size = scene.imageSize ?? scene.image;
      const boxes = missing.map((e) => ({ id: e.id, box: e.box }));
      const cut = await segmentInWorker(scene.image, size, boxes, signal);
      for (const { id: entityId, mask } of cut) missing.find((e) => e.id === entityId)!.mask = mask;
      await appendResultEvents(
        id,
        cut.map(({ id: entityId, mask }) => ({ type: 'mask', entityId, mask })),
      );
      await persistScene(scene);
    }
    return asked.map((e) => ({ type: 'mask', entityId: e.id, mask: e.mask! }));
  });
}
