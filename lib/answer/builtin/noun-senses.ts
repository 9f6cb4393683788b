/**
 * What WordNet and the model lexicon say about a question's words: whether a noun names a place, clothing or
 * something a model can show, and whether an -ing word is a verb. The classifier (classify-question.ts) asks.
 */
import { detectorBoxes, resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance, isVerb, nounBaseForm } from '../../lexicon/wordnet';

/** Whether the detector or the segmenter has a class for the noun (the crop classifier only names boxed things). */
export function hasVisibleClass(noun: string): boolean {
  return (resolveNoun(noun)?.classes ?? []).some((c) => c.role !== 'classifier');
}

/** "eating" → eat, "running" → run, "grazing" → graze: an -ing form of a WordNet verb. */
export function isVerbForm(word: string): boolean {
  const stem = word.slice(0, -3);
  return [stem, `${stem}e`, stem.slice(0, -1)].some((v) => v.length > 1 && isVerb(v));
}

/** WordNet senses a place falls under: a city, a room, a building, a beach, a street, a park, an airport. */
const PLACE_ROOTS = [
  'location',
  'room',
  'building',
  'geological formation',
  'body of water',
  'thoroughfare',
  'tract',
  'facility',
  'place of business',
];
const PLACE_REACH = 8;

export function isPlaceNoun(noun: string): boolean {
  // A thing the detector boxes ("is this a cab?") is asked about as a thing, whatever else WordNet files it under.
  if (detectorBoxes(noun)) return false;
  const senses = commonNounSynsets(noun.split(' ')).slice(0, 1);
  const roots = PLACE_ROOTS.flatMap((root) => commonNounSynsets(root.split(' ')).slice(0, 1));
  return hypernymDistance(senses, roots, PLACE_REACH) !== undefined;
}

const CLOTHING_REACH = 6;

export function isClothing(noun: string): boolean {
  // WordNet's own base form: "clothes" is a noun as it stands, where a plain singularize would give "clothe".
  const senses = commonNounSynsets([nounBaseForm(noun)]);
  return hypernymDistance(senses, commonNounSynsets(['clothing']), CLOTHING_REACH) !== undefined;
}
