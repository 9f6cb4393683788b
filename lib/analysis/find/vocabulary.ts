/**
 * Find by word, step one: a word → the classes of every model that has it. The interface is the function type
 * `WordToClasses`, so a fuller lexicon (lib/lexicon) can replace `classesForWord` later.
 * A class matches when its name or an ADE20K synonym is the word, or when WordNet puts one under the other:
 * the class is a kind of the word ("furniture" → chair, couch) or the word a kind of the class ("puppy" → dog).
 * Words that name no kind of thing ("object", "stuff") match nothing, so they do not select everything.
 */
import { COCO_CLASSES } from '../../models/yolox/classes';
import { detectorModelId } from '../../models/detector';
import { imagenetClasses, MOBILENET_SOURCE } from '../../models/mobilenet';
import { DEEPLAB_ADE151, segmenterLabels } from '../../models/ade-segmenter';
import { isKindOf } from '../stages/fine-names';
import { isNonThing } from '../../lexicon/non-things';
import { commonNounSynsets, hypernymDistance, isNoun, nounBaseForm } from '../../lexicon/wordnet';
import ade from './ade-synonyms.json';

export interface ClassMatch {
  /** Model id whose output carries this class (yolox-nano, the ADE20K segmenter, the ImageNet classifier). */
  model: string;
  label: string;
  via: 'name' | 'synonym' | 'wordnet';
}

export interface WordClasses {
  word: string;
  classes: ClassMatch[];
}

export type WordToClasses = (word: string) => WordClasses;

/** Hypernym steps allowed in either direction (puppy → dog is 2; furniture → chair is 2, animal → cat 5). */
const MAX_STEPS = 6;

const senses = (name: string) => commonNounSynsets(name.split(' '));

function wordnetRelated(wordSenses: number[], name: string): boolean {
  const classSenses = senses(name);
  if (wordSenses.length === 0 || classSenses.length === 0) return false;
  return (
    hypernymDistance(classSenses, wordSenses, MAX_STEPS) !== undefined ||
    hypernymDistance(wordSenses, classSenses, MAX_STEPS) !== undefined
  );
}

export const classesForWord: WordToClasses = (input) => {
  const word = input.trim().toLowerCase();
  const words = word.split(/\s+/);
  const base = words.length === 1 ? nounBaseForm(word) : word;
  // "windows" is a noun of its own in WordNet (the software), so its singular is tried as a name too.
  const forms = new Set([
    word,
    base,
    ...(word.endsWith('s') && isNoun(word.slice(0, -1).split(' ')) ? [word.slice(0, -1)] : []),
  ]);
  // A word naming no kind of thing still matches a class by name ("picture" is ADE20K's painting), not by WordNet.
  const wordSenses = isNonThing(base.split(' ')) ? [] : senses(base);
  const classes: ClassMatch[] = [];
  const same = (name: string) => forms.has(name);
  for (const label of COCO_CLASSES) {
    if (same(label)) classes.push({ model: detectorModelId(), label, via: 'name' });
    else if (wordnetRelated(wordSenses, label)) classes.push({ model: detectorModelId(), label, via: 'wordnet' });
  }
  const synonyms = ade.synonyms as Record<string, string[]>;
  for (const label of segmenterLabels(DEEPLAB_ADE151).slice(1)) {
    if (same(label)) classes.push({ model: DEEPLAB_ADE151.source, label, via: 'name' });
    else if ((synonyms[label] ?? []).some(same)) classes.push({ model: DEEPLAB_ADE151.source, label, via: 'synonym' });
    else if (wordnetRelated(wordSenses, label)) classes.push({ model: DEEPLAB_ADE151.source, label, via: 'wordnet' });
  }
  for (const cls of imagenetClasses()) {
    const label = cls.names[0];
    if (cls.names.some((n) => same(n.toLowerCase()))) classes.push({ model: MOBILENET_SOURCE, label, via: 'name' });
    // Only kinds of the word: a dog breed is a dog, but "dog" is not a kind of any one breed.
    else if (wordSenses.length > 0 && isKindOf(cls, base))
      classes.push({ model: MOBILENET_SOURCE, label, via: 'wordnet' });
  }
  return { word, classes };
};
