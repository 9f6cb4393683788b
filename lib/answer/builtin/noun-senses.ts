/**
 * What WordNet and the model lexicon say about a question's words: whether a noun names a place, clothing or
 * something a model can show, and whether an -ing word is a verb. The classifier (classify-question.ts) asks.
 */
import { detectorBoxes, resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance, isVerb, nounBaseForm, nounSynsets } from '../../lexicon/wordnet';

/** Whether the detector or the segmenter has a class for the noun (the crop classifier only names boxed things). */
export function hasVisibleClass(noun: string): boolean {
  return (resolveNoun(noun)?.classes ?? []).some((c) => c.role !== 'classifier');
}

/** "eating" → eat, "running" → run, "grazing" → graze: an -ing form of a WordNet verb. */
export function isVerbForm(word: string): boolean {
  const stem = word.slice(0, -3);
  return [stem, `${stem}e`, stem.slice(0, -1)].some((v) => v.length > 1 && isVerb(v));
}

/** WordNet senses a place falls under: a city, a room, a building, a beach, a street, a park, an airport, a forest. */
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
  'vegetation',
];
const PLACE_REACH = 8;

export function isPlaceNoun(noun: string): boolean {
  // A thing the detector boxes ("is this a cab?") is asked about as a thing, whatever else WordNet files it under.
  if (detectorBoxes(noun)) return false;
  const senses = commonNounSynsets(noun.split(' ')).slice(0, 1);
  const roots = PLACE_ROOTS.flatMap((root) => commonNounSynsets(root.split(' ')).slice(0, 1));
  return hypernymDistance(senses, roots, PLACE_REACH) !== undefined;
}

/** WordNet senses an occasion falls under: a party, a wedding, a match, a game, a concert. */
const OCCASION_ROOTS = ['social event', 'social gathering', 'ceremony', 'contest', 'affair'];
const OCCASION_REACH = 5;
/** Words for the photo itself: "is this a black and white photo?" is about the picture, not a thing in it. */
const THE_PHOTO = new Set(['photo', 'photograph', 'picture', 'image', 'shot', 'snapshot', 'selfie', 'pic']);

/**
 * "Is this a birthday party?", "is it a professional match?", "is this a black and white photo?": the photo
 * or what is going on in it, not a thing the models outlined. A noun a detector or segmenter class names is
 * still a thing ("is it a ball?"), except the words for the photo itself; otherwise any sense counts.
 */
export function isOccasionNoun(noun: string): boolean {
  if (THE_PHOTO.has(noun)) return true;
  if (hasVisibleClass(noun)) return false;
  const roots = OCCASION_ROOTS.flatMap((root) => commonNounSynsets(root.split(' ')).slice(0, 1));
  return hypernymDistance(nounSynsets(noun.split(' ')), roots, OCCASION_REACH) !== undefined;
}

const CLOTHING_REACH = 6;

export function isClothing(noun: string): boolean {
  // WordNet's own base form: "clothes" is a noun as it stands, where a plain singularize would give "clothe".
  const senses = commonNounSynsets([nounBaseForm(noun)]);
  return hypernymDistance(senses, commonNounSynsets(['clothing']), CLOTHING_REACH) !== undefined;
}

/** Garments by where on the body they are worn; WordNet's kinds of these count too (a blazer is a jacket). */
const UPPER_GARMENTS = ['shirt', 'sweater', 'jacket', 'coat', 'blouse', 'vest', 'jersey'];
const LOWER_GARMENTS = ['trouser', 'skirt', 'short pants', 'jean'];
/** Words whose garment sense WordNet does not put first ("top" is mostly a lid) or files as plurals apart. */
const WORN_AS_WRITTEN: Record<string, BodyBand> = {
  top: 'upper',
  pants: 'lower',
  trousers: 'lower',
  jeans: 'lower',
  shorts: 'lower',
};
const GARMENT_REACH = 4;
export type BodyBand = 'upper' | 'lower';

const bands = new Map<string, BodyBand | undefined>();
let anchorSenses: { upper: number[]; lower: number[] } | undefined;

/** "shirt" → upper, "jeans" → lower; a compound WordNet lacks goes by its head noun ("t-shirt" → shirt). */
export function garmentBand(noun: string): BodyBand | undefined {
  if (!bands.has(noun)) bands.set(noun, bandOf(noun));
  return bands.get(noun);
}

function bandOf(noun: string): BodyBand | undefined {
  // "Tops" is the plural of the garment written as it is: WordNet's base form of it is the lid's.
  const asWritten = WORN_AS_WRITTEN[noun] ?? WORN_AS_WRITTEN[noun.replace(/s$/, '')];
  if (asWritten) return asWritten;
  const words = noun.split(/[ -]/);
  const senses = commonNounSynsets(words);
  if (senses.length === 0) return words.length > 1 ? garmentBand(words[words.length - 1]) : undefined;
  const sensesOf = (anchors: string[]) => anchors.flatMap((a) => commonNounSynsets(a.split(' ')));
  anchorSenses ??= { upper: sensesOf(UPPER_GARMENTS), lower: sensesOf(LOWER_GARMENTS) };
  if (hypernymDistance(senses, anchorSenses.upper, GARMENT_REACH) !== undefined) return 'upper';
  if (hypernymDistance(senses, anchorSenses.lower, GARMENT_REACH) !== undefined) return 'lower';
  return undefined;
}
