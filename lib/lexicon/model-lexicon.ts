/**
 * One lexicon over every model's classes: the detector's 80 COCO classes, the segmenter's 150 ADE20K classes
 * with all their synonyms, the crop classifier's 1000 ImageNet classes with theirs, each tied to WordNet
 * senses. A noun in a question resolves here to the classes of whichever models could show it:
 *   name   — it is one of a class's names or synonyms ("window" → ADE windowpane, "carpet" → rug,
 *            "doughnut"? no ADE/COCO name, but COCO "donut" shares its WordNet sense → synonym below);
 *   sense  — it shares a WordNet synset with a class ("automobile" → car, "sofa" → couch, "aircraft"? no);
 *   kinds  — classes that are kinds of it, within KIND_DEPTH hypernym steps ("vehicle" → car, truck, bus…,
 *            "furniture" → chair, couch, table…, "animal" → every animal class, "aircraft" → airplane);
 *   kind-of — it is a kind of a class within KIND_OF_DEPTH steps ("kitten" → cat, "pickup" → truck).
 * A noun no model knows resolves to nothing, and the answerer says it can't tell rather than "no".
 */
import { isGroundLabel } from '@/lib/scene/graph/stuff-relations';
import { cocoSupercategory } from './coco';
import {
  cocoClasses,
  modelClasses,
  NOUN_ARTIFACT,
  NOUN_PERSON,
  type ModelClass,
  type ModelRole,
} from './model-classes';
import { attestedSenseCount, commonNounSynsets, hypernymDistance, nounSynsets, synset } from './wordnet';

export { adeNames, modelClasses, type ModelClass, type ModelRole } from './model-classes';

export type ResolveHow = 'name' | 'sense' | 'kinds' | 'kind-of';

export interface Resolution {
  how: ResolveHow;
  classes: ModelClass[];
}

/** "vehicle" reaches car in 2 steps, "animal" reaches dog in ≤ 8 (dog → canine → carnivore → placental → mammal → vertebrate → chordate → animal). */
const KIND_DEPTH = 9;
/** "kitten" → young mammal? no: kitten → cat is 1 step; "pickup" → truck 1; "batter" → ballplayer → athlete → contestant → person 4. */
const KIND_OF_DEPTH = 4;
/** Kind-of reads only a noun's most common sense: rarer ones lead astray ("stump" → stool → toilet). */
const KIND_OF_SENSES = 1;

const cache = new Map<string, Resolution | null>();

/**
 * The classes a noun (lower-case, singular, possibly several words) could be shown by, with how it was
 * found; null when no model has a class for it. Name and sense matches win over kinds; kinds over kind-of.
 */
export function resolveNoun(noun: string): Resolution | null {
  const key = noun.toLowerCase().trim();
  if (cache.has(key)) return cache.get(key)!;
  const classes = modelClasses();
  const senses = commonNounSynsets(key.split(' '));
  // A class the noun is the main name of comes first, then one in the noun's main sense. A class that lists the
  // noun only in a rare sense drops out when another is named by it outright: "pot" is ADE20K's pot (a
  // flowerpot), not its toilet ("toilet, can, commode, crapper, pot…"); a dining table stays a "table" and a
  // wine glass a "glass", kinds of them.
  const named = classes.filter((c) => c.names.includes(key));
  const main = named.filter((c) => c.label === key);
  const stray = (c: ModelClass) =>
    main.length > 0 &&
    !main.includes(c) &&
    hypernymDistance(c.synsets, senses, KIND_DEPTH) === undefined &&
    !main.some((m) => hypernymDistance(c.synsets, m.synsets, KIND_DEPTH) !== undefined);
  const nameRank = (c: ModelClass) => (c.label === key ? 0 : c.synsets.includes(senses[0]) ? 1 : 2);
  const byName = named.filter((c) => !stray(c)).sort((a, b) => nameRank(a) - nameRank(b));
  let result: Resolution | null = null;
  const same = classes.filter((c) => !byName.includes(c) && c.synsets.some((s) => senses.includes(s)));
  const supercategory = cocoSupercategory(key);
  // A noun a class is named by or shares a sense with takes its kinds from one sense only: "plate" is also a
  // sheet of metal, and a frisbee a kind of that. It is the sense of the class the noun names first, when that is
  // one of the noun's ("seat" names the segmenter's seat, the furniture: chairs and benches are kinds of it),
  // else the noun's main sense.
  const namedSense = byName[0]?.synsets.find((s) => senses.includes(s));
  const kindSenses =
    namedSense !== undefined ? [namedSense] : byName.length || same.length ? senses.slice(0, 1) : senses;
  const kinds = classes.filter(
    (c) =>
      !byName.includes(c) &&
      !same.includes(c) &&
      ((kindSenses.length && hypernymDistance(c.synsets, kindSenses, KIND_DEPTH) !== undefined) ||
        (c.role === 'detector' && supercategory.includes(c.label))),
  );
  if (byName.length || same.length)
    result = { how: byName.length ? 'name' : 'sense', classes: [...byName, ...same, ...kinds] };
  else if (kinds.length) result = { how: 'kinds', classes: kinds };
  else if (senses.length && !personByGuess(key)) {
    let best = Infinity;
    let nearest: ModelClass[] = [];
    for (const c of classes) {
      const d = hypernymDistance(senses.slice(0, KIND_OF_SENSES), c.synsets, KIND_OF_DEPTH);
      if (d === undefined || d > best) continue;
      if (d < best) nearest = [];
      best = d;
      nearest.push(c);
    }
    if (nearest.length) result = { how: 'kind-of', classes: nearest };
  }
  if (isUnderfoot(key)) {
    const grounds = classes.filter((c) => c.role === 'segmenter' && isGroundLabel(c.label));
    result = { how: result?.how ?? 'kind-of', classes: [...new Set([...(result?.classes ?? []), ...grounds])] };
  }
  cache.set(key, result);
  return result;
}

