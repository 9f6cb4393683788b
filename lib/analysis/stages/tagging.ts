/**
 * Tagging stage: which things are in the image. Here the tags come from the detector's classes (one tag per
 * class, its best detection score). It is a separate stage from grounding, as in the reference pipeline
 * (RAM tags → Grounding DINO boxes), so an open-vocabulary tagger can replace it without touching grounding.
 */
import type { Tag } from '../../shared/analysis';
import type { Detection } from '../../models/detection';
import { detectThings } from '../detect';
import { detectorModelId } from '../../models/detector';
import type { PipelineStage } from './types';

/** Tags name the detector that found them (STRIX_DETECTOR): "yolox-nano (COCO classes)". */
export const detectorTagSource = () => `${detectorModelId()} (COCO classes)`;

export function tagsFromDetections(detections: Detection[], source = detectorTagSource()): Tag[] {
  const best = new Map<string, number>();
  for (const d of detections) best.set(d.label, Math.max(best.get(d.label) ?? 0, d.score));
  return [...best]
    .map(([label, score]) => ({ label, score, source }))
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

export const taggingStage: PipelineStage = {
  name: 'tagging',
  needs: 'image',
  detail:
    'the COCO detector (yolox-nano on the full image + 2×2 tiles, or yolov5s on the full image); one class per object; calibrated scores; tags are its detected COCO classes',
  reads: ['image'],
  writes: ['tags'],
  async run(ctx) {
    ctx.detections = await detectThings(ctx.scene.image!);
    ctx.scene.tags = tagsFromDetections(ctx.detections);
    ctx.emit({ type: 'tags', tags: ctx.scene.tags });
  },
};
