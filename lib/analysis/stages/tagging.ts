import { SERVER_SCORE_FLOOR } from '../../shared/analysis';
import { detectObjects } from '../../models/yolox';
import { mergeCrossClassDuplicates } from '../duplicates';
import { tagsFromDetections } from '../tagging';
import type { PipelineStage } from './types';

export const taggingStage: PipelineStage = {
  name: 'tagging',
  needs: 'image',
  detail: 'yolox-nano on the full image + 2×2 tiles; one class per object; tags are its detected COCO classes',
  reads: ['image'],
  writes: ['tags'],
  async run(ctx) {
    ctx.detections = mergeCrossClassDuplicates(await detectObjects(ctx.scene.image!, SERVER_SCORE_FLOOR));
    ctx.scene.tags = tagsFromDetections(ctx.detections);
    ctx.emit({ type: 'tags', tags: ctx.scene.tags });
  },
};
