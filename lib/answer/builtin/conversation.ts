/**
 * Multi-turn context for the built-in answerer: what the question is about, down to the instance.
 * - Its own words: the labels (detector classes, stuff regions, finer names) it mentions, narrowed by cues
 *   ("the red car on the right" → that car; see instances.ts).
 * - "it / they / that one" with no label of its own: the entities of the previous answer's first linked
 *   phrase. The built-in answer is deterministic, so the previous answer is recomposed to recover its links;
 *   when it came from an endpoint instead, the first label it mentions stands for all entities of that label.
 * - "and the other one?": the same label's entities minus those the previous answer was about.
 * - A bare follow-up ("and the dog?") takes the previous question's type.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { isUnderfoot } from '../../lexicon/model-lexicon';
import { readCues, narrowInstances } from '../../lexicon/instances';
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import type { SceneFacts } from '../scene-facts';
import { peopleInRole, ROLE_OBJECTS } from '../roles';
import { singularize } from '../vocabulary';
import { classifyQuestion } from './classify-question';
import { byPosture } from './posture';
import { relateFilter } from './relate';
import { superlativeIn } from './question-cues';
import { PRONOUN_SUBJECT } from './question-patterns';
import { superlativeOf } from './superlatives';
import { groundUnderfoot } from './surfaces';
import { normalizeQuestion } from './question-phrases';
import type { ClassifiedQuestion } from './question-types';
import {
  askAgainWithout,
  isAnimate,
  PERSONAL,
  personReferents,
  previousAbsent,
  previousQuestionType,
  previousNamed,
  previousReferents,
  everythingNamed,
  lastAskedInPlural,
} from './conversation-history';
import { entitiesNamed, sceneVocabulary } from './named-entities';
import type { Recompose, ResolvedQuestion } from './resolved-question';

/** A pronoun for several things. */
const PLURAL_PRONOUN = /\b(they|them|their|those|these)\b/;
const FOLLOW_UP = /^(and|what about|how about|also|then)\b/;
const BARE_COUNT =
  /^how many(?: of (?:them|these|those|each(?: (?:kind|type|sort|one))?))?(?: (?:are|is) (?:there|in (?:the|this) (?:image|picture|photo))| exactly)?\W*$/;
/** "and the saucer?", "what about the lamp?": the noun a follow-up names ("and his hat?" is still about him). */
const FOLLOW_UP_NOUN = /^(?:and|what about|how about|also|then) (?:the|a|an) ([a-z]+)\W*$/;
/** Follow-up words that pick another instance rather than name a thing. */
const NOT_A_THING =
  /^(one|ones|other|others|rest|left|right|top|bottom|middle|centre|center|front|back|first|second|third|last|next|biggest|smallest|nearest|farthest)$/;
/** "the biggest thing", "the nearest object": a superlative over whatever is there. */
const GENERIC_SUPERLATIVE = /\bthe [a-z-]+(?: [a-z-]+)? (?:thing|object|item)s?\b/;
const RELATE =
  /\b(to the left of|to the right of|above|behind|in front of|next to|beside|near|on top of|on|under|below|holding|containing|with|(?:coming|going|driving|walking|running|heading) (?:down|along|up|across))\s+(it|him|her|them|that|this|the [a-z]+)\b/;
/** "The car coming down the road": moving along a surface is being on it. */
const relationWord = (phrase: string) => (/ (?:down|along|up|across)$/.test(phrase) ? 'on' : phrase);
const ONE = /\bthe (?:[a-z]+ )?one\b/;
/** "The standing man", "the seated people": a posture word as the noun's modifier, not the question's verb. */
const POSTURE_BEFORE_NOUN = /\bthe (standing|sitting|seated) [a-z]/;
/** "Which is closer?", "which of the two is bigger?": no kind named, so of what was just talked of. */
const WHICH_OF_THOSE = /^which(?: one| of them| of the two| of those| of these)? (?:is|are)\b/;
const OTHER = /\b(the )?other (one|ones)?\b|\bthe rest\b/;

