/**
 * How well one noun phrase's head matches one entity label, strongest evidence first:
 *  exact   - the head as written equals the label's head ("dog"/"dog", "brown dog"/"dog").
 *  lemma   - equal after lemmatising ("dogs", "men" → man ≠ person, so not here; "mice" → mouse).
 *  wordnet - WordNet 3.1 nouns: a shared synset ("automobile"/car, "sofa"/couch, "bag"/handbag); the phrase
 *            is a kind of the label within HYPONYM_DEPTH hypernym steps ("puppy"/dog, "man", "girl", "cook",
 *            "player"/person); the label is a kind of the phrase within HYPERNYM_DEPTH steps ("glass"/wine
 *            glass, "drinks"/coffee, "phone"/cell phone, "table"/dining table); or the phrase is a group
 *            whose members are the label ("people"/person, via WordNet's member meronyms).
 *  glove   - for what WordNet misses (in the case table: "racket"/tennis racket, whose sports sense is too
 *            rare in SemCor to count as common; "hydrant"/fire hydrant): cosine ≥ GLOVE_THRESHOLD AND the label is the
 *            word's nearest class among the 80 COCO classes plus this image's labels. The second rule is
 *            what keeps "cat" from linking to the only dog in the image (cat·dog = 0.88 in GloVe: co-hyponyms
 *            look alike), since "cat" is nearest to itself.
 * Polysemy is not resolved: "a mouse running across the field" still links to a detected computer mouse.
 * The detector saw something it calls a mouse and the answer talks about a mouse; showing that link lets the
 * user see the disagreement, and guessing the sense from context would be a guess.
 */
import { COCO_CLASSES } from './coco';
import { meanVector, similarity, type GloveTable } from './glove';
import type { NounPhrase } from './phrases';
import { labelLemmas } from './phrases';
import { commonNounSynsets, hypernymDistance, memberSynsets, nounSynsets, isNoun } from './wordnet';

export type MatchMethod = 'exact' | 'lemma' | 'wordnet' | 'glove';

export interface LabelInfo {
  label: string;
  /** Head compound as written and lemmatised ("wine glass"; "teddy bear"; "ball" for "sports ball"). */
  headWords: string[];
  headLemma: string[];
  modifiers: string[];
  synsets: number[];
}

export interface LabelMatch {
  method: MatchMethod;
  /** Lower is better: method rank first, then WordNet steps or (1 - cosine), then modifier disagreement. */
  cost: number;
}

/** Chosen from measured cosines (100-d, int8): 0.7 keeps fridge/refrigerator (0.83), drinks/coffee (0.73),
 *  vehicle/car (0.86) and rejects road/bus (0.65), meal/cake (0.61), water/light (0.64), kitty/cat (0.45). */
export const GLOVE_THRESHOLD = 0.7;
const HYPONYM_DEPTH = 8;
const HYPERNYM_DEPTH = 4;
const MEMBER_DEPTH = 3;
const METHOD_RANK: Record<MatchMethod, number> = { exact: 0, lemma: 100, wordnet: 200, glove: 300 };

/** Synsets of the lemma and of the surface form together: "men" as written is WordNet's "workforce", as a
 *  lemma it is "man"; "glasses" is both glass and spectacles. */
function synsetsOf(words: string[], lemmas: string[], lookup: (w: string[]) => number[] = nounSynsets): number[] {
  return [...new Set([...lookup(lemmas), ...lookup(words)])];
}

