/** Small readings of a question's words that the classifier (classify-question.ts) uses: normal form, relation and
 * region words, the place the photo is, and the noun asked about when no known label names it. */
import { isNoun, nounBaseForm } from '../../lexicon/wordnet';
import { singularize, type LabelMention } from '../vocabulary';
import { type BodyBand, garmentBand, hasVisibleClass, isClothing, isPlaceNoun } from './noun-senses';
import { ASKED_COLOUR, COLOUR, COUNT, POSSESSIVE, PRONOUN, THING_AFTER } from './question-patterns';
import type { RegionAsked, RelationAsked } from './question-types';

export function normalizeQuestion(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

export function relationAsked(word: string): RelationAsked {
  if (word === 'on' || word === 'on top of') return 'on';
  if (word === 'in front of' || word === 'behind') return word;
  if (word === 'under' || word === 'beneath' || word === 'below') return 'under';
  if (word === 'holding' || word === 'carrying') return 'holding';
  if (word === 'pulling' || word === 'towing' || word === 'pushing' || word === 'dragging') return 'pulling';
  if (word === 'riding') return 'riding';
  if (word === 'inside' || word === 'in') return 'inside';
  return 'next to';
}

export function regionAsked(word: string): RegionAsked {
  if (word === 'left' || word === 'right') return word;
  if (word === 'front' || word === 'foreground') return 'front';
  if (word === 'back' || word === 'background') return 'back';
  return 'centre';
}

/** "In the room", "in the kitchen": a place the photo is taken in, not a thing in it to relate to. */
export function isTheScene(word: string, anchor: string): boolean {
  return /^(in|inside|at)$/.test(word) && isPlaceNoun(anchor);
}

/**
 * The noun a possessive owns when that is what the question is about and no model can show it ("the cooks'
 * faces", "the dog's tail"); undefined otherwise. Counting has its own parts rule, and the colour of clothes is
 * answered from the wearer's mask ("going by the clothes"), so those stay with their own kinds.
 */
export function partAsked(text: string, labels: LabelMention[]): string | undefined {
  const match = POSSESSIVE.exec(text);
  if (!match || COUNT.test(text)) return undefined;
  const part = nounBaseForm(match[3]);
  const at = (match.index ?? 0) + match[0].length - match[3].length;
  if (labels.some((m) => m.start === at) || hasVisibleClass(part)) return undefined;
  if ((COLOUR.test(text) || ASKED_COLOUR.test(text)) && isClothing(part)) return undefined;
  return part;
}

/** The thing a count/existence question asks about when it is not a known label; undefined otherwise. */
export function thingAsked(text: string, labels: LabelMention[], pattern: RegExp): string | undefined {
  if (labels.length > 0) return undefined;
  if (pattern === THING_AFTER) {
    const match = THING_AFTER.exec(text);
    const thing = match?.[1]?.trim();
    if (!thing || PRONOUN.test(thing) || /^(thing|things|object|objects|anything|something)$/.test(thing))
      return undefined;
    return singularPhrase(thing);
  }
  const match =
    /\b(?:how many|number of)\s+([a-z][a-z -]*?)(?:\s+(?:are|is|do|does|did|has|have|can|in|on|there)\b|[?.!,]|$)/.exec(
      text,
    );
  const thing = match?.[1]?.trim();
  if (!thing || /^(thing|things|object|objects|items?)$/.test(thing)) return undefined;
  return singularPhrase(thing);
}

/** "what colour is the armchair?" → "armchair": the thing named after is/are the, when no label matched it. */
export function nounAfterThe(text: string): string | undefined {
  const m =
    /\b(?:is|are) (?:the|a|an|that|this|those|these|his|her|their|its|my|your) ([a-z]+(?: [a-z]+)?)\s*[?.!]*$/.exec(
      text,
    );
  return m && !PRONOUN.test(m[1]) ? singularPhrase(m[1]) : undefined;
}

export function singularPhrase(phrase: string): string {
  const words = phrase.split(' ');
  const last = words[words.length - 1];
  // A plural WordNet lists as a noun of its own stays ("clothes", "glasses"); others lose their -s.
  words[words.length - 1] = isNoun([last]) ? last : singularize(last);
  return words.join(' ');
}

/** The garment a question names, when it is worn on the upper or lower body ("his shirt", "black trousers"). */
export function garmentIn(text: string): { garment: string; band: BodyBand } | undefined {
  const words = text
    .replace(/[^a-z' -]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    // A two-word garment only where WordNet has the compound ("tank top"), else its words one by one.
    const pair = i + 1 < words.length && isNoun(words.slice(i, i + 2)) ? [words.slice(i, i + 2).join(' ')] : [];
    for (const phrase of [...pair, words[i]]) {
      const band = phrase.length > 2 ? garmentBand(phrase) : undefined;
      if (band) return { garment: phrase, band };
    }
  }
  return undefined;
}

/** "his shirt", "their coats": the wearer named by a possessive pronoun, as a mention of a person there. */
export function wearerMention(text: string): LabelMention | undefined {
  const wearer = /\b(his|her|their)\b/.exec(text);
  if (!wearer) return undefined;
  const at = wearer.index ?? 0;
  return { label: 'person', start: at, end: at + wearer[1].length, plural: wearer[1] === 'their' };
}
