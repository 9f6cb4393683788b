import { detectThings } from '../detect';
import { tagsFromDetections } from '../tagging';
import type { PipelineStage } from './types';

export const taggingStage: PipelineStage = {
  name: 'tagging',
  needs: 'image',
  detail: 'yolox-nano on the full image + 2×2 tiles; one class per object; calibrated scores; tags are its detected COCO classes',
  reads: ['image'],
  writes: ['tags'],
  async run(ctx) {
    ctx.detections = await detectThings(ctx.scene.image!);
    ctx.scene.tags = tagsFromDetections(ctx.detections);
    ctx.emit({ type: 'tags', tags: ctx.scene.tags });
  },
};
