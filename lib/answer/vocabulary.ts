/**
 * Finds entity labels in free text (questions and earlier answers) for the built-in answerer: exact labels,
 * plurals and a few everyday synonyms. The full answer → entity matcher lives elsewhere; this only has to
 * understand questions well enough to pick what they are about.
 */
import { COCO_CLASSES } from '../models/yolox/classes';
import { resolveNoun } from '../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance } from '../lexicon/wordnet';
import { ROLE_OBJECTS } from './roles';
import { FRAME_NOUNS } from './frame-nouns';

/** The detector's vocabulary: the 80 COCO classes, as YOLOX names them. */
export const COCO_LABELS: readonly string[] = COCO_CLASSES;

/** Everyday words for COCO classes (word → label). Plurals of these are handled by singularize. */
export const LABEL_SYNONYMS: Readonly<Record<string, string>> = {
  people: 'person',
  man: 'person',
  men: 'person',
  woman: 'person',
  women: 'person',
  child: 'person',
  children: 'person',
  kid: 'person',
  boy: 'person',
  girl: 'person',
  guy: 'person',
  human: 'person',
  lady: 'person',
  ladies: 'person',
  persons: 'person',
  player: 'person',
  someone: 'person',
  anyone: 'person',
  somebody: 'person',
  anybody: 'person',
  bike: 'bicycle',
  motorbike: 'motorcycle',
  plane: 'airplane',
  aeroplane: 'airplane',
  jet: 'airplane',
  automobile: 'car',
  lorry: 'truck',
  ship: 'boat',
  puppy: 'dog',
  puppies: 'dog',
  kitten: 'cat',
  table: 'dining table',
  sofa: 'couch',
  plant: 'potted plant',
  television: 'tv',
  // COCO's "tv" class covers computer monitors and screens too.
  monitor: 'tv',
  screen: 'tv',
  telly: 'tv',
  phone: 'cell phone',
  cellphone: 'cell phone',
  smartphone: 'cell phone',
  'mobile phone': 'cell phone',
  ball: 'sports ball',
  fridge: 'refrigerator',
  doughnut: 'donut',
  'hair dryer': 'hair drier',
  hairdryer: 'hair drier',
  teddy: 'teddy bear',
  racket: 'tennis racket',
  mug: 'cup',
  hydrant: 'fire hydrant',
  bag: 'handbag',
  purse: 'handbag',
  'stuffed animal': 'teddy bear',
  'stuffed toy': 'teddy bear',
  'soft toy': 'teddy bear',
  plush: 'teddy bear',
  plushie: 'teddy bear',
  'cuddly toy': 'teddy bear',
  cattle: 'cow',
  calf: 'cow',
  ski: 'skis',
  'remote control': 'remote',
};

/** Irregular plurals that suffix rules get wrong. */
const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  mice: 'mouse',
  sheep: 'sheep',
  skis: 'skis',
  scissors: 'scissors',
  geese: 'goose',
  buses: 'bus',
  glasses: 'glass',
  ladies: 'lady',
  puppies: 'puppy',
};

export function singularize(word: string): string {
  const irregular = IRREGULAR_SINGULARS[word] ?? VES_TO_F[word];
  if (irregular) return irregular;
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Nouns whose plural turns f into ves. */
const F_TO_VES: Record<string, string> = {
  knife: 'knives',
  shelf: 'shelves',
  leaf: 'leaves',
  loaf: 'loaves',
  wolf: 'wolves',
  calf: 'calves',
  half: 'halves',
  scarf: 'scarves',
  life: 'lives',
  wife: 'wives',
};

const VES_TO_F: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(F_TO_VES).map(([singular, plural]) => [plural, singular]),
);

/** Nouns that do not take a plural in ordinary English ("any furniture", not "any furnitures"; "stairs" already is one). */
const UNCOUNTABLE = new Set([
  'sheep',
  'skis',
  'scissors',
  'stairs',
  'glasses',
  'trousers',
  'jeans',
  'shorts',
  'pants',
  'clothes',
  'hair',
  'furniture',
  'equipment',
  'luggage',
  'baggage',
  'clothing',
  'cutlery',
  'silverware',
  'crockery',
  'food',
  'traffic',
  'wildlife',
  'livestock',
  'deer',
  'fish',
]);

/** English plural of a label, for answers: "3 wine glasses", "2 people". */
export function pluralize(label: string): string {
  if (label === 'person') return 'people';
  if (label === 'tv') return 'TVs';
  // "chest of drawers" → "chests of drawers": the head before "of" takes the plural.
  const of = / of /.exec(label);
  if (of) return `${pluralize(label.slice(0, of.index))}${label.slice(of.index)}`;
  if (UNCOUNTABLE.has(label.split(' ').pop() ?? label)) return label;
  const words = label.split(' ');
  const last = words[words.length - 1];
  let plural: string;
  if (F_TO_VES[last]) plural = F_TO_VES[last];
  else if (last === 'mouse') plural = 'mice';
  else if (/[^aeiou]y$/.test(last)) plural = last.slice(0, -1) + 'ies';
  else if (/(s|sh|ch|x|z)$/.test(last)) plural = last + 'es';
  else plural = last + 's';
  return [...words.slice(0, -1), plural].join(' ');
}

export interface LabelMention {
  label: string;
  /** Character offsets of the words in the text. */
  start: number;
  end: number;
  plural: boolean;
}

const MAX_LABEL_WORDS = 3;

