import { MAX_MASKED_ENTITIES } from '../../shared/analysis';
import { boxWithMargin } from '../../image/crop';
import { classifyCrops, IMAGENET_LABELS_ID, MOBILENET_MODEL_ID, MOBILENET_SOURCE } from '../../models/mobilenet';
import { missingModelsReason } from '../../models/manifest';
import { fineNameFor, sceneTags } from '../fine-names';
import type { PipelineContext, PipelineStage } from './types';

/** Context around each box: ImageNet photos show their object with some surroundings. */
const CROP_MARGIN = 0.1;

/** The detector's things that get a mask are the ones worth a finer name (same cap, same order). */
function thingsToName(ctx: PipelineContext) {
  return ctx.scene.entities.filter((e) => e.kind === 'thing').slice(0, MAX_MASKED_ENTITIES);
}

export const fineNamesStage: PipelineStage = {
  name: 'fine-names',
  needs: 'image',
  detail: `${MOBILENET_SOURCE} on each thing's crop and the whole image (one batch); kept when WordNet puts it under the detector's class`,
  reads: ['image', 'entities'],
  writes: ['entities[].fineName', 'tags (scene classes)'],
  skipReason: () => missingModelsReason([MOBILENET_MODEL_ID, IMAGENET_LABELS_ID], 'fine names'),
  async run(ctx) {
    const image = ctx.scene.image!;
    const things = thingsToName(ctx);
    const whole = { x0: 0, y0: 0, x1: image.width, y1: image.height };
    const rects = [whole, ...things.map((t) => boxWithMargin(t.box, CROP_MARGIN, image.width, image.height))];
    const [wholeImage, ...crops] = await classifyCrops(image, rects);
    things.forEach((thing, i) => {
      const fineName = fineNameFor(crops[i], thing.label);
      if (!fineName) return;
      thing.fineName = fineName;
      const { mask, ...entity } = thing;
      ctx.emit({ type: 'entity', entity });
    });
    const known = new Set(ctx.scene.tags.map((t) => t.label));
    const added = sceneTags(wholeImage).filter((t) => !known.has(t.label));
    if (added.length > 0) {
      ctx.scene.tags = [...ctx.scene.tags, ...added];
      ctx.emit({ type: 'tags', tags: ctx.scene.tags });
    }
  },
};
