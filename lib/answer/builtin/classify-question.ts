/**
 * Decides what kind of question the user asked, with plain patterns checked in a fixed order (first match
 * wins), plus which labels it is about. The order matters: "how many dogs do you see" is a count, not a
 * description; "is the car red" is a colour check, not an existence check.
 *
 * | order | type        | patterns (lower-cased question)                                                  |
 * |-------|-------------|-----------------------------------------------------------------------------------|
 * | 0     | cannot      | thinking, feeling, why, who is, how old, name, want, going to… (not in a photo)  |
 * | 1     | greeting    | starts with hi / hello / hey / good morning… and has ≤ 4 words                     |
 * | 1     | help        | help, what can you do, what can I ask, who/what are you, how does this work       |
 * | 2     | sound       | sound, noise, hear, audio, listen, barking, music, voice, speaking, making that    |
 * | 2     | text        | what does it / the sign say, what is written, read the…, any text / writing / words |
 * | 3     | compare     | more / fewer / less X than Y                                                      |
 * | 3     | count       | how many, count, number of                                                        |
 * | 2     | kind        | what kind / type / sort / breed / species / make / model of… (a finer name)   |
 * | 4     | identity    | is it / this / that / the <label> a <kind>? (what it is; a colour in <kind>: colour) |
 * | 4     | size        | how big / large / small / tall / wide / long is <label>                           |
 * | 4     | colour      | what/which colo(u)r, colo(u)r of; or "is/are the X <colour word>" (yes/no)         |
 * | 5     | superlative | biggest / largest / smallest / tiniest / left-most / right-most / furthest left…  |
 * |       |             | or "which X is on the left/right"                                                 |
 * | 6     | where       | where, position of, located                                                       |
 * | 6     | region      | what is on the left / right / in the front / back / middle (no label)            |
 * | 7     | relation    | what is on / next to / under / in front of / behind <label>; what is <label>      |
 * |       |             | holding / riding / on / next to / in                                              |
 * | 8     | describe    | describe, what do/can you see, what is in the image, what's happening, tell me…   |
 * | 9     | exists      | is/are there, do/can you see, does the image contain/have/show, any <label>       |
 * | 10    | follow-up   | no pattern but a label ("and the dog?"): the previous question's type, new label  |
 * | 11    | unknown     | anything else                                                                     |
 */