/** WordNet's "playing field, athletic field, playing area": a court, a pitch, a ball field. */
const PLAYING_FIELD = 'athletic field';
const PLAYING_FIELD_DEPTH = 2;

/**
 * A court, a pitch, a diamond: ground a game is played on, in any of the noun's senses (a "court" is first a
 * tribunal, a "pitch" first a tone). No model has such a class; the segmenter shows the ground itself.
 */
function isPlayingGround(noun: string): boolean {
  const field = nounSynsets(PLAYING_FIELD.split(' '));
  return hypernymDistance(nounSynsets(noun.split(' ')), field, PLAYING_FIELD_DEPTH) !== undefined;
}

/**
 * "The ground" in everyday speech is whatever surface things stand on (a road, a floor, a runway), not only
 * the segmenter's earth; a court or a pitch likewise. Such words resolve to every ground class.
 */
export function isUnderfoot(noun: string): boolean {
  // Asked of every noun a question names: the WordNet walk is done once per word.
  if (!underfoot.has(noun)) underfoot.set(noun, noun === 'ground' || isPlayingGround(noun));
  return underfoot.get(noun)!;
}
const underfoot = new Map<string, boolean>();

/**
 * A noun WordNet lists first as a person and also as a thing, with no corpus evidence for either ("stroller":
 * someone who strolls, or a pushchair; "walker", "server"): its first sense is a guess, so it is not taken to
 * mean a person.
 */
function personByGuess(noun: string): boolean {
  const words = noun.split(' ');
  const all = nounSynsets(words);
  return (
    attestedSenseCount(words) === 0 &&
    all.length > 1 &&
    synset(all[0]).lexFile === NOUN_PERSON &&
    all.some((s) => synset(s).lexFile === NOUN_ARTIFACT)
  );
}

/** Words for the model that can show a class, for answers that say which model saw something. */
export function modelWords(role: ModelRole): string {
  return role === 'detector'
    ? 'the object detector'
    : role === 'segmenter'
      ? 'the scene segmenter'
      : 'the crop classifier';
}

/**
 * Detector classes that are siblings of `label` in WordNet (a direct hypernym in common: car and truck are
 * both motor vehicles, couch and chair both seats), or the segmenter's class that is its parent (a house is a
 * building, an armchair a chair). A model most often confuses such classes, so when a question takes one for
 * granted ("where is the pickup truck?", "where are the houses?") and only a look-alike was found, it may be it.
 */
export function lookalikeClasses(label: string): string[] {
  const own = cocoClasses().find((c) => c.label === label);
  const ade = own ? undefined : modelClasses().find((c) => c.role === 'segmenter' && c.label === label);
  const mine = own ?? ade;
  if (!mine) return [];
  const parents = new Set(mine.synsets.flatMap((s) => synset(s).hypernyms));
  const related = own
    ? (c: ModelClass) => c.synsets.some((s) => synset(s).hypernyms.some((h) => parents.has(h)))
    : (c: ModelClass) => c.synsets.some((s) => parents.has(s));
  const family = own ? cocoClasses() : modelClasses().filter((c) => c.role === 'segmenter');
  return family.filter((c) => c.label !== label && related(c)).map((c) => c.label);
}

/**
 * Whether the detector boxes what the noun names, in any of its senses: a COCO class by name or sense, or a
 * kind of one ("cab" is first a driver's compartment in WordNet, but also a car).
 */
export function detectorBoxes(noun: string): boolean {
  const senses = nounSynsets(noun.toLowerCase().split(' '));
  return cocoClasses().some(
    (c) => c.names.includes(noun) || hypernymDistance(senses, c.synsets, KIND_OF_DEPTH) !== undefined,
  );
}
