/** Small readings of a question's words that the classifier (classify-question.ts) uses: normal form, relation and
 * region words, the place the photo is, and the noun asked about when no known label names it. */
import { isNoun, nounBaseForm } from '../../lexicon/wordnet';
import { singularize, type LabelMention } from '../vocabulary';
import { type BodyBand, garmentBand, hasVisibleClass, isClothing, isPlaceNoun } from './noun-senses';
import { ASKED_COLOUR, COLOUR, COUNT, POSSESSIVE, PRONOUN, THING_AFTER } from './question-patterns';
import type { RegionAsked, RelationAsked } from './question-types';
import { isSideWord } from './side-of';

/**
 * "On the left of the couch", "left of it", "to the left-hand side of": one spelling, "to the left of", which the
 * relation patterns know; "on the left of the picture" stays a place in the frame.
 */
const SIDE_OF =
  /\b(?:(?:to|on|at) )?(?:the )?(left|right)(?:[ -]hand)?(?: side)? of\b(?! (?:the |this )?(?:image|picture|photo|photograph|pic|scene|frame|shot|view)\b)/g;

/**
 * Lower case, straight quotes, single spaces, and a question word's or "there"'s contraction spelled out
 * ("what's the man wearing?" reads as "what is …"); a noun's "'s" stays a possessive ("the man's shirt").
 */
const SUBJECT_OF: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they', its: 'it' };

export function normalizeQuestion(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/\b(what|who|where|how|which|there|here|that)'s\b/g, '$1 is')
      .replace(/\b(what|who|where|which|there|they)'re\b/g, '$1 are')
      .replace(SIDE_OF, 'to the $1 of')
      // "Relative to", "in relation to", "with respect to": one phrase, so "relative" is no kinsman (a person).
      .replace(
        /\b(?:relative to|in relation to|with (?:respect|regard) to|in comparison (?:to|with)|compared with)\b/g,
        'compared to',
      )
      // "How many in total?", "how many animals altogether?": the count asked, nothing more.
      .replace(/^(how many\b.*?) (?:in total|altogether|in all)\b/, '$1')
      // "What is the plane flying over?": what it is above.
      .replace(/\b(?:flying|hovering|soaring|floating|gliding) (?:over|above)\b/g, 'above')
      // "What's in his hand?", "what does she have in her hands?": what they are holding.
      .replace(
        /^what (?:is |are )?in (his|her|their|its) hands?\b/,
        (_, owner: string) => `what is ${SUBJECT_OF[owner]} holding`,
      )
      .replace(/^what (?:is |are )?in the ([a-z]+)'s hands?\b/, 'what is the $1 holding')
      // "Where can I sit?", "where could we lie down?": where the seats or the beds are.
      .replace(
        /^where (?:can|could|should|might|do) (?:i|we|you|one|people) (?:sit(?: down)?|take a seat)\b/,
        'where are the seats',
      )
      .replace(
        /^where (?:can|could|should|might|do) (?:i|we|you|one|people) (?:sleep|lie down)\b/,
        'where are the beds',
      )
      // "Whose hand holds the bowl?": who is holding it (whose it is, not a question of ownership).
      .replace(/^whose hands? (?:is |are )?(?:holds?|holding|carry|carries|carrying)\b/, 'who is holding')
      .replace(
        /^what (?:does|do) (he|she|they|it|the [a-z]+) (?:have|hold) in (?:his|her|their|its) hands?\b/,
        'what is $1 holding',
      )
      // "Is he on the phone?": using one, which a held phone shows.
      .replace(/\bon the (?:phone|telephone|cellphone|mobile)\b/g, 'using a phone')
      .trim()
  );
}

export function relationAsked(word: string): RelationAsked {
  if (isSideWord(word)) return word;
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
  const [down, across] = word.replace('upper', 'top').replace('lower', 'bottom').split(/[- ]/);
  if ((down === 'top' || down === 'bottom') && (across === 'left' || across === 'right')) return `${down} ${across}`;
  if (down === 'top' || down === 'bottom') return down;
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
  if (COUNT.test(text)) return undefined;
  const owned = ownedNoun(text, labels);
  if (!owned) return undefined;
  const part = partNoun(owned.word);
  if (labels.some((m) => m.start === owned.at) || hasVisibleClass(part)) return undefined;
  // "Her top": a garment by the word as written, though WordNet's first sense of "top" is a lid.
  const worn = isClothing(part) || garmentBand(owned.word) !== undefined;
  // "And the woman's top?" after a colour question asks the colour again, of another garment.
  const asksColour = COLOUR.test(text) || ASKED_COLOUR.test(text) || /^(and|what about|how about)\b/.test(text);
  if (asksColour && worn) return undefined;
  return part;
}

/**
 * "Do any of them have tusks?", "does the cat have a collar?": a part or attachment asked of its owner, when no
 * model has a class for it (having a thing a model shows is a relation, not a part).
 */
export function partHad(text: string): string | undefined {
  const m =
    /^(?:do|does) (?:any of )?(?:them|they|it|he|she|the [a-z' ]+?) have (?:an? |any |some )?([a-z]+)\s*[?.!]*$/.exec(
      text,
    );
  if (!m) return undefined;
  const part = partNoun(m[1]);
  return hasVisibleClass(part) ? undefined : part;
}

/** "leaves" → leaf, not WordNet's "leave"; otherwise WordNet's own base form ("glasses" stays). */
function partNoun(word: string): string {
  const single = singularize(word);
  return /ves$/.test(word) && isNoun([single]) ? single : nounBaseForm(word);
}

/** Words for a side, an aspect or a group of a thing, not a part of it: "the front of the bus", "the colour of…". */
const NOT_A_PART =
  /^(colou?r|colou?rs|kind|type|sort|make|model|breed|species|name|size|shape|number|side|front|back|rear|top|bottom|middle|centre|center|left|right|rest|end|edge|group|pair|picture|photo|image|inside|outside)$/;

/**
 * The noun a thing owns: "the dog's tail", "his hat", or "the tail of the plane" where the owner is a label the
 * question names. With where the noun starts, so a noun that is itself a label is left alone.
 */
function ownedNoun(text: string, labels: LabelMention[]): { word: string; at: number } | undefined {
  const possessive = POSSESSIVE.exec(text);
  if (possessive)
    return { word: possessive[3], at: (possessive.index ?? 0) + possessive[0].length - possessive[3].length };
  const of = /\bthe ([a-z]+) of (?:the|a|an|this|that|his|her|its|their) /.exec(text);
  if (!of || NOT_A_PART.test(of[1])) return undefined;
  const ownerAt = (of.index ?? 0) + of[0].length;
  // The owner is a label, perhaps after a word or two that single it out ("the tail of the big plane").
  const owner = labels.find((m) => m.start >= ownerAt && /^([a-z]+ ){0,2}$/.test(text.slice(ownerAt, m.start)));
  if (!owner) return undefined;
  return { word: of[1], at: (of.index ?? 0) + 4 };
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
  // "How many are there?" names nothing: "are" is no thing.
  if (!thing || /^(thing|things|object|objects|items?|are|is|do|does|did|has|have|can|there)$/.test(thing))
    return undefined;
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
