/** The size, colour and identity stage of classify-question.ts. It reads what classifyQuestion parsed once. */
import { colourNamed } from '../../scene/graph/colour';
import { garmentBand, isClothing, isOccasionNoun, isPlaceNoun } from './noun-senses';
import {
  ASKED_COLOUR,
  COLOUR,
  COLOUR_CHOICE,
  COLOUR_WORD,
  IDENTITY,
  PRONOUN,
  SIZE_ASKED,
  SIZE_CHECKED,
} from './question-patterns';
import { nounAfterThe, singularPhrase, wearerMention } from './question-phrases';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';

/**
 * Size, colour and identity questions: "how big is the pizza?", "what colour is his shirt?", "is the car red
 * or blue?", "is it a black bear?", "is this a kitchen?". Undefined for anything else.
 */
export function classifyColourOrKind(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, worn, base } = parsed;
  if ((SIZE_ASKED.test(text) || SIZE_CHECKED.test(text)) && (labels.length || parsed.usesPronoun))
    return { ...base, type: 'size' };
  if (COLOUR.test(text)) {
    const noun = labels.length ? undefined : nounAfterThe(text);
    // "Her top" is a garment though WordNet's first "top" is a lid: the garment words count too.
    const garment = noun !== undefined && (isClothing(noun) || garmentBand(noun) !== undefined);
    // "What colour is his shirt?": clothes are read off their wearer's mask, so the wearer is the target.
    const wearer = garment ? wearerMention(text) : undefined;
    if (wearer) return { ...base, labels: [wearer], type: 'colour', wearerPronoun: true };
    // "What colour are the uniforms?": clothes with no wearer named are everyone's, seen on the people.
    if (garment) {
      const at = text.indexOf(noun);
      return { ...base, labels: [{ label: 'person', start: at, end: at + noun.length, plural: true }], type: 'colour' };
    }
    return { ...base, type: 'colour', unknownThing: noun };
  }
  // "Are they African elephants?": the plural of "is it an African elephant?".
  const plural = /^are (they|these|those)(?: (?:all|both))? ([a-z][a-z -]*?s)\W*$/.exec(text);
  if (plural && !COLOUR_WORD.test(plural[2]))
    return { ...base, labels: [], usesPronoun: true, type: 'identity', askedKind: singularPhrase(plural[2]) };
  // Before the colour check: "is the red car a cab?" asks what it is; "is it a red car?" stays a colour check.
  const identity = IDENTITY.exec(text);
  // "Is this a kitchen?", "is it a city?": the photo itself asked to be a place.
  // "Is it a busy street?": the place noun ends the phrase, after its adjectives.
  const placeNoun = identity && (identity[2].split(' ').pop() ?? '');
  if (identity && placeNoun && /^(it|this|that)$/.test(identity[1]) && isPlaceNoun(placeNoun))
    return { ...base, type: 'place', askedKind: isPlaceNoun(identity[2]) ? identity[2] : placeNoun };
  // "Is this a birthday party?", "is it a black and white photo?": the occasion or the photo, no thing in it.
  if (identity && placeNoun && /^(it|this|that)$/.test(identity[1]) && isOccasionNoun(placeNoun))
    return { ...base, labels: [], type: 'cannot', askedKind: identity[2] };
  // "Is it a black bear?": the kind, and a colour to check beside it ("is it white?" alone is a colour question).
  const colourOfKind = identity ? COLOUR_WORD.exec(identity[2]) : null;
  const kindWords = colourOfKind ? identity![2].replace(colourOfKind[0], '').trim() : identity?.[2];
  // "Is the car a red one?" asks the colour alone.
  if (identity && colourOfKind && kindWords === 'one')
    return {
      ...base,
      type: 'colour',
      askedColour: colourNamed(colourOfKind[0]),
    };
  if (identity && kindWords) {
    // The kind asked about is not what the question is about: only labels in the subject stay targets.
    const kindStart = identity.index + identity[0].lastIndexOf(identity[2]);
    const subjectLabels = labels.filter((m) => m.start < kindStart);
    const colour = colourOfKind ? { askedColour: colourNamed(colourOfKind[0]) } : {};
    return {
      ...base,
      ...colour,
      labels: subjectLabels,
      usesPronoun: !identity[1].startsWith('the '),
      type: 'identity',
      askedKind: kindWords,
    };
  }
  const asked = ASKED_COLOUR.exec(text);
  if (asked) {
    // "Is the car red or blue?" asks which of the two, not whether it is the last one named.
    const choice = COLOUR_CHOICE.exec(text);
    // "Are his trousers blue?": as "what colour are his trousers?", the wearer is whoever "his" refers to.
    const wearer = labels.length === 0 && worn ? wearerMention(text) : undefined;
    const about = wearer ? { labels: [wearer], wearerPronoun: true } : {};
    // "Is the propeller red?" with no propeller class: that thing, not "which one do you mean?".
    const thing =
      labels.length === 0 && !wearer && asked[2] === 'the'
        ? /^(?:is|are) the ([a-z]+(?: [a-z]+)?) (?:colou?red |painted |all )?[a-z]+(?: or [a-z]+)?\W*$/.exec(text)?.[1]
        : undefined;
    const unknown = thing && !PRONOUN.test(thing) ? { unknownThing: singularPhrase(thing) } : {};
    if (choice)
      return {
        ...base,
        ...about,
        ...unknown,
        type: 'colour',
        colourChoice: [colourNamed(choice[1])!, colourNamed(choice[2])!],
      };
    return { ...base, ...about, ...unknown, type: 'colour', askedColour: colourNamed(asked[3]) };
  }
  return undefined;
}
