/**
 * Finer names from an ImageNet classifier, trusted only where WordNet agrees with the detector: a crop's
 * class is kept when it is a kind of the detector's class (tabby → cat, pickup → truck, golden retriever →
 * dog). ImageNet classes are WordNet noun synsets, so the hypernym chain says that; anything else (the
 * classifier calls the white pickup a limousine, a horse a hartebeest) is dropped, never shown as a name.
 */
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR, type NamedLabel, type Tag } from '../../shared/analysis';
import { boxWithMargin } from '../../image/crop';
import {
  classifyCrops,
  IMAGENET_LABELS_ID,
  imagenetClasses,
  MOBILENET_MODEL_ID,
  MOBILENET_SOURCE,
  type ImageNetClass,
} from '../../models/mobilenet';
import { commonNounSynsets, hypernymDistance, nounSynsets } from '../../lexicon/wordnet';
import { missingModelsReason } from '../../models/manifest';
import type { PipelineContext, PipelineStage } from './types';

/** Hypernym steps allowed from an ImageNet class up to the detector's class (golden retriever → dog is 3). */
const MAX_HYPERNYM_STEPS = 10;
/** Whole-image classes become scene tags: at most this many, the most probable. */
const MAX_SCENE_TAGS = 3;

const underCache = new Map<string, boolean>();

/**
 * The WordNet senses an ImageNet class stands for. Its names are synonyms of one synset, so the senses they
 * share pin it down ("tiger, Panthera tigris" is the cat, not "a fierce person"); a class with a single name
 * keeps all that name's senses.
 */
function classSenses(imagenetClass: ImageNetClass): number[] {
  const perName = imagenetClass.names.map((name) => nounSynsets(name.split(' '))).filter((senses) => senses.length > 0);
  if (perName.length === 0) return [];
  const shared = perName[0].filter((s) => perName.every((senses) => senses.includes(s)));
  return shared.length > 0 ? shared : perName.flat();
}

/** Whether WordNet puts the ImageNet class under a common sense of the detector's label. */
export function isKindOf(imagenetClass: ImageNetClass, label: string): boolean {
  const key = `${imagenetClass.index}:${label}`;
  let under = underCache.get(key);
  if (under === undefined) {
    const target = commonNounSynsets(label.split(' '));
    under = target.length > 0 && hypernymDistance(classSenses(imagenetClass), target, MAX_HYPERNYM_STEPS) !== undefined;
    underCache.set(key, under);
  }
  return under;
}

/** Classes at or above the server's score floor (as detections are), most probable first. */
function probableClasses(probabilities: Float32Array): Array<{ cls: ImageNetClass; score: number }> {
  const all = imagenetClasses();
  const found = [];
  for (let i = 0; i < probabilities.length; i++)
    if (probabilities[i] >= SERVER_SCORE_FLOOR) found.push({ cls: all[i], score: probabilities[i] });
  return found.sort((a, b) => b.score - a.score);
}

/** The most probable class that is a kind of `label` (and not the label itself), or undefined. */
export function fineNameFor(probabilities: Float32Array, label: string): NamedLabel | undefined {
  const match = probableClasses(probabilities).find(
    ({ cls }) => cls.names[0].toLowerCase() !== label && isKindOf(cls, label),
  );
  return match && { label: match.cls.names[0], score: match.score, source: MOBILENET_SOURCE };
}

/** The whole image's probable classes (horse cart, bookcase, ballplayer) as scene tags. */
export function sceneTags(probabilities: Float32Array): Tag[] {
  return probableClasses(probabilities)
    .slice(0, MAX_SCENE_TAGS)
    .map(({ cls, score }) => ({ label: cls.names[0], score, source: MOBILENET_SOURCE }));
}

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
