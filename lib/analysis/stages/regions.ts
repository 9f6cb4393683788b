import { DEEPLAB_ADE151, segmentScene, type SceneSegmentation } from '../../models/ade-segmenter';
import { missingModelsReason } from '../../models/manifest';
import { buildRegions } from '../regions/build';
import { DEFAULT_THRESHOLD } from '../calibration';
import { demoteContradicted } from '../votes';
import type { PipelineContext, PipelineStage } from './types';

const SEGMENTER = DEEPLAB_ADE151;
/** The segmenter's run, started early on its side thread (start below): it needs only the image. */
const started = new WeakMap<PipelineContext, Promise<SceneSegmentation>>();

export const regionsStage: PipelineStage = {
  name: 'regions',
  needs: 'image',
  detail: `${SEGMENTER.source} (${SEGMENTER.modelId} at ${SEGMENTER.inputSize} px): stuff and furniture regions minus the things' masks; with the ImageNet classifier, votes on the things`,
  reads: ['image', 'entities[].mask'],
  writes: ['entities (kind stuff, ids s1…)', 'entities[].alternatives', 'entities[].score (demoted when contradicted)'],
  skipReason: () => missingModelsReason([SEGMENTER.modelId, SEGMENTER.classesId], 'stuff regions'),
  // The SAM decoder's runs keep about one core busy (README, speed): the segmenter takes the other meanwhile.
  startsBeside: 'segmentation',
  start(ctx) {
    const segmenting = segmentScene(ctx.scene.image!, SEGMENTER);
    segmenting.catch(() => {}); // run() awaits it; an analysis cancelled before then never does
    started.set(ctx, segmenting);
  },
  async run(ctx) {
    const image = ctx.scene.image!;
    const segmentation = await (started.get(ctx) ?? segmentScene(image, SEGMENTER));
    ctx.segmentation = segmentation;
    ctx.checkCancelled();
    const things = ctx.scene.entities.filter((e) => e.kind === 'thing');
    // The classifier and the segmenter vote on the shown boxes (votes.ts): a box both contradict is demoted.
    for (const thing of await demoteContradicted(image, things, segmentation, DEFAULT_THRESHOLD)) {
      const { mask, ...entity } = thing;
      ctx.emit({ type: 'entity', entity });
    }
    const { regions, alternatives } = buildRegions(segmentation, image.width, image.height, things, things.length);
    for (const [thingId, named] of alternatives) {
      const thing = ctx.scene.entities.find((e) => e.id === thingId)!;
      thing.alternatives = [...(thing.alternatives ?? []), ...named];
      const { mask, ...entity } = thing;
      ctx.emit({ type: 'entity', entity });
    }
    for (const { entity, mask } of regions) {
      ctx.scene.entities.push({ ...entity, mask });
      ctx.emit({ type: 'entity', entity });
      ctx.emit({ type: 'mask', entityId: entity.id, mask });
    }
  },
};
