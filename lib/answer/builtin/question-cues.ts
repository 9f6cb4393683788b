/**
 * The word cues classifyQuestion reads beside the question patterns (question-patterns.ts): superlatives,
 * counts to check, sides asked as a choice, places after a relation word, and modifier nouns.
 */
import { resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, isNoun, isVerb } from '../../lexicon/wordnet';
import type { LabelMention } from '../vocabulary';
import type { Superlative } from './question-types';

export const SUPERLATIVES: [RegExp, Superlative][] = [
  [/\b(nearest|closest|closer|nearer)\b/, 'nearest'],
  [/\b(farthest|furthest away|most distant)\b/, 'farthest'],
  [/\b(tallest|taller)\b/, 'tallest'],
  [/\b(highest|higher|topmost|top-most)\b/, 'highest'],
  [/\b(biggest|largest|widest|most prominent|bigger|larger|main (?:object|thing|subject|item))\b/, 'biggest'],
  [/\b(smallest|tiniest|littlest)\b/, 'smallest'],
  [/\b(left-?most|furthest left|farthest left|far left)\b/, 'left-most'],
  [/\b(right-?most|furthest right|farthest right|far right)\b/, 'right-most'],
];

/** Words for people that stay the person even before another noun ("the man's", "the woman doctor"). */
export const PLAIN_PEOPLE = new Set([
  'person',
  'people',
  'man',
  'men',
  'woman',
  'women',
  'boy',
  'boys',
  'girl',
  'girls',
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'everyone',
  'everybody',
]);
/**
 * Words after a thing that are no compound's head, though WordNet has a noun sense for some ("in" is an inch,
 * "there" a place, "can" a tin, "do" a note): sides and places, prepositions, determiners, auxiliary verbs and the like.
 */
export const NOT_A_HEAD = new Set(
  'left right top bottom front back middle centre center side there here in on at by of with to from for near under behind above below into onto and or but the a an this that these those it is are was were who which what one ones alone can could do does did will would may might must shall should has have had'.split(
    ' ',
  ),
);

/**
 * A label word that only modifies the noun after it is no mention: "the dog bowl" is a bowl, "a baby elephant"
 * an elephant, "the lifeguard tower" a tower. A mention goes when the next word starts another mention, or when
 * it is a role word for a person ("baby", "lifeguard") followed by a common noun that is no verb form or place,
 * or when the two words are one noun in WordNet that is no kind of the label ("a ski lift" is no skis).
 */
export function dropModifiers(text: string, labels: LabelMention[]): void {
  for (let i = labels.length - 1; i >= 0; i--) {
    const mention = labels[i];
    const next = /^ ([a-z]+)/.exec(text.slice(mention.end))?.[1];
    if (!next) continue;
    const beforeMention = labels.some((m) => m.start === mention.end + 1);
    const word = text.slice(mention.start, mention.end);
    const roleBeforeNoun =
      mention.label === 'person' &&
      !PLAIN_PEOPLE.has(word) &&
      !NOT_A_HEAD.has(next) &&
      !/(ing|ed)$/.test(next) &&
      commonNounSynsets([next]).length > 0;
    // "A ski lift", "the bus stop": WordNet has the two words as one noun, which the label word only modifies.
    const compound = !NOT_A_HEAD.has(next) && isNoun([word, next]) && !resolvesTo(`${word} ${next}`, mention.label);
    if (beforeMention || roleBeforeNoun || compound) labels.splice(i, 1);
  }
}

/**
 * A word right after a plural subject that WordNet knows as a verb is the subject's verb, not a second thing:
 * "how many people work here?" (WordNet's "work" is also a book), "do the dogs play outside?". Only where
 * nothing but a place word or the end follows, so "the people carrier" style compounds are left to
 * dropModifiers.
 */
export function dropVerbs(text: string, labels: LabelMention[]): void {
  const verbAt = (mention: LabelMention) => {
    const word = text.slice(mention.start, mention.end);
    const next = /^ ([a-z]+)/.exec(text.slice(mention.end))?.[1];
    const afterPluralSubject = labels.some((m) => m.end + 1 === mention.start && m.plural);
    return (
      afterPluralSubject && !mention.plural && /^[a-z]+$/.test(word) && isVerb(word) && (!next || NOT_A_HEAD.has(next))
    );
  };
  const verbs = new Set(labels.filter(verbAt).map((m) => m.start));
  for (let i = labels.length - 1; i >= 0; i--) if (verbs.has(labels[i].start)) labels.splice(i, 1);
}

/** "Are the people close to each other?", "are the bowls stacked (on top of each other)?" */
export const TOGETHER =
  /^(?:are|were) (?:the |these |those |all (?:of )?(?:the )?|both (?:of )?(?:the )?)?[a-z ]+? (?:(?<stacked>(?:stacked|piled)(?: up)?(?: on (?:top of )?each other)?|on (?:top of )?(?:each other|one another))|(?:close|near|next) to (?:each other|one another)|near (?:each other|one another)|beside (?:each other|one another)|together|side by side)\W*$/;
/** "Where is the bowl relative to the dog?" (normalizeQuestion makes every such phrase "compared to"). */
export const RELATIVE_PLACE = /^where (?:is|are) .+? compared to\b/;
/** "on the left or (to the) right of", as normalizeQuestion leaves it. */
export const SIDE_CHOICE =
  / (?:on |to )?(?:the )?(?:left or (?:to )?(?:the )?right|right or (?:to )?(?:the )?left) of /;
/**
 * "On the right smiling", "in the background", "behind him": a place in the frame or a pronoun after the
 * relation word, not a thing to relate to (and never "I see no right smiling as such").
 */
export const isPlaceWords = (phrase: string) =>
  /^(left|right|top|bottom|middle|centre|center|front|back|background|foreground|side|distance|him|her|them|it|me|us)\b/.test(
    phrase,
  );
/** "… with sprinkles", "… having a red roof": what a thing is asked to have. */
export const WITH_WHAT = /\b(?:with|having) ((?:a |an |some |any )?[a-z]+(?: [a-z]+)?)\W*$/;
export const COUNT_BOUND =
  /^(?:(?:are|is) there|(?:do|can) you (?:see|spot|find)) (more|fewer|less) than (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b/;
export const ALONE = /\b(alone|by (?:him|her|it|them)sel(?:f|ves)|on (?:his|her|its|their) own)\b/;
export const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  'one two three four five six seven eight nine ten eleven twelve'.split(' ').map((w, i) => [w, i + 1]),
);
/** "are there two …", "is there one …", "do you see 3 …": a number right before what is counted. */
export const COUNT_CHECK =
  /^(?:(?:are|is) there|(?:do|can) you (?:see|spot|find)|does (?:the|this) (?:image|picture|photo) (?:show|have|contain))(?: exactly| only| just)? (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) /;

/** The superlative a question's words ask for ("the closest", "taller"), if any, and where its word is. */
export function superlativeMatch(text: string): { kind: Superlative; at: number } | undefined {
  for (const [pattern, kind] of SUPERLATIVES) {
    const m = pattern.exec(text);
    if (m) return { kind, at: m.index };
  }
  return undefined;
}

export function superlativeIn(text: string): Superlative | undefined {
  return superlativeMatch(text)?.kind;
}

function resolvesTo(noun: string, label: string): boolean {
  return (resolveNoun(noun)?.classes ?? []).some((c) => c.label === label);
}
