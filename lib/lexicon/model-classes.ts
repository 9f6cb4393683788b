/**
 * Every class of every model, each with its names and the WordNet senses it stands for: the detector's 80 COCO
 * classes, the segmenter's 150 ADE20K classes with all their synonyms, the crop classifier's 1000 ImageNet
 * classes with theirs. The lexicon (model-lexicon.ts) resolves a question's nouns against these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { COCO_CLASSES, cocoSupercategory } from './coco';
import { commonNounSynsets, nounSynsets, synset } from './wordnet';

export type ModelRole = 'detector' | 'segmenter' | 'classifier';

export interface ModelClass {
  role: ModelRole;
  /** The label entities of this class carry (COCO name, ADE's first name, ImageNet's first name). */
  label: string;
  /** Every name the class goes by, lower-case. */
  names: string[];
  synsets: number[];
  /** ADE20K's stuff flag (wall, sky, grass): regions, not countable things. */
  stuff: boolean;
}

/**
 * The WordNet lemma for a COCO class whose plain name's first sense is another thing (a "mouse" is first an
 * animal, a "tie" first a link): the detector's sense, so "animals" never lists a computer mouse.
 */
const COCO_SENSE: Readonly<Record<string, string>> = {
  mouse: 'computer mouse',
  tv: 'television receiver',
  remote: 'remote control',
  tie: 'necktie',
  'sports ball': 'ball',
  'dining table': 'dining table',
  'potted plant': 'pot plant',
  'hair drier': 'hand blower',
  keyboard: 'computer keyboard',
  laptop: 'laptop',
  'cell phone': 'cellular telephone',
  bat: 'baseball bat',
  orange: 'orange',
  'hot dog': 'frankfurter',
  'teddy bear': 'teddy bear',
  kite: 'kite',
  couch: 'sofa',
  skis: 'ski',
};

function labelsDir(): string {
  return path.join(process.cwd(), 'models', 'labels');
}

/** WordNet's lexicographer file for people (noun.person). */
export const NOUN_PERSON = 18;
/** WordNet's lexicographer file for man-made things (noun.artifact). */
export const NOUN_ARTIFACT = 6;

/**
 * A detector or segmenter class's sense: the first one, skipping senses that are people unless the class is
 * ("monitor", "washer", "toaster" are first someone who monitors, washes, toasts; the class is the thing).
 */
function firstSense(name: string): number[] {
  const words = name.toLowerCase().split(/[\s_]+/);
  const senses = nounSynsets(words);
  if (name === 'person') return senses.slice(0, 1);
  const thing = senses.find((s) => synset(s).lexFile !== NOUN_PERSON);
  return thing !== undefined ? [thing] : commonNounSynsets(words).slice(0, 1);
}

/** COCO's own "food" supercategory: these classes mean the food, whatever WordNet's first sense ("broccoli" the plant). */
// COCO lists its classes by supercategory: food runs from banana to cake.
const COCO_FOOD = new Set(cocoSupercategory('food'));
/** WordNet's lexicographer file for foods (noun.food). */
const NOUN_FOOD = 13;

export function cocoClasses(): ModelClass[] {
  return COCO_CLASSES.map((label) => {
    // A two-word class also answers to its head ("bat", "racket", "glove") unless the head is a class of its own
    // ("hot dog" is no dog, "teddy bear" no bear).
    const head = label.split(' ').pop()!;
    const byHead = head !== label && !COCO_CLASSES.includes(head) ? [head] : [];
    const names = [label, ...byHead, ...(COCO_SENSE[label] && COCO_SENSE[label] !== label ? [COCO_SENSE[label]] : [])];
    const food = COCO_FOOD.has(label)
      ? nounSynsets((COCO_SENSE[label] ?? label).split(' ')).filter((s) => synset(s).lexFile === NOUN_FOOD)
      : [];
    return {
      role: 'detector' as const,
      label,
      names,
      synsets: food.length ? food : firstSense(COCO_SENSE[label] ?? label),
      stuff: false,
    };
  });
}

/**
 * ADE20K's objectInfo150 lists a class's names split into single words ("chest;of;drawers;chest;bureau;dresser"
 * for "chest of drawers, chest, bureau, dresser"). The first name is the segmenter's own label (its class list
 * keeps "chest of drawers" whole); after it, the longest run of up to three neighbouring words that makes a
 * WordNet lemma in the same synset as that label is one name again ("street lamp", "cocktail table"), so that
 * "street", "of" or "drawers" do not each mean the class; the other words stay synonyms as listed ("window").
 */
