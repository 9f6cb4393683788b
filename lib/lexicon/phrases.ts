/**
 * Noun-phrase candidates of an answer, with character offsets into the original text.
 * A phrase is a run of ADJ / NUM / NOUN / PROPN tokens ending in a noun ("brown dog", "four dogs", "wild
 * horses"); determiners and possessives are left out of the span ("a white plate" → "white plate", "a
 * person's bag" → "person" and "bag"). Its head is the last noun, widened to the longest WordNet compound
 * ending there ("hot dogs" → head "hot dog", so it is never a dog; "teddy bears", "cell phone").
 * The tagger mislabels some nouns ("there are drinks," → VERB, "traffic light" → ADJ); such a token counts as a
 * noun when WordNet knows it as one and it stands where a noun must (see nounByPosition); a present-tense
 * verb it calls a plural noun ("a man rides") is split off again (see verbAfterSubject).
 */
import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { COLOUR_NAMES } from '../scene/graph/colour';
import { isNoun, isVerb, nounBaseForm } from './wordnet';

export interface NounPhrase {
  /** [start, end) into the original text. */
  start: number;
  end: number;
  text: string;
  /** Head compound as written, lower-case ("hot", "dogs"). */
  headWords: string[];
  /** Head compound with its last word lemmatised ("hot", "dog"). */
  headLemma: string[];
  /** Lower-case lemmas of the words before the head ("brown", "four"). */
  modifiers: string[];
}

interface Token {
  value: string;
  lower: string;
  lemma: string;
  pos: string;
  stopWord: boolean;
  start: number;
  end: number;
}

const nlpStore = globalThis as typeof globalThis & { __strixWink?: ReturnType<typeof winkNLP> };

function nlp() {
  nlpStore.__strixWink ??= winkNLP(model, ['sbd', 'pos']);
  return nlpStore.__strixWink;
}

/**
 * Longer runs without white space are no words (a URL, a hash, an endpoint's junk) and never name a thing;
 * a regular expression inside wink-nlp costs the square of a word's length (80,000 characters: 3.9 s).
 */
export const MAX_NLP_WORD_CHARS = 64;
const TOO_LONG = new RegExp(`\\S{${MAX_NLP_WORD_CHARS + 1},}`, 'g');

/**
 * Tokens with offsets found by walking the text (wink gives values, not positions). Over-long words are
 * blanked to spaces of the same length first, so they cost nothing and every offset stays right.
 */
export function tokenize(original: string): Token[] {
  const text = original.replace(TOO_LONG, (word) => ' '.repeat(word.length));
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out(its.value) as string;
    const at = text.indexOf(value, cursor);
    if (at < 0) return; // normalised token (rare): no honest offset, so it cannot be linked
    cursor = at + value.length;
    // wink's typings declare its.lemma with the raw-document signature; at run time it is a token its-function.
    const lemma = String(t.out(its.lemma as unknown as ItsFunction<string>) ?? value).toLowerCase();
    const pos = t.out(its.pos) as string;
    const stopWord = Boolean(t.out(its.stopWordFlag));
    tokens.push({ value, lower: value.toLowerCase(), lemma, pos, stopWord, start: at, end: cursor });
  });
  return tokens;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const PREMODIFIER = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
const NOUN_SLOT_BEFORE = new Set(['DET', 'NUM', 'ADJ']);
const LIST_SLOT_BEFORE = new Set(['AUX', 'PUNCT', 'CCONJ']);
const LIST_SLOT_AFTER = new Set(['PUNCT', 'CCONJ']);

function wordNetNoun(t: Token): boolean {
  return isNoun([t.lemma]) || isNoun([t.lower]);
}

/**
 * A VERB/ADJ-tagged token is taken as a noun when WordNet has it as a noun and it ends a noun slot: after a
 * determiner, number or adjective with no noun following ("a light."), or as a bare list item between
 * punctuation/conjunctions ("are drinks, coffee"). A verb after its subject ("horses graze") stays a verb.
 */
function nounByPosition(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'VERB' && t.pos !== 'ADJ') return false;
  const before = tokens[i - 1]?.pos ?? 'PUNCT';
  const after = tokens[i + 1]?.pos ?? 'PUNCT';
  if (NOMINAL.has(after) || after === 'ADJ' || !wordNetNoun(t)) return false;
  // Participles are verbs whatever WordNet says ("a meal is served.", "is running.").
  if (t.pos === 'VERB' && /(ed|ing)$/.test(t.lower)) return false;
  if (t.pos === 'VERB' && NOUN_SLOT_BEFORE.has(before)) return after !== 'DET' && after !== 'PRON';
  return LIST_SLOT_BEFORE.has(before) && LIST_SLOT_AFTER.has(after);
}