import type { ColourName } from '../../scene/graph/colour';
import {
  ACTIVITY,
  ASKED_COLOUR,
  CANNOT,
  COLOUR,
  COLOUR_CHOICE,
  COLOUR_WORD,
  COMPARATIVE,
  COUNT_WHERE,
  COMPARE,
  COMPARISON,
  SKY,
  COUNT,
  DESCRIBE,
  DESTINATION,
  EXISTS,
  GREETING,
  HELP,
  IMAGE_WORDS,
  IDENTITY,
  KIND_OF,
  PLACE,
  PRONOUN,
  READING,
  REGION,
  RELATION,
  RELATION_AFTER,
  RELATION_TO_NOUN,
  SOUND,
  SUBJECT_RELATION,
  TEXT,
  THING_AFTER,
  UNSEEN,
  VERIFY_ACTIVITY,
  CONSUMING_WHAT,
  VERB_OBJECT_WHAT,
  VERBS_ANSWERED,
  SIZE_ASKED,
  VERIFY_RELATION,
  WEARING,
  WEARING_WHAT,
  WHERE,
  WHICH_SIDE,
  WHO,
  WHO_IS,
} from './question-patterns';
import { COCO_LABELS, findLabelMentions, singularize } from '../vocabulary';
import { isClothing, isOccasionNoun, isPlaceNoun, isVerbForm } from './noun-senses';
import { ROLE_OBJECTS } from '../roles';
import type { ClassifiedQuestion } from './question-types';
import {
  ALONE,
  COUNT_BOUND,
  COUNT_CHECK,
  NUMBER_WORDS,
  SIDE_CHOICE,
  SUPERLATIVES,
  WITH_WHAT,
  dropModifiers,
  isPlaceWords,
  superlativeMatch,
} from './question-cues';
import {
  garmentIn,
  wearerMention,
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

  // Reading comes first: "what name is written on…" asks for text, not who someone is.
  if (READING.test(text)) return { ...base, type: 'text' };
  // A bus or train shows where it is going on its destination sign: that is text to read, not a guess.
  if (DESTINATION.test(text)) return { ...base, type: 'text', destination: true };
  // "Who is that man?" asks for a name no model gives; "who is the batter?" asks which person fits the role.
  const whoIs = WHO_IS.exec(text);
  const roleAsked = whoIs?.[2] === 'the' && ROLE_OBJECTS[singularize((whoIs[3] ?? '').trim())] !== undefined;
  if (roleAsked) return { ...base, type: 'where' };
  if (CANNOT.test(text) || whoIs || UNSEEN.test(text)) return { ...base, type: 'cannot' };
  if (GREETING.test(text) && words <= 4) return { ...base, type: 'greeting' };
  if (HELP.test(text)) return { ...base, type: 'help' };
  if (SOUND.test(text)) return { ...base, type: 'sound' };
  if (TEXT.test(text)) return { ...base, type: 'text' };
  if (SKY.test(text)) return { ...base, type: 'sky' };
  if (PLACE.test(text)) return { ...base, type: 'place' };
  const kindOf = KIND_OF.exec(text);
  if (kindOf) return { ...base, type: 'kind', kindAspect: kindOf[1] };
  if (WEARING.test(text) || WEARING_WHAT.test(text)) return { ...base, type: 'wearing' };
  const part = partAsked(text, labels);
  if (part) return { ...base, type: 'part', part };
  // "Do the elephants have tusks?": the owners are named before "have".
  const had = partHad(text);
  if (had) return { ...base, labels: labels.filter((m) => m.start < text.indexOf(' have ')), type: 'part', part: had };
  // "Is the man on the left or right of the bench?": which side, asked as a choice.
  const sides = SIDE_CHOICE.exec(text);
  if (sides && labels.some((m) => m.start < sides.index) && labels.some((m) => m.start > sides.index))
    return { ...base, type: 'side-choice', sideAt: sides.index, targetCueText: text.slice(0, sides.index) };
  const compared = COMPARISON.exec(text);
  const comparedAt = compared ? text.indexOf(` ${compared[1]} `) : -1;
  // "… than the one on the right", "than the other one": the second side is another of the first's kind.
  const otherOne = compared && /\bthan the (?:other(?: one)?|one)\b/.test(text.slice(comparedAt));
  // "Is it bigger than…": the first side is whatever "it" refers to (conversation.ts).
  const pronounFirst = /^(?:is|are|was|were) (?:it|he|she|they|this|that)\b/.test(text);
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
  const verify = askedCount === undefined ? VERIFY_RELATION.exec(text) : null;
  if (
    verify &&
    labels.filter((l) => l.start < text.indexOf(` ${verify[2]} `)).length &&
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
    const part = /\bhow many ([a-z]+(?: [a-z]+)?) (?:does|do|did|has|have|can|could)\b/.exec(text);
    const counted = part
      ? labels.filter((m) => m.start < (part.index ?? 0) + part[0].length - part[0].split(' ').pop()!.length)
      : labels;
    if (part && counted.length === 0)
      return { ...base, labels: [], type: 'count', unknownThing: singularPhrase(part[1]) };
    // "How many bowls are on the table?": the things after the relation word are where to count, not what.
    const where = COUNT_WHERE.exec(text);
    const at = where ? (where.index ?? 0) : -1;
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
    if (where && things.length && !(anchorLabels.length === 0 && wholePhoto))
      return {
        ...base,
        labels: things,
        type: 'count',
        countWhere: { word: where[1], anchor: singularPhrase(where[2]), labels: anchorLabels },
        targetCueText: text.slice(0, at),
      };
    return { ...base, type: 'count', unknownThing: thingAsked(text, labels, /how many|number of/) };
  }
  if (SIZE_ASKED.test(text) && labels.length) return { ...base, type: 'size' };
  if (COLOUR.test(text)) {
    const noun = labels.length ? undefined : nounAfterThe(text);
    // "What colour is his shirt?": clothes are read off their wearer's mask, so the wearer is the target.
    const wearer = noun && isClothing(noun) ? wearerMention(text) : undefined;
    if (wearer) return { ...base, labels: [wearer], type: 'colour', wearerPronoun: true };
    // "What colour are the uniforms?": clothes with no wearer named are everyone's, seen on the people.
    if (noun && isClothing(noun)) {
      const at = text.indexOf(noun);
      return { ...base, labels: [{ label: 'person', start: at, end: at + noun.length, plural: true }], type: 'colour' };
    }
    return { ...base, type: 'colour', unknownThing: noun };
  }
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
      askedColour: (colourOfKind[0] === 'gray' ? 'grey' : colourOfKind[0]) as ColourName,
    };
  if (identity && kindWords) {
    // The kind asked about is not what the question is about: only labels in the subject stay targets.
    const kindStart = identity.index + identity[0].lastIndexOf(identity[2]);
    const subjectLabels = labels.filter((m) => m.start < kindStart);
    const colour = colourOfKind
      ? { askedColour: (colourOfKind[0] === 'gray' ? 'grey' : colourOfKind[0]) as ColourName }
      : {};
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
    const grey = (word: string) => (word === 'gray' ? 'grey' : word) as ColourName;
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
      return { ...base, ...about, ...unknown, type: 'colour', colourChoice: [grey(choice[1]), grey(choice[2])] };
    return { ...base, ...about, ...unknown, type: 'colour', askedColour: grey(asked[3]) };
  }
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
  // "What is next to the biggest car?" asks a relation: the superlative only says which car.
  const superlative = superlativeMatch(text);
  const relationFirst = RELATION.exec(text);
  // "What is the biggest car next to?" likewise, with the relation word last.
  const relationLast = /^(what|which)\b/.test(text) ? RELATION_AFTER.exec(text) : null;
  const inAnchor =
    superlative &&
    ((relationFirst && relationFirst.index + relationFirst[0].length <= superlative.at) ||
      (relationLast && superlative.at < relationLast.index));
  // "Who is closest to the racket?": nearest to a thing, not to the camera.
  const nearTo = /\b(?:closest|nearest|closer|nearer) to\b/.exec(text);
  const nearAt = nearTo ? nearTo.index + nearTo[0].length : -1;
  if (superlative && !inAnchor && nearTo && labels.some((m) => m.start > nearAt))
    return {
      ...base,
      labels: labels.filter((m) => m.start < nearAt),
      type: 'superlative',
      superlative: 'nearest',
      nearestTo: { labels: labels.filter((m) => m.start > nearAt).map((m) => m.label), words: text.slice(nearAt) },
    };
  if (superlative && !inAnchor) return { ...base, type: 'superlative', superlative: superlative.kind };
  const side = WHICH_SIDE.exec(text);
  if (side) return { ...base, type: 'superlative', superlative: side[1] === 'left' ? 'left-most' : 'right-most' };
  if (WHERE.test(text)) return { ...base, type: 'where', unknownThing: labels.length ? undefined : nounAfterThe(text) };
  const region = REGION.exec(text);
  if (region && labels.length === 0) return { ...base, type: 'region', region: regionAsked(region[1] ?? region[2]) };
  const after = RELATION_AFTER.exec(text);
  if (
    after &&
    /^(what|who|which)\b/.test(text) &&
    (labels.length > 0 || usesPronoun) &&
    (labels[0]?.start ?? 0) < after.index
  ) {
    return { ...base, type: 'relation', relation: relationAsked(after[1]), anchorIsSubject: true };
  }
  // "What is the small animal standing next to the tall giraffe?": select the things named before the relation
  // word, keep those standing in it to the things named after it.
  const chosen = SUBJECT_RELATION.exec(text);
  if (chosen) {
    const at = chosen[0].lastIndexOf(` ${chosen[1]} `);
    const subject = labels.filter((m) => m.start < at);
    const anchor = labels.filter((m) => m.start > at);
    if (subject.length && anchor.length) {
      return {
        ...base,
        labels: anchor,
        type: 'relation',
        relation: relationAsked(chosen[1]),
        anchorIsSubject: false,
        subjectLabels: [...new Set(subject.map((m) => m.label))],
        targetCueText: text.slice(at),
      };
    }
  }
  const relation = RELATION.exec(text);
  if (relation && (labels.length > 0 || usesPronoun))
    return { ...base, type: 'relation', relation: relationAsked(relation[1]), anchorIsSubject: false };
  // "What animals are there?", "which vegetables are in the box?": the noun after what/which names a class
  // (or a kind covering several), so this asks which of them are there.
  const listed = /^(what|which) (?:kinds? of |types? of |sorts? of )?/.exec(text);
  if (listed && labels[0] && labels[0].start <= listed[0].length + 12 && /\b(are|is|can|do)\b/.test(text))
    return { ...base, type: 'exists' };
  // "What is on the desk?" with no desk in view: a relation to a missing thing, not "describe the picture".
  const missingAnchor = RELATION_TO_NOUN.exec(text);
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
    return {
      ...base,
      type: 'exists',
      unknownThing: thingAsked(text, labels, THING_AFTER),
      unchecked: unchecked || withUnchecked,
    };
  }
  return { ...base, type: 'unknown' };
}
