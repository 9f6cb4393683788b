/**
 * "Are there any bags?" is read as the detector's handbag (the word's usual class), but a bag may also be a
 * paper or plastic one that no model here looks for across the photo. A "no" then says which classes were
 * checked, and that the rest of what the word covers cannot be ruled out.
 */
import { FURNITURE_CLASSES, STUFF_CLASSES } from '../../analysis/regions/vocabulary';
import { cocoSupercategory } from '../../lexicon/coco';
import { type ModelClass, resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance } from '../../lexicon/wordnet';
import { pluralize, singularize } from '../vocabulary';
import { normalizeQuestion } from './question-phrases';
import type { ResolvedQuestion } from './resolved-question';

/** Hypernym steps from a fine class (an ImageNet breed) up to the detector's class it is seen within. */
const WITHIN_DEPTH = 8;

/** Whether the segmenter's class is kept as a region (a surface or a piece of furniture) when it is found. */
export function becomesRegion(label: string): boolean {
  return STUFF_CLASSES.has(label) || FURNITURE_CLASSES.has(label);
}

/** The word the question used where it named `label` ("bags" for handbag), singular. */
function askedWord(question: ResolvedQuestion, label: string): string | undefined {
  const mention = question.labels.find((m) => m.label === label);
  if (!mention) return undefined;
  return singularize(normalizeQuestion(question.question).slice(mention.start, mention.end));
}

/**
 * A class nothing checks across the photo: a segmenter class never kept as a region, or a crop-classifier class
 * that is no kind of a detector class (the classifier only names what the detector boxed).
 */
function unchecked(c: ModelClass, detector: ModelClass[]): boolean {
  const within = detector.some((d) => hypernymDistance(c.synsets, d.synsets, WITHIN_DEPTH) !== undefined);
  if (c.role === 'segmenter') return !becomesRegion(c.label) && !within;
  return c.role === 'classifier' && !within;
}

/** "No handbags, suitcases or backpacks, the detector's kinds of bag; other bags…", or undefined. */
export function broadWordDenial(question: ResolvedQuestion, label: string): string | undefined {
  const word = askedWord(question, label);
  if (!word || word === label) return undefined;
  const classes = resolveNoun(word)?.classes ?? [];
  const detector = classes.filter((c) => c.role === 'detector');
  const own = detector.find((c) => c.label === label);
  // The class must be the word's meaning or a kind of it (a handbag is a bag; a banana is food by COCO's own
  // grouping, though WordNet's common "food" is the nutrient), not a sibling the word was mapped to
  // ("notebook" for laptop names the same thing by another class).
  const senses = commonNounSynsets(word.split(' '));
  const kindOfWord =
    own !== undefined &&
    (hypernymDistance(own.synsets, senses, WITHIN_DEPTH) !== undefined || cocoSupercategory(word).includes(own.label));
  if (!kindOfWord) return undefined;
  if (!classes.some((c) => unchecked(c, detector))) return undefined;
  const checked = [...new Set(detector.map((c) => pluralize(c.label)))];
  const kinds = checked.length > 1 ? `kinds of ${word}` : `kind of ${word}`;
  const either =
    checked.length > 1 ? `${checked.slice(0, -1).join(', ')} or ${checked[checked.length - 1]}` : checked[0];
  // "Other bags", but "other kinds of food": a mass noun has no plural to say.
  const others = pluralize(word) === word ? `other kinds of ${word}` : `other ${pluralize(word)}`;
  return `I see no ${either}, the detector's ${kinds}; ${others} are no class my models look for across the photo, so I can't rule them out.`;
}