/**
 * Every label of `vocabulary` mentioned in `text`, left to right, longest phrase first ("wine glass" before
 * "glass"). Synonyms only count when their label is in the vocabulary. A word no synonym covers is looked up
 * in the lexicon over every model's classes (matching/model-lexicon.ts): "window" meets the segmenter's
 * "windowpane", "vehicle" every car, truck and bus; labels in `present` (the scene's own) come first, and a
 * word naming several present classes yields a mention of each at the same place.
 */
export function findLabelMentions(
  text: string,
  vocabulary: Iterable<string>,
  present?: Iterable<string>,
): LabelMention[] {
  const labels = new Set<string>();
  for (const label of vocabulary) labels.add(label.toLowerCase());
  const inScene = new Set<string>([...(present ?? [])].map((l) => l.toLowerCase()));
  const words = [...text.toLowerCase().matchAll(/[a-z]+(?:-[a-z]+)*/g)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const mentions: LabelMention[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(MAX_LABEL_WORDS, words.length - i); n >= 1; n--) {
      const phrase = words
        .slice(i, i + n)
        .map((w) => w.word)
        .join(' ');
      const resolved = inSceneFirst(resolvePhrase(phrase, labels), phrase, labels, inScene);
      if (resolved) {
        for (const label of [resolved.label, ...(resolved.more ?? [])]) {
          mentions.push({ label, start: words[i].start, end: words[i + n - 1].end, plural: resolved.plural });
        }
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return mentions;
}

/**
 * A synonym names one class ("table" → the detector's dining table); when that class is not in view but the
 * lexicon finds the word's meaning among the scene's own (the segmenter's coffee table), the scene's is meant.
 */
function inSceneFirst(
  direct: ReturnType<typeof resolvePhrase>,
  phrase: string,
  labels: Set<string>,
  inScene: Set<string>,
): ReturnType<typeof resolvePhrase> {
  if (direct && (inScene.size === 0 || inScene.has(direct.label))) return direct;
  const lexical = resolveByLexicon(phrase, labels, inScene);
  if (lexical && inScene.has(lexical.label)) return lexical;
  return headOfLabelInScene(phrase, inScene) ?? direct ?? lexical;
}

/**
 * "The sign" when a stop sign is in view, "the plant" for the potted plant: a word that is the last word of a
 * label in the scene names that label, when the label is a kind of the word — WordNet says so, or does not know
 * the compound (a teddy bear is no bear, a hot dog no dog: WordNet knows both).
 */
function headOfLabelInScene(phrase: string, inScene: Set<string>): { label: string; plural: boolean } | null {
  const word = singularize(phrase);
  if (phrase.includes(' ')) return null;
  const senses = commonNounSynsets([word]);
  for (const label of inScene) {
    const words = label.split(' ');
    if (words.length < 2 || words[words.length - 1] !== word) continue;
    const compound = commonNounSynsets(words);
    if (compound.length === 0 || hypernymDistance(compound, senses, HEAD_KIND_DEPTH) !== undefined)
      return { label, plural: pluralNoun(phrase) };
  }
  return null;
}

/** Hypernym steps from a compound label up to its head word's sense (wine glass → glass is one). */
const HEAD_KIND_DEPTH = 6;

function resolvePhrase(
  phrase: string,
  labels: Set<string>,
): { label: string; plural: boolean; more?: string[] } | null {
  const plural = pluralNoun(phrase);
  const candidates = [phrase, singularLastWord(phrase)];
  for (const candidate of candidates) {
    if (labels.has(candidate)) return { label: candidate, plural };
    const synonym = LABEL_SYNONYMS[candidate] ?? (ROLE_OBJECTS[candidate] ? 'person' : undefined);
    if (synonym && labels.has(synonym)) return { label: synonym, plural };
  }
  return null;
}

/** The lexicon's classes for a phrase, restricted to labels the question may name; present ones first. */
function resolveByLexicon(
  phrase: string,
  labels: Set<string>,
  inScene: Set<string>,
): { label: string; plural: boolean; more?: string[] } | null {
  const singular = singularLastWord(phrase);
  if (FRAME_NOUNS.has(singular) || FRAME_NOUNS.has(phrase)) return null;
  const resolution = resolveNoun(singular) ?? (singular !== phrase ? resolveNoun(phrase) : null);
  if (!resolution) return null;
  const named = [...new Set(resolution.classes.map((c) => c.label.toLowerCase()).filter((l) => labels.has(l)))];
  const seen = named.filter((l) => inScene.has(l));
  // A broad word ("container", "furniture") with none of its kinds in view names no one class: the first of
  // many (a bicycle is a "container" to WordNet) would turn "is there a container?" into "no bicycles".
  if (!seen.length && resolution.how === 'kinds' && named.length > 1) return null;
  const chosen = seen.length ? seen : named.slice(0, 1);
  if (!chosen.length) return null;
  return { label: chosen[0], plural: pluralNoun(phrase), more: chosen.slice(1) };
}

function singularLastWord(phrase: string): string {
  const words = phrase.split(' ');
  words[words.length - 1] = singularize(words[words.length - 1]);
  return words.join(' ');
}

/** Is the phrase's head noun plural ("dogs", "people")? Invariant nouns (sheep) count as singular. */
function pluralNoun(phrase: string): boolean {
  const last = phrase.split(' ').pop() ?? '';
  if (last === 'people' || last === 'children' || last === 'men' || last === 'women' || last === 'cattle') return true;
  return singularize(last) !== last && last !== 'skis' && last !== 'scissors';
}
