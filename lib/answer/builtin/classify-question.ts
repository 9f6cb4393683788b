import { cocoSupercategory } from '../../lexicon/coco';
import { colourNamed, type ColourName } from '../../scene/graph/colour';
import {
  ABOUT,
  COLOUR_PAIR,
  ACTIVITY,
  ASKED_COLOUR,
  CANNOT,
  CONDITION,
  COLOUR,
  COMPARATIVE,
  COMPARE,
  COMPARISON,
  SKY,
  DESCRIBE,
  DESTINATION,
  EXISTS,
  GREETING,
  HELP,
  IMAGE_WORDS,
  KIND_OF,
  PLACE,
  PRONOUN,
  READING,
  REGION,
  PART_CHECK,
  WHAT_ELSE,
  RELATION_AFTER,
  RELATION_TO_NOUN,
  SOUND,
  STATE_ASKED,
  TEXT,
  THING_AFTER,
  UNSEEN,
  PURPOSE,
  VERIFY_ACTIVITY,
  CONSUMING_WHAT,
  AIRBORNE,
  IN_PLACE,
  PRONOUN_SUBJECT,
  VERB_OBJECT_WHAT,
  COLOUR_SEARCH,
  MAIN_COLOUR,
  VERBS_ANSWERED,
  VERIFY_RELATION,
  WEARING,
  WEARING_WHAT,
  WHERE,
  WHO,
  WHO_IS,
} from './question-patterns';
import { COCO_LABELS, findLabelMentions, singularize } from '../vocabulary';
import { isPlaceNoun, isVerbForm } from './noun-senses';
import { ROLE_OBJECTS } from '../roles';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';
import { classifyAnythingRelation, classifyWhatRelation } from './classify-relation';
import { classifyCompany, classifyCount } from './classify-count';
import { classifyTwoThings } from './classify-two-things';
import { classifyColourOrKind } from './classify-colour-kind';
import { classifySuperlative } from './classify-superlative';
import {
  COUNT_BOUND,
  COUNT_CHECK,
  NUMBER_WORDS,
  SUPERLATIVES,
  WITH_WHAT,
  dropModifiers,
  dropVerbs,
  isPlaceWords,
} from './question-cues';
import {
  garmentIn,
  isTheScene,
  normalizeQuestion,
  nounAfterThe,
  partAsked,
  partHad,
  regionAsked,
  relationAsked,
  singularPhrase,
  thingAsked,
} from './question-phrases';

/**
 * Classify one question. `sceneLabels` extends the detector's vocabulary with the scene's own labels (an
 * endpoint may have added open-vocabulary ones).
 */
