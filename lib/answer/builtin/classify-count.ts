/** The counting stage of classify-question.ts. It reads what classifyQuestion parsed once. */
import { ALONE, isPlaceWords } from './question-cues';
import { singularize } from '../vocabulary';
import { COUNT, COUNT_WHERE, COUNT_WHERE_PRONOUN, IMAGE_WORDS } from './question-patterns';
import { isTheScene, singularPhrase, thingAsked } from './question-phrases';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';

/**
 * Counting questions: "how many bowls are on the table?", "are there two people?", "is he alone?" (a count
 * checked against one). Undefined when the question counts nothing.
 */
export function classifyCount(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, askedCount, base } = parsed;
  // "Is he alone?", "is the dog on its own?": whether it is the only one of its kind, a count checked against one.
  const alone = ALONE.exec(text);
  if (alone && /^(is|are)\b/.test(text)) {
    const who = labels.length
      ? labels.slice(0, 1)
      : [{ label: 'person', start: alone.index, end: alone.index + alone[0].length, plural: false }];
    // All of its kind count, not just the one its words pick ("is the white horse alone?").
    return { ...base, labels: who, type: 'count', askedCount: 1, targetCueText: '' };
  }
  if (COUNT.test(text) || askedCount !== undefined) {
    // "How many engines does the plane have?": what is counted comes first; a part no model knows is not the plane.
    // ("How many players can you see?" asks what the viewer sees: no owner there.)
    const part =
      /\bhow many ([a-z]+(?: [a-z]+)?) (?:does|do|did|has|have|can|could)\b(?! (?:you|i|we) (?:see|spot|find|count|make out|notice)\b)/.exec(
        text,
      );
    // "How many wheels does the cart have?": parts of an owner, which no model counts (WordNet's second "wheel"
    // is a bicycle, but these are not bicycles).
    const owned =
      /\bhow many ([a-z]+) (?:does|do|did) ((?:the|this|that|these|those|his|her|its|their) [a-z ]+?|it|he|she|they) have\b/.exec(
        text,
      );
    if (owned) {
      const ownerAt = (owned.index ?? 0) + owned[0].indexOf(` ${owned[2]} `);
      return { ...base, labels: labels.filter((m) => m.start > ownerAt), type: 'part', part: singularize(owned[1]) };
    }
    const counted = part
      ? labels.filter((m) => m.start < (part.index ?? 0) + part[0].length - part[0].split(' ').pop()!.length)
      : labels;
    if (part && counted.length === 0)
      return { ...base, labels: [], type: 'count', unknownThing: singularPhrase(part[1]) };
    // "How many bowls are on the table?": the things after the relation word are where to count, not what.
    const where = COUNT_WHERE.exec(text);
    const at = where ? (where.index ?? 0) : -1;
    // "How many zebras are on the left?": a part of the frame narrows what is counted (cues), it is no anchor.
    if (where && isPlaceWords(where[2]) && labels.length)
      return { ...base, labels: labels.filter((m) => m.start < at), type: 'count', targetCueText: text };
    const things = labels.filter((m) => m.start < at);
    const anchorLabels = labels.filter((m) => m.start > at);
    // "How many people are in the kitchen?" with no kitchen class: the place is the photo itself.
    // "… in the picture" is the photo itself, as "in the kitchen" is.
    const wholePhoto =
      where && (IMAGE_WORDS.test(where[2].split(' ').pop() ?? '') || isTheScene(where[1], singularPhrase(where[2])));
    // "How many are on the table?" after talk of glasses: the place is named, the things come from before.
    if (
      where &&
      !things.length &&
      anchorLabels.length &&
      /^how many (?:of (?:them|these|those) )?(?:are|is) /.test(text)
    )
      return {
        ...base,
        labels: [],
        type: 'count',
        countWhere: { word: where[1], anchor: singularPhrase(where[2]), labels: anchorLabels },
      };
    // "How many pillows are on the couch?" with no pillow class in view: the pillows are counted, not the couch.
    const countedNoun = /^how many ([a-z]+) (?:are|is)\b/.exec(text)?.[1];
    if (where && !things.length && anchorLabels.length && countedNoun && countedNoun !== 'of')
      return { ...base, labels: [], type: 'count', unknownThing: singularPhrase(countedNoun) };
    if (where && things.length && !(anchorLabels.length === 0 && wholePhoto))
      return {
        ...base,
        labels: things,
        type: 'count',
        countWhere: { word: where[1], anchor: singularPhrase(where[2]), labels: anchorLabels },
        targetCueText: text.slice(0, at),
      };
    // "How many people are near them?": the things are named, the anchor is what the talk was about.
    const nearTalk = COUNT_WHERE_PRONOUN.exec(text);
    if (nearTalk && labels.length) {
      const at = nearTalk.index ?? 0;
      return {
        ...base,
        labels: labels.filter((m) => m.start < at),
        type: 'count',
        countWhere: { word: nearTalk[1], anchor: nearTalk[2], labels: [], fromTalk: true },
        targetCueText: text.slice(0, at),
      };
    }
    // "How many of each?", "how many of them?": what was talked of, counted (conversation.ts), no new noun.
    if (!labels.length && /^how many of (?:each|them|these|those)\b/.test(text)) return { ...base, type: 'count' };
    return { ...base, type: 'count', unknownThing: thingAsked(text, labels, /how many|number of/) };
  }
  return undefined;
}

/**
 * "Is the man in red alone?" (whether he is the only one) and "is anyone else here?" (more people than the one
 * talked of): counts checked against one. Undefined for anything else.
 */
export function classifyCompany(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, base } = parsed;
  if (ALONE.test(text) && /^(is|are)\b/.test(text)) return classifyCount(parsed);
  const others = /^(?:is|are|do you see|can you see)\b.*\b(anyone|anybody|someone|somebody) else\b/.exec(text);
  if (!others) return undefined;
  const at = others.index + others[0].length - others[1].length - ' else'.length;
  const person = { label: 'person', start: at, end: at + others[1].length, plural: false };
  return { ...base, labels: [person], type: 'count', askedCount: 1, countBound: 'more', targetCueText: '' };
}