const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'each', 'every', 'this', 'that', 'another']);
const AFTER_A_VERB = new Set(['DET', 'ADP', 'ADV', 'PRON', 'PUNCT', 'SCONJ', 'CCONJ', 'PART']);

/**
 * The tagger often reads a present-tense verb after its subject as a plural noun ("the horse grazes in",
 * "a man rides a"). Token i is such a verb when it follows a singular noun, is a WordNet verb, and either a
 * singular determiner opened the phrase ("a cat naps": "a" cannot take a plural head) or the pair is no
 * WordNet compound ("coffee cups", "bus stops" stay nouns) and what follows is what follows a verb.
 */
function verbAfterSubject(tokens: Token[], i: number, runStart: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (i <= runStart || !NOMINAL.has(t.pos) || !NOMINAL.has(prev.pos)) return false;
  if (
    !/[^s]s$/.test(t.lower) ||
    prev.lemma !== prev.lower ||
    (!isVerb(t.lower.slice(0, -1).replace(/e$/, '')) && !isVerb(t.lower.slice(0, -1)))
  )
    return false;
  const opener = tokens[runStart - 1];
  if (opener && SINGULAR_DETERMINERS.has(opener.lower)) return true;
  const after = tokens[i + 1]?.pos ?? 'PUNCT';
  return !isNoun([prev.lower, t.lemma]) && !isNoun([prev.lower, t.lower]) && AFTER_A_VERB.has(after);
}

/**
 * Colour words describe, they do not name: answers say "a blue book" or "a brown bear" for the colour, even
 * though WordNet lists "blue book" (a register) and "brown bear" (a species) as compounds.
 */
// The colour names the scene graph gives masks, and the American spelling of grey.
const COLOUR_WORDS = new Set<string>([...COLOUR_NAMES, 'gray']);

/** Longest WordNet compound (≤ 3 words) that ends the run: its words, or just the last word. */
function headLength(run: Token[]): number {
  for (let k = Math.min(3, run.length); k >= 2; k--) {
    const words = run.slice(run.length - k).map((t) => t.lower);
    if (COLOUR_WORDS.has(words[0])) continue;
    const lemmatised = [...words.slice(0, -1), run[run.length - 1].lemma];
    if (isNoun(lemmatised) || isNoun(words)) return k;
  }
  return 1;
}

export function extractNounPhrases(text: string): NounPhrase[] {
  const tokens = tokenize(text);
  const isNounToken = tokens.map((t, i) => NOMINAL.has(t.pos) || nounByPosition(tokens, i));
  // A mis-tagged last word of a WordNet compound joins it: "teddy bears", "traffic light".
  tokens.forEach((t, i) => {
    if (!isNounToken[i] && i > 0 && isNounToken[i - 1] && isNoun([tokens[i - 1].lower, t.lemma])) isNounToken[i] = true;
  });
  const phrases: NounPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!PREMODIFIER.has(tokens[i].pos) && !isNounToken[i]) {
      i++;
      continue;
    }
    const runStart = i;
    let j = i;
    let endsAtVerb = false;
    while (j < tokens.length && (PREMODIFIER.has(tokens[j].pos) || isNounToken[j])) {
      endsAtVerb = verbAfterSubject(tokens, j, runStart);
      if (endsAtVerb) break;
      j++;
    }
    // Leading quantifiers are not part of the name ("several wild horses"); numbers are ("four dogs").
    while (i < j - 1 && tokens[i].stopWord && tokens[i].pos !== 'NUM') i++;
    // Trim trailing adjectives/numbers: "the dog is brown" has no phrase "brown".
    let last = j - 1;
    while (last >= i && !isNounToken[last]) last--;
    if (last >= i) phrases.push(toPhrase(text, tokens.slice(i, last + 1)));
    i = endsAtVerb ? j + 1 : j; // a verb the tagger called a noun starts no phrase
  }
  return phrases;
}

function toPhrase(text: string, run: Token[]): NounPhrase {
  const k = headLength(run);
  const head = run.slice(run.length - k);
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const last = head[head.length - 1];
  // The tagger leaves some plurals alone (sentence-initial "Oranges" read as a name): WordNet's morphy fixes them.
  const lastLemma = isNoun([last.lemma]) ? last.lemma : nounBaseForm(last.lower);
  return {
    start,
    end,
    text: text.slice(start, end),
    headWords: head.map((t) => t.lower),
    headLemma: [...head.slice(0, -1).map((t) => t.lower), lastLemma],
    modifiers: run.slice(0, run.length - k).map((t) => t.lemma),
  };
}

/** Lemmatised words of an entity label ("Wine Glasses" → ["wine", "glass"]), for label-side analysis. */
export function labelLemmas(label: string): { words: string[]; lemmas: string[] } {
  const tokens = tokenize(label).filter((t) => t.pos !== 'PUNCT');
  return { words: tokens.map((t) => t.lower), lemmas: tokens.map((t) => t.lemma) };
}