export function analyseLabel(label: string): LabelInfo {
  const { words, lemmas } = labelLemmas(label);
  let k = 1;
  for (let n = Math.min(3, words.length); n >= 2; n--) {
    if (isNoun(words.slice(-n)) || isNoun([...words.slice(-n, -1), lemmas[lemmas.length - 1]])) {
      k = n;
      break;
    }
  }
  const headWords = words.slice(words.length - k);
  const headLemma = [...headWords.slice(0, -1), lemmas[lemmas.length - 1] ?? ''];
  return {
    label,
    headWords,
    headLemma,
    modifiers: lemmas.slice(0, words.length - k),
    synsets: synsetsOf(headWords, headLemma),
  };
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Modifier disagreement: label modifiers the phrase does not have, when the phrase has modifiers of its own
 *  ("black dog" vs label "brown dog" costs 1; "the dog" vs "brown dog" costs 0, the phrase did not say). */
function modifierCost(phrase: NounPhrase, label: LabelInfo): number {
  const said = new Set(phrase.modifiers);
  const agreed = label.modifiers.filter((m) => said.has(m)).length;
  return phrase.modifiers.length === 0 ? 0 : label.modifiers.length - agreed;
}

/** WordNet evidence as a step count, or undefined. */
export function wordNetSteps(phraseSynsets: number[], label: LabelInfo): number | undefined {
  if (phraseSynsets.length === 0 || label.synsets.length === 0) return undefined;
  const down = hypernymDistance(phraseSynsets, label.synsets, HYPONYM_DEPTH);
  const up = hypernymDistance(label.synsets, phraseSynsets, HYPERNYM_DEPTH);
  const members = memberSynsets(phraseSynsets);
  const group = members.length ? hypernymDistance(members, label.synsets, MEMBER_DEPTH) : undefined;
  // A generic word names every kind under it alike ("vehicles" → car and truck), so "up" costs one step
  // whatever its depth; "down" keeps its depth so the nearest kind wins ("puppy": dog before animal).
  const steps = [
    down,
    up === undefined ? undefined : Math.min(up, 1),
    group === undefined ? undefined : group + 1,
  ].filter((s): s is number => s !== undefined);
  return steps.length ? Math.min(...steps) : undefined;
}

export function matchLexically(phrase: NounPhrase, label: LabelInfo): LabelMatch | undefined {
  const mods = modifierCost(phrase, label);
  if (same(phrase.headWords, label.headWords)) return { method: 'exact', cost: METHOD_RANK.exact + mods };
  if (same(phrase.headLemma, label.headLemma)) return { method: 'lemma', cost: METHOD_RANK.lemma + mods };
  // Phrase side: common senses only (see commonNounSynsets); label side: every sense, the detector's label
  // may be a rarer one ("bag" as handbag is sense 4).
  const steps = wordNetSteps(synsetsOf(phrase.headWords, phrase.headLemma, commonNounSynsets), label);
  if (steps !== undefined) return { method: 'wordnet', cost: METHOD_RANK.wordnet + 10 * steps + mods };
  return undefined;
}

/** GloVe vector of a head compound: the word itself if the table has it ("wineglass"), else the words' mean. */
function headVector(table: GloveTable, words: string[]): Float32Array | undefined {
  return table.vector(words.join('')) ?? meanVector(table, words);
}

export function matchByGlove(phrase: NounPhrase, labels: LabelInfo[], table: GloveTable): Map<string, LabelMatch> {
  const result = new Map<string, LabelMatch>();
  // A compound head is a concept of its own: "dog food" is not the mean of dog and food, so only a closed-up
  // spelling the table knows ("wineglass") may stand for it.
  const v =
    phrase.headLemma.length === 1
      ? (table.vector(phrase.headLemma[0]) ?? table.vector(phrase.headWords[0]))
      : table.vector(phrase.headLemma.join(''));
  if (!v) return result;
  const referenceLabels = [...new Set([...COCO_CLASSES, ...labels.map((l) => l.label.toLowerCase())])];
  const scored = referenceLabels.map((label) => {
    const info = labels.find((l) => l.label.toLowerCase() === label);
    const words = info ? info.headLemma : label.split(' ');
    const w = headVector(table, words);
    return { label, isEntity: !!info, cosine: w ? similarity(v, w) : 0 };
  });
  const best = Math.max(...scored.map((s) => s.cosine));
  if (best < GLOVE_THRESHOLD) return result;
  for (const s of scored) {
    // Only the nearest class may win; an entity sharing that nearest vector (same head) wins with it.
    if (s.isEntity && s.cosine >= best - 1e-6) {
      const info = labels.find((l) => l.label.toLowerCase() === s.label)!;
      result.set(info.label, { method: 'glove', cost: METHOD_RANK.glove + 100 * (1 - s.cosine) });
    }
  }
  return result;
}