export function classifyQuestion(question: string, sceneLabels: Iterable<string> = []): ClassifiedQuestion {
  const text = normalizeQuestion(question);
  sceneLabels = [...sceneLabels];
  const vocabulary = new Set<string>([...COCO_LABELS, ...sceneLabels]);
  // Colour words are not objects here, even though "orange" is also a COCO class ("is the car orange?").
  const colourQuestion = COLOUR.test(text) || ASKED_COLOUR.test(text);
  const labels = findLabelMentions(text, vocabulary, sceneLabels).filter(
    (m) =>
      !(colourQuestion && m.label === 'orange' && /\borange\b/.test(text) && !/\boranges\b/.test(text)) &&
      // "which is closer…": a comparative, not WordNet's "closer" (a relief pitcher, so a person).
      !COMPARATIVE.test(text.slice(m.start, m.end)),
  );
  // "Black and white" is two colours, whatever a lexicon makes of the phrase (WordNet: a kind of kite).
  const pairAt = /^(?:is|are)\b/.test(text) ? COLOUR_PAIR.exec(text) : null;
  // "Is it a black and white photo?" is about the photo (cannotAnswer), not a thing's colours.
  const pair =
    pairAt && !/^ (photo|picture|image|photograph|film|movie|shot)\b/.test(text.slice(pairAt.index + pairAt[0].length))
      ? pairAt
      : null;
  if (pair)
    for (let i = labels.length - 1; i >= 0; i--)
      if (labels[i].start >= pair.index && labels[i].end <= pair.index + pair[0].length) labels.splice(i, 1);
  dropVerbs(text, labels);
  dropModifiers(text, labels);
  const usesPronoun = PRONOUN.test(text);
  const worn = garmentIn(text);
  // "Are there two people?", "do you see 3 cars on the table?": a count to check, not whether there are any.
  const countCheck = COUNT_CHECK.exec(text);
  // "Are there more than five (cars)?": a bound to check; with no noun, about what was talked of before.
  const bound = COUNT_BOUND.exec(text);
  const asNumber = (word: string) => NUMBER_WORDS[word] ?? Number(word);
  const askedCount = bound ? asNumber(bound[2]) : countCheck && labels.length ? asNumber(countCheck[1]) : undefined;
  const countBound = bound ? { countBound: bound[1] === 'more' ? ('more' as const) : ('fewer' as const) } : {};
  const base = {
    labels,
    usesPronoun,
    ...(worn ? { worn } : {}),
    ...(askedCount !== undefined ? { askedCount, ...countBound } : {}),
  };
  const words = text.split(' ').length;
  const parsed: ParsedQuestion = { text, labels, usesPronoun, worn, askedCount, base };

  // Reading comes first: "what name is written on…" asks for text, not who someone is.
  if (READING.test(text)) return { ...base, type: 'text' };
  // A bus or train shows where it is going on its destination sign: that is text to read, not a guess.
  if (DESTINATION.test(text)) return { ...base, type: 'text', destination: true };
  // "Who is that man?" asks for a name no model gives; "who is the batter?" asks which person fits the role.
  const whoIs = WHO_IS.exec(text);
  const roleAsked = whoIs?.[2] === 'the' && ROLE_OBJECTS[singularize((whoIs[3] ?? '').trim())] !== undefined;
  if (roleAsked) return { ...base, type: 'where' };
  if (CANNOT.test(text) || CONDITION.test(text) || whoIs || UNSEEN.test(text) || PURPOSE.test(text))
    return { ...base, type: 'cannot' };
  if (GREETING.test(text) && words <= 4) return { ...base, type: 'greeting' };
  if (HELP.test(text)) return { ...base, type: 'help' };
  if (WHAT_ELSE.test(text) && labels.length === 0) return { ...base, type: 'describe', besides: true };
  if (SOUND.test(text)) return { ...base, type: 'sound' };
  if (TEXT.test(text)) return { ...base, type: 'text' };
  const sought = COLOUR_SEARCH.exec(text);
  if (sought || MAIN_COLOUR.test(text))
    return {
      ...base,
      type: 'colour-search',
      colourSought: colourNamed(sought?.slice(1).find(Boolean) ?? ''),
      yesNo: !/^(what|which)\b/.test(text),
    };
  // "Is the dog black and white?": two colours checked together.
  if (pair) {
    const colours: [ColourName, ColourName] = [colourNamed(pair[1])!, colourNamed(pair[2])!];
    return { ...base, type: 'colour', askedColour: colours[0], colourPair: colours };
  }
  // "Tell me about the cars": everything known of those things; "describe this picture" is the whole scene.
  const about = ABOUT.exec(text);
  if (about && (labels.length > 0 || /\b(it|them|him|her)$/.test(about[0]))) return { ...base, type: 'about' };
  if (SKY.test(text)) return { ...base, type: 'sky' };
  if (PLACE.test(text)) return { ...base, type: 'place' };
  if (AIRBORNE.test(text) && (labels.length || usesPronoun)) return { ...base, type: 'airborne' };
  const inPlace = IN_PLACE.exec(text);
  if (inPlace && isPlaceNoun(inPlace[1])) return { ...base, type: 'place', askedKind: inPlace[1] };
  const kindOf = KIND_OF.exec(text);
  if (kindOf) return { ...base, type: 'kind', kindAspect: kindOf[1] };
  // "Are they all the same colour?", "are the cars different colours?": one colour shared, or not.
  if (/\b(?:same|different) colou?rs?\b/.test(text) && (labels.length || usesPronoun))
    return { ...base, type: 'colour', sameColour: true };
  if (WEARING.test(text) || WEARING_WHAT.test(text)) return { ...base, type: 'wearing' };
  const part = partAsked(text, labels);
  if (part) return { ...base, type: 'part', part };
  // "Do the elephants have tusks?": the owners are named before "have".
  const had = partHad(text);
  if (had) return { ...base, labels: labels.filter((m) => m.start < text.indexOf(' have ')), type: 'part', part: had };
  // "Is the man in red alone?", "is anyone else here?": before "in red" can read as a relation.
  const company = classifyCompany(parsed);
  if (company) return company;
  const twoThings = classifyTwoThings(parsed);
  if (twoThings) return twoThings;
  const compared = COMPARISON.exec(text);
  const comparedAt = compared ? text.indexOf(` ${compared[1]} `) : -1;
  // "… than the one on the right", "than the other one": the second side is another of the first's kind.
  const otherOne = compared && /\bthan the (?:other(?: one)?|one)\b/.test(text.slice(comparedAt));
  // "Is it bigger than…", "is it on the bed?": the first side is whatever "it" refers to (conversation.ts).
  const pronounFirst = PRONOUN_SUBJECT.test(text);
  const firstNamed = labels.some((m) => m.start < comparedAt) || pronounFirst;
  if (compared && firstNamed && (labels.some((m) => m.start > comparedAt) || otherOne)) {
    const comparison = {
      word: compared[1],
      at: comparedAt,
      firstWords: text.slice(0, comparedAt),
      // Each side's own words only: "smaller" is the measure, not a cue for which giraffe.
      secondWords: text.slice(text.indexOf(' than ', comparedAt) + ' than '.length),
    };
    return { ...base, type: 'verify-comparison', comparison };
  }
  const yesNoRelation = classifyAnythingRelation(parsed);
  if (yesNoRelation) return yesNoRelation;
  const verify = askedCount === undefined ? VERIFY_RELATION.exec(text) : null;
  if (
    verify &&
    (labels.some((l) => l.start < text.indexOf(` ${verify[2]} `)) || pronounFirst) &&
    labels.some((l) => l.start > text.indexOf(` ${verify[2]} `))
  ) {
    return { ...base, type: 'verify-relation' };
  }
  // "Is the man on the cart?" with no cart class: the man is there, the relation cannot be checked.
  // "Is the horse in the picture / in the room?" is plainly whether it is there.
  const verifyAt = verify ? text.indexOf(` ${verify[2]} `) : -1;
  if (
    verify &&
    verifyAt > 0 &&
    !isPlaceWords(verify[3]) &&
    labels.some((l) => l.start < verifyAt) &&
    !labels.some((l) => l.start > verifyAt)
  ) {
    const anchor = singularPhrase(verify[3]);
    const frame = IMAGE_WORDS.test(anchor.split(' ').pop() ?? '') || isTheScene(verify[2], anchor);
    return { ...base, type: 'exists', unchecked: frame ? undefined : { word: verify[2], anchor } };
  }
  const consumed = CONSUMING_WHAT.exec(text);
  if (consumed) return { ...base, type: 'activity', consumedAsked: consumed[1] as 'eating' | 'drinking' };
  const verbObject = VERB_OBJECT_WHAT.exec(text);
  if (verbObject && isVerbForm(verbObject[1]) && !VERBS_ANSWERED.test(verbObject[1]))
    return { ...base, type: 'activity', objectOf: `${verbObject[1]}${verbObject[2]}` };
  // "Is the bus parked?", "is the cat asleep?", "is the bowl empty?": a state no model sees, asked like an activity.
  const state = STATE_ASKED.exec(text);
  if (state && (labels.some((m) => m.start < state.index + state[0].length - state[1].length) || usesPronoun))
    return { ...base, type: 'activity', askedActivity: state[1] };
  const doing = VERIFY_ACTIVITY.exec(text);
  if (doing && isVerbForm(doing[1]) && !/\b(parked|parking)\b/.test(text)) {
    // Only the words before the verb name who does it: "are they eating pizza?" is about them, not the pizza.
    const verbAt = text.indexOf(` ${doing[1]}`);
    const doers = labels.filter((m) => m.start < verbAt);
    if (doers.length || usesPronoun)
      return {
        ...base,
        labels: doers,
        type: 'activity',
        askedActivity: doing[2] ? `${doing[1]} ${doing[2]}` : doing[1],
      };
  }
  // "who is riding the horse / on the left / wearing black": after the nearest-superlatives below would be too late.
  if (WHO.test(text) && !SUPERLATIVES.some(([p]) => p.test(text))) return { ...base, type: 'who' };
  if (ACTIVITY.test(text)) return { ...base, type: 'activity' };
  if (COMPARE.test(text) && labels.length >= 2 && askedCount === undefined) return { ...base, type: 'compare' };
  const counted = classifyCount(parsed);
  if (counted) return counted;
  const coloured = classifyColourOrKind(parsed);
  if (coloured) return coloured;
  // "What is the player at the far left holding?": a relation asked about one instance, not a superlative.
  const endsInVerb =
    /\b(holding|carrying|riding|wearing)\s*\??$/.test(text) && /^(what|which)\b/.test(text) && labels.length > 0;
  if (endsInVerb)
    return {
      ...base,
      type: 'relation',
      relation: relationAsked(RELATION_AFTER.exec(text)?.[1] ?? 'holding'),
      anchorIsSubject: true,
    };
  // "What vehicle is on the left?", "which animals are in the background?": those of the kinds named, there.
  const regionOfKind =
    /^(?:what|which) ([a-z]+) (?:is|are) (?:on|at|in) the (left|right|middle|centre|center|front|foreground|back|background|top|bottom)\b(?! of)/.exec(
      text,
    );
  const kindAt = regionOfKind ? regionOfKind[0].indexOf(` ${regionOfKind[1]} `) + 1 : -1;
  // "Which car is on the right?" (one, asked with which) is the one most so, a superlative (below).
  if (regionOfKind && labels.length && labels.every((m) => m.start === kindAt && (m.plural || text.startsWith('what'))))
    return { ...base, type: 'region', region: regionAsked(regionOfKind[2]) };
  const superlative = classifySuperlative(parsed);
  if (superlative) return superlative;
  if (WHERE.test(text)) return { ...base, type: 'where', unknownThing: labels.length ? undefined : nounAfterThe(text) };
  // "Are the giraffes on the left?" checks each: the part asked picks none of them (targetCueText stops before it).
  const partCheck = PART_CHECK.exec(text);
  if (partCheck?.groups && (labels.length || usesPronoun)) {
    const cues = text.slice(0, text.lastIndexOf(` the ${partCheck.groups.place}`));
    return { ...base, type: 'where', partAsked: regionAsked(partCheck.groups.place), targetCueText: cues };
  }
  const region = REGION.exec(text)?.groups;
  if (region && labels.length === 0) {
    // "What is parked on the left?": only a vehicle is parked, whoever else stands there.
    const parked = region.verb === 'parked' ? { subjectLabels: cocoSupercategory('vehicle') } : {};
    return { ...base, type: 'region', region: regionAsked(region.place ?? region.front), ...parked };
  }
  const whatRelation = classifyWhatRelation(parsed);
  if (whatRelation) return whatRelation;
  // "What animals are there?", "which vegetables are in the box?": the noun after what/which names a class
  // (or a kind covering several), so this asks which of them are there.
  const listed = /^(what|which) (?:kinds? of |types? of |sorts? of )?/.exec(text);
  if (listed && labels[0] && labels[0].start <= listed[0].length + 12 && /\b(are|is|can|do)\b/.test(text))
    return { ...base, type: 'exists' };
  // "What is on the desk?" with no desk in view: a relation to a missing thing, not "describe the picture".
  const missingAnchor = RELATION_TO_NOUN.exec(text);
  // "What's in the kitchen?": the place the photo shows, so what is in the photo.
  if (missingAnchor && labels.length === 0 && isTheScene(missingAnchor[1], singularPhrase(missingAnchor[2])))
    return { ...base, type: 'describe' };
  if (missingAnchor && labels.length === 0 && !IMAGE_WORDS.test(missingAnchor[2]))
    return {
      ...base,
      type: 'relation',
      relation: relationAsked(missingAnchor[1]),
      anchorIsSubject: false,
      unknownThing: singularPhrase(missingAnchor[2]),
    };
  if (DESCRIBE.test(text)) return { ...base, type: 'describe' };
  if (EXISTS.test(text)) {
    // "Is there a person on the cart?" with no cart class: the relation cannot be checked, and the answer says so.
    const related = VERIFY_RELATION.exec(text);
    const at = related ? text.indexOf(` ${related[2]} `) : -1;
    const unchecked =
      related &&
      at > 0 &&
      labels.length &&
      !labels.some((m) => m.start > at) &&
      !IMAGE_WORDS.test(related[3].split(' ').pop() ?? '') &&
      !isPlaceWords(related[3]) &&
      !isTheScene(related[2], singularPhrase(related[3]))
        ? { word: related[2], anchor: singularPhrase(related[3]) }
        : undefined;
    // "Is there a donut with sprinkles?": an attribute no model sees, left unconfirmed rather than a plain yes.
    const withWhat = WITH_WHAT.exec(text);
    const withUnchecked =
      !unchecked && withWhat && labels.length && !labels.some((m) => m.start > (withWhat.index ?? 0))
        ? { word: 'with', anchor: withWhat[1] }
        : undefined;
    // "Is there a lamp next to the couch?" with no lamp class in view: the lamp is asked about, not the couch.
    const subject = related && at > 0 ? singularPhrase(related[1]) : '';
    if (subject && labels.length && labels.every((m) => m.start > at) && !isPlaceWords(subject))
      return { ...base, labels: [], type: 'exists', unknownThing: subject };
    return {
      ...base,
      type: 'exists',
      unknownThing: thingAsked(text, labels, THING_AFTER),
      unchecked: unchecked || withUnchecked,
    };
  }
  return { ...base, type: 'unknown' };
}
