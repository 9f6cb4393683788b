import { MAX_MASKED_ENTITIES } from '../../shared/analysis';
import { groundTags } from '../box-grounding';
import type { PipelineStage } from './types';

export const groundingStage: PipelineStage = {
  name: 'grounding',
  needs: 'image',
  detail: 'yolox-nano boxes for each tag',
  reads: ['tags'],
  writes: ['entities'],
  async run(ctx) {
    ctx.scene.entities = groundTags(ctx.scene.tags, ctx.detections, MAX_MASKED_ENTITIES * 2);
    for (const entity of ctx.scene.entities) ctx.emit({ type: 'entity', entity });
  },
};