export function adeNames(words: string[], label = words[0]): string[] {
  const lead = label.split(' ');
  const skip = lead.every((w, i) => words[i] === w) ? lead.length : 1;
  const senses = new Set(nounSynsets(lead));
  const names = [label];
  for (let i = skip; i < words.length; ) {
    const span = [3, 2].find(
      (n) => i + n <= words.length && nounSynsets(words.slice(i, i + n)).some((s) => senses.has(s)),
    );
    names.push(words.slice(i, i + (span ?? 1)).join(' '));
    i += span ?? 1;
  }
  return [...new Set(names)];
}

/**
 * The class's sense: the first sense of its label that a later name shares ("pot" with "flowerpot" is the
 * flowerpot, not the cooking pot; "toilet" with "commode" the fixture, not the room), else the label's first
 * sense. Only a shared sense: later synonyms alone are often looser ("double" for door, "mantle" for curtain).
 */
function adeSense(names: string[], stuff: boolean): number[] {
  const senses = nounSynsets(names[0].split(' '));
  const others = new Set(names.slice(1).flatMap((n) => nounSynsets(n.split(' '))));
  const shared = senses.find((s) => others.has(s));
  if (shared !== undefined) return [shared];
  // A class the segmenter outlines is something seen: a first sense that is an idea, a group or a time ("table"
  // the tabular array, "path" a way of life, "van" the vanguard), or a place for a thing class ("seat" of
  // government), gives way to the word's first artifact sense (the piece of furniture).
  const first = firstSense(names[0]);
  const lexFile = first.length ? synset(first[0]).lexFile : undefined;
  const unseen = lexFile !== undefined && (ABSTRACT_LEX_FILES.has(lexFile) || (!stuff && lexFile === NOUN_LOCATION));
  const artifact = unseen ? senses.find((s) => synset(s).lexFile === NOUN_ARTIFACT) : undefined;
  return artifact !== undefined ? [artifact] : first;
}

/** WordNet's noun files for what no photo outlines: acts, attributes, cognition, communication, events, feelings,
 * groups, motives, processes, quantities, relations, shapes, states and times. */
const ABSTRACT_LEX_FILES = new Set([4, 7, 9, 10, 11, 12, 14, 16, 22, 23, 24, 25, 26, 28]);
const NOUN_LOCATION = 15;

function adeClasses(): ModelClass[] {
  const rows = fs.readFileSync(path.join(labelsDir(), 'ade150_object_info.csv'), 'utf8').trim().split('\n').slice(1);
  // The segmenter's class list (line i = class i, 0 = other): the labels its regions carry.
  const labels = fs.readFileSync(path.join(labelsDir(), 'ade151_classes.txt'), 'utf8').trim().split('\n');
  return rows.map((row, index) => {
    const cells = row.split(',');
    const words = cells
      .slice(5)
      .join(',')
      .split(';')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean);
    const names = adeNames(words, labels[index + 1]?.trim() || words[0]);
    return {
      role: 'segmenter' as const,
      label: names[0],
      names,
      synsets: adeSense(names, cells[4] === '1'),
      stuff: cells[4] === '1',
    };
  });
}

function imagenetClasses(): ModelClass[] {
  const entries = JSON.parse(fs.readFileSync(path.join(labelsDir(), 'imagenet_classes.json'), 'utf8')) as string[];
  return entries.map((entry) => {
    const names = entry
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean);
    // ImageNet classes are WordNet synsets: the one sense all their names share, else the first name's.
    const shared = names
      .map((n) => nounSynsets(n.split(' ')))
      .reduce((a, b) => (b.length ? a.filter((s) => b.includes(s)) : a));
    // A class that is not a person takes a sense that is not one ("boxer" the dog, not the fighter).
    const sense = shared.find((s) => synset(s).lexFile !== NOUN_PERSON) ?? shared[0];
    return {
      role: 'classifier' as const,
      label: names[0],
      names,
      synsets: sense !== undefined ? [sense] : firstSense(names[0]),
      stuff: false,
    };
  });
}

let all: ModelClass[] | undefined;

export function modelClasses(): ModelClass[] {
  all ??= [...cocoClasses(), ...adeClasses(), ...imagenetClasses()];
  return all;
}
