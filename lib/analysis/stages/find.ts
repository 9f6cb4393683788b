import type { WordResult } from '../../shared/analysis';
import { matchEntities, regionsFromClassMap, wordResult } from '../find/find';
import { classesForWord } from '../find/vocabulary';
import type { PipelineStage } from './types';

/**
 * Find by word (multipart `find=lamp, window`): runs last among the image stages, so every entity (things,
 * stuff, everything-mode regions) can match; segmenter classes the words name that no entity shows yet become
 * regions f1… cut from the class map while the analysis still holds it.
 */
export const findStage: PipelineStage = {
  name: 'find',
  needs: 'find',
  detail:
    'each word → COCO, ADE20K (with synonyms) and ImageNet classes via WordNet → matching entities and segmenter regions',
  reads: ['entities', 'segmentation'],
  writes: ['finds', 'entities (ids f1…)'],
  skipReason: (ctx) => (ctx.scene.image ? undefined : 'no image'),
  async run(ctx) {
    const image = ctx.scene.image!;
    const results: WordResult[] = [];
    let added = 0;
    for (const word of ctx.input.find!) {
      const classes = classesForWord(word);
      if (ctx.segmentation) {
        for (const region of regionsFromClassMap(
          ctx.segmentation,
          classes,
          ctx.scene.entities,
          image.width,
          image.height,
          added,
        )) {
          const { mask, ...entity } = region;
          ctx.scene.entities.push(region);
          ctx.emit({ type: 'entity', entity });
          ctx.emit({ type: 'mask', entityId: entity.id, mask: mask! });
          added++;
        }
      }
      results.push(wordResult(classes, matchEntities(ctx.scene.entities, classes)));
    }
    ctx.scene.finds = results;
    ctx.emit({ type: 'find', results });
  },
};