export function resolveQuestion(messages: ChatMessage[], facts: SceneFacts, recompose: Recompose): ResolvedQuestion {
  const last = messages[messages.length - 1];
  const question = last?.role === 'user' ? last.content : '';
  const vocabulary = sceneVocabulary(facts);
  const classified = classifyQuestion(question, vocabulary);
  const text = normalizeQuestion(question);
  const earlier = messages.slice(0, -1);
  let targetLabels = unique(classified.labels.map((m) => m.label));
  // One thing named twice (by its class and by a finer name a broad word also covers) is still one thing.
  let targets = [...new Set(targetLabels.flatMap((label) => entitiesNamed(facts, label)))];
  let fromHistory = false;

  // "The biggest thing", "the nearest object": no kind named, so the most so of everything shown (a
  // superlative question finds it itself, among everything).
  const generic =
    classified.labels.length === 0 && classified.type !== 'superlative' && GENERIC_SUPERLATIVE.test(text)
      ? superlativeIn(text)
      : undefined;
  if (generic && facts.entities.length) {
    targets = [superlativeOf(facts.entities, generic)];
    targetLabels = [targets[0].label];
  }

  // "The court", "the ground": of the ground regions the word resolves to, the one things stand on.
  const underfoot = classified.labels.some((m) => isUnderfoot(singularize(text.slice(m.start, m.end))));
  // As an anchor ("what is on the ground?") every ground region counts.
  const asksOfTheGround = ['colour', 'where', 'superlative', 'compare'].includes(classified.type);
  if (underfoot && asksOfTheGround && targets.length > 1 && targets.every((t) => t.kind === 'stuff')) {
    targets = [groundUnderfoot(targets, facts)];
    targetLabels = [targets[0].label];
  }

  // Role nouns ("the batter", "the skateboarder") single out the people whose relations fit the role.
  const roleWords = classified.labels
    .filter((m) => m.label === 'person')
    .map((m) => singularize(text.slice(m.start, m.end).split(' ').pop() ?? ''));
  const inRole = roleWords.flatMap((w) => peopleInRole(facts, w));
  if (inRole.length && targets.length > inRole.length)
    targets = [...targets.filter((t) => t.label !== 'person'), ...new Set(inRole)];
  // "The batter" with no bat in view: the answer must say it could not tell who that is, not pass anyone off as them.
  const roleUnmatched = inRole.length
    ? undefined
    : roleWords.find((w) => ROLE_OBJECTS[w] && targets.some((t) => t.label === 'person'));
  // "The standing man", "the seated woman": a posture before the noun singles out who is on no seat, or on one.
  const posture = POSTURE_BEFORE_NOUN.exec(text)?.[1];
  const people = targets.filter((t) => t.label === 'person');
  if (posture && people.length > 1) {
    const { seated, unseated } = byPosture(facts, people);
    const chosen = posture === 'standing' ? unseated : seated;
    if (chosen.length && chosen.length < people.length)
      targets = [...targets.filter((t) => t.label !== 'person'), ...chosen];
  }
  if (targetLabels.length === 1 && targets.length > 1) {
    const cueText = classified.askedColour
      ? text.replace(new RegExp(`\\b${classified.askedColour}\\b`, 'g'), '')
      : text;
    const own = classified.targetCueText ?? cueText;
    const cues = readCues(
      classified.type === 'superlative' || classified.type === 'region' ? '' : own,
      classified.labels[0].plural,
    );
    targets = narrowInstances(targets, cues);
  }
  // "Where is the person in red?" with nobody in red: the answer is about everyone, and must say so first.
  const ownWords = classified.targetCueText ?? text;
  const askedColours = readCues(
    classified.askedColour ? ownWords.replace(new RegExp(`\\b${classified.askedColour}\\b`, 'g'), '') : ownWords,
  ).colours;
  const colourUnmatched =
    !classified.colourChoice &&
    !classified.colourPair &&
    targetLabels.length === 1 &&
    // "Who is wearing green?": the who answer weighs people's colours itself ("nobody's shirt reads as green").
    // "Is anyone wearing black?": the wearing answer weighs their clothes' colours itself.
    !((classified.type === 'who' || classified.type === 'wearing') && WEARS_CLOTHES.has(targetLabels[0])) &&
    askedColours.length &&
    targets.length &&
    !targets.some((t) => {
      // "A black shirt" is the upper band's colour, not the whole mask's.
      const seen = classified.worn ? (t.clothes?.[classified.worn.band] ?? t.colour) : t.colour;
      return seen !== null && askedColours.includes(seen);
    })
      ? askedColours
      : undefined;
  // Relate: "the car behind it", "the cup next to the laptop": keep the instances so related to the anchor.
  const related = RELATE.exec(text);
  if (related && targets.length > 1 && !classified.subjectLabels) {
    const after = classified.labels.filter((m) => m.start > related.index);
    const anchor = /^(it|him|her|them|that|this)$/.test(related[2])
      ? previousReferents(earlier, facts, vocabulary, recompose, resolveQuestion)
      : after.flatMap((m) => entitiesNamed(facts, m.label));
    const kept = relateFilter(
      targets.filter((t) => !anchor.includes(t)),
      anchor,
      relationWord(related[1]),
      facts,
    );
    // "The container holding the broccoli", "the car coming down the road": a thing named before the relation
    // is what is asked about, the one after it only says which; so the anchor is no target, even when no
    // instance is seen in that relation (then every instance of the subject is).
    const subject = unique(classified.labels.filter((m) => m.start < related.index).map((m) => m.label));
    const anchorLabels = new Set(after.map((m) => m.label));
    const subjectOnly = subject.filter((label) => !anchorLabels.has(label));
    const aboutSubject = after.length > 0 && subjectOnly.length > 0 && classified.type !== 'relation';
    if (kept.length) targets = kept;
    else if (aboutSubject) targets = subjectOnly.flatMap((label) => entitiesNamed(facts, label));
    if (aboutSubject) targetLabels = subjectOnly;
  }
  // "What colour is his shirt?" after talk of someone: "his" is that person, not every person in view.
  if (classified.wearerPronoun) {
    const previous = personReferents(earlier, facts, vocabulary, recompose, resolveQuestion);
    if (previous.length) {
      targets = previous;
      fromHistory = true;
    }
  }
  // "Is it bigger than the other one?": there the other one is the comparison's second side, not the target.
  const other = OTHER.test(text) && classified.type !== 'verify-comparison';
  // "What is behind the horse?" → "…the red car…" → "And the other one?": the same question, minus what was named.
  if (other && classified.labels.length === 0 && isBareFollowUp(text, classified)) {
    const again = askAgainWithout(earlier, facts, recompose, resolveQuestion);
    if (again) return { ...again, question };
  }
  // "How many are there?" after talk of the dogs counts the dogs.
  const bareCount =
    classified.type === 'count' &&
    !classified.unknownThing &&
    (BARE_COUNT.test(text) ||
      (classified.labels.length === 0 && (classified.countWhere !== undefined || classified.countBound !== undefined)));
  // "Is there a laptop?" → "No…" → "Where is it?": "it" is still the laptop that is not there, not whatever
  // the "no" listed instead.
  // "He" and "she" are someone, never the absent thing: "Is there a ball?" → "No…" → "What's behind him?".
  const absent =
    targetLabels.length === 0 && classified.usesPronoun && !other && !ONE.test(text) && !PERSONAL.test(text)
      ? previousAbsent(earlier, facts, recompose, resolveQuestion)
      : undefined;
  if (absent) {
    targetLabels = absent;
    fromHistory = true;
  } else if ((targetLabels.length === 0 && (classified.usesPronoun || bareCount)) || other) {
    // "Where is she?" after an answer about the sky: he and she are someone (a person, or an animal just
    // talked about), never a thing that happened to be named last.
    // "How many of each?", or "which one is the biggest?" after "two airplanes and two buses": all of them.
    const each =
      (bareCount && /\bof (?:each|them|these|those)\b/.test(text)) ||
      (classified.type === 'superlative' && /\bwhich (?:one|of them)\b/.test(text));
    const last = previousReferents(earlier, facts, vocabulary, recompose, resolveQuestion, each);
    const someone = PERSONAL.test(text) && !other && !last.some(isAnimate);
    const people = someone ? personReferents(earlier, facts, vocabulary, recompose, resolveQuestion) : [];
    const previous = people.length ? people : last;
    if (other && previous.length) {
      const labels = targetLabels.length ? targetLabels : unique(previous.map((e) => e.label));
      const ids = new Set(previous.map((e) => e.id));
      targets = labels.flatMap((label) => entitiesNamed(facts, label)).filter((e) => !ids.has(e.id));
      targetLabels = labels;
      fromHistory = true;
    } else if (previous.length) {
      // "The bottom one": another instance of what the last answer was about, singled out by its place words.
      const all = unique(previous.map((e) => e.label)).flatMap((label) => entitiesNamed(facts, label));
      // (Not in "is it bigger than the one on the right?": there "the one" is the other side of the comparison.)
      const narrowed =
        ONE.test(text) && classified.type !== 'verify-comparison' ? narrowInstances(all, readCues(text, false)) : [];
      // "What about the cows?" → "The biggest cow is …" → "Where are they?": they are the cows, not that one.
      const theyAll =
        previous.length === 1 && PLURAL_PRONOUN.test(text) && lastAskedInPlural(earlier, vocabulary, previous[0].label);
      targets = narrowed.length && narrowed.length < all.length ? narrowed : theyAll ? all : previous;
      targetLabels = unique(previous.map((e) => e.label));
      fromHistory = true;
    } else if (other && targetLabels.length === 1 && targets.length > 1) {
      // "Where is the other bus?" with nothing before: the one that is not the obvious one, i.e. all but the biggest.
      const main = targets.reduce((a, b) => (b.areaFraction > a.areaFraction ? b : a));
      targets = targets.filter((t) => t !== main);
    }
  }

  // "What are they standing on?" as the first question, of a photo of zebras only: "they" can only be the zebras.
  if (
    earlier.length === 0 &&
    classified.usesPronoun &&
    /\b(they|them|their)\b/.test(text) &&
    !targets.length &&
    !targetLabels.length &&
    facts.entities.length > 1 &&
    facts.entities.every((e) => e.label === facts.entities[0].label)
  ) {
    targets = facts.entities;
    targetLabels = [facts.entities[0].label];
  }

  // "And the one on the right?", "what about the one in front?": no label of its own, so it means another
  // instance of what the last answer was about, singled out by the place words it does have.
  const followUp = FOLLOW_UP.test(text) && earlier.length > 0;
  // "And the saucer?" names a thing of its own that no model knows: that thing, not the cup asked before.
  const ownNoun = followUp && targetLabels.length === 0 ? FOLLOW_UP_NOUN.exec(text)?.[1] : undefined;
  const unknownOwn = ownNoun && !NOT_A_THING.test(ownNoun) ? singularize(ownNoun) : undefined;
  if (followUp && targetLabels.length === 0 && !fromHistory && !unknownOwn) {
    const previous = previousReferents(earlier, facts, vocabulary, recompose, resolveQuestion);
    const labels = unique(previous.map((e) => e.label));
    if (labels.length) {
      const all = labels.flatMap((label) => entitiesNamed(facts, label));
      const narrowed = narrowInstances(all, readCues(text, false));
      targets = narrowed.length && narrowed.length < all.length ? narrowed : previous;
      targetLabels = labels;
      fromHistory = true;
    }
  }

  // "Is the table bigger than the tv?" → "…" → "Which is closer?": of the things the last answer named.
  if (classified.type === 'superlative' && targetLabels.length === 0 && !fromHistory && WHICH_OF_THOSE.test(text)) {
    const named = previousNamed(earlier, facts, recompose);
    if (named.length >= 2) {
      targets = named;
      targetLabels = unique(named.map((e) => e.label));
      fromHistory = true;
    }
  }

  let type = classified.type;
  if (unknownOwn && type === 'unknown') {
    const asked = previousQuestionType(earlier, vocabulary) ?? 'exists';
    return { ...classified, unknownThing: unknownOwn, type: asked, question, targetLabels, targets: [], fromHistory };
  }
  if (type === 'unknown' && followUp && targetLabels.length > 0) {
    type = previousQuestionType(earlier, vocabulary) ?? 'exists';
  } else if (type === 'unknown' && (targetLabels.length > 0 || other) && isBareFollowUp(text, classified)) {
    type = previousQuestionType(earlier, vocabulary) ?? 'exists'; // a bare "dogs?" asks whether there are any
  }
  // "Which bus is biggest?" → "…" → "And the other one?": the others are not the biggest; say where they are.
  if (other && fromHistory && type === 'superlative') type = 'where';
  const named = generic && targets.length ? { unknownThing: undefined } : {};
  // "Is it on the bed?": the question names the bed; "it" is what the conversation was about.
  const checks = type === 'verify-relation' || type === 'verify-comparison';
  const subjectReferents =
    checks && PRONOUN_SUBJECT.test(text)
      ? PERSONAL.test(text.split(' ')[1] ?? '')
        ? personReferents(earlier, facts, vocabulary, recompose, resolveQuestion)
        : previousReferents(earlier, facts, vocabulary, recompose, resolveQuestion)
      : undefined;
  const subject = subjectReferents?.length ? { subjectReferents } : {};
  // "How many people are near them?": "them" is what the last answer was about.
  const countWhere = classified.countWhere?.fromTalk
    ? {
        countWhere: {
          ...classified.countWhere,
          anchorIds: previousReferents(earlier, facts, vocabulary, recompose, resolveQuestion).map((e) => e.id),
        },
      }
    : {};
  const unmatched = colourUnmatched && !fromHistory ? { colourUnmatched } : {};
  // "What else is there?": what no earlier answer named.
  const besides = classified.besides ? { excludeIds: everythingNamed(earlier, recompose) } : {};
  return {
    ...classified,
    ...besides,
    ...named,
    ...unmatched,
    ...subject,
    ...countWhere,
    type,
    question,
    targetLabels,
    targets,
    fromHistory,
    roleUnmatched,
  };
}

/** Nothing but labels and filler words: "and the dog?", "what about the cars?", "and the other one?". */
function isBareFollowUp(text: string, classified: ClassifiedQuestion): boolean {
  let residual = text;
  // One word may name several classes (mentions at the same place): cut each place once.
  const places = [...new Map(classified.labels.map((m) => [m.start, m])).values()];
  for (const mention of places.reverse()) residual = residual.slice(0, mention.start) + residual.slice(mention.end);
  residual = residual.replace(FOLLOW_UP, '').replace(/\b(the|a|an|any|some|about|of|one|ones|other|rest)\b/g, '');
  return residual.replace(/[^a-z]/g, '') === '';
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
