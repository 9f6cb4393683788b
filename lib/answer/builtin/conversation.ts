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
import { cocoSupercategory } from '../../lexicon/coco';
import { isUnderfoot } from '../../lexicon/model-lexicon';
import { readCues, narrowInstances } from '../../lexicon/instances';
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import type { LinkedText } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { peopleInRole, ROLE_OBJECTS } from '../roles';
import { findLabelMentions, singularize } from '../vocabulary';
import { classifyQuestion } from './classify-question';
import { relateFilter } from './relate';
import { superlativeIn } from './question-cues';
import { PRONOUN_SUBJECT } from './question-patterns';
import { superlativeOf } from './superlatives';
import { groundUnderfoot } from './surfaces';
import { normalizeQuestion } from './question-phrases';
import type { ClassifiedQuestion } from './question-types';
import { fineWord } from './phrasing';

export interface ResolvedQuestion extends ClassifiedQuestion {
  question: string;
  /** Labels the answer is about: the question's own, or those of its referents from earlier turns. */
  targetLabels: string[];
  /** The entities (things or stuff regions) it is about, narrowed to instances when its words single them out. */
  targets: EntityFacts[];
  /** True when the targets came from the history rather than the question itself. */
  fromHistory: boolean;
  /** "And the other one?" after a relation question: things already named, left out this time. */
  excludeIds?: string[];
  /** A role noun ("batter") that no one's relations back: the answer is about every person, and says so. */
  roleUnmatched?: string;
  /** "The person in red" with nobody in red: the colour asked that none of the things has, said before the answer. */
  colourUnmatched?: string[];
  /** "Is it on the bed?", "is it bigger than the glass?": what the pronoun subject of a yes/no check refers to. */
  subjectReferents?: EntityFacts[];
}

export type Recompose = (messages: ChatMessage[]) => LinkedText;

const FOLLOW_UP = /^(and|what about|how about|also|then)\b/;
const BARE_COUNT =
  /^how many (?:of (?:them|these|those) )?(?:are|is) (?:there|in (?:the|this) (?:image|picture|photo))\W*$/;
/** "and the saucer?", "what about the lamp?": the noun a follow-up names ("and his hat?" is still about him). */
const FOLLOW_UP_NOUN = /^(?:and|what about|how about|also|then) (?:the|a|an) ([a-z]+)\W*$/;
/** Follow-up words that pick another instance rather than name a thing. */
const NOT_A_THING =
  /^(one|ones|other|others|rest|left|right|top|bottom|middle|centre|center|front|back|first|second|third|last|next|biggest|smallest|nearest|farthest)$/;
/** "the biggest thing", "the nearest object": a superlative over whatever is there. */
const GENERIC_SUPERLATIVE = /\bthe [a-z-]+(?: [a-z-]+)? (?:thing|object|item)s?\b/;
const RELATE =
  /\b(to the left of|to the right of|above|behind|in front of|next to|beside|near|on top of|on|under|below|holding|containing|with)\s+(it|him|her|them|that|this|the [a-z]+)\b/;
const ONE = /\bthe (?:[a-z]+ )?one\b/;
const OTHER = /\b(the )?other (one|ones)?\b|\bthe rest\b/;

/** Every name a question may use for something in this scene: classes, stuff, finer names. */
export function sceneVocabulary(facts: SceneFacts): string[] {
  const all = [...facts.entities, ...facts.stuff];
  return [...new Set([...all.map((e) => e.label), ...all.map(fineWord).filter((w): w is string => Boolean(w))])];
}

/** Entities a label names: the label itself, or a finer name ("pickup" → the truck the classifier named so). */
export function entitiesNamed(facts: SceneFacts, label: string): EntityFacts[] {
  return [...facts.entities, ...facts.stuff].filter((e) => e.label === label || fineWord(e) === label);
}

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
    targetLabels.length === 1 &&
    // "Who is wearing green?": the who answer weighs people's colours itself ("nobody's shirt reads as green").
    !(classified.type === 'who' && WEARS_CLOTHES.has(targetLabels[0])) &&
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
      ? previousReferents(earlier, facts, vocabulary, recompose)
      : after.flatMap((m) => entitiesNamed(facts, m.label));
    const kept = relateFilter(
      targets.filter((t) => !anchor.includes(t)),
      anchor,
      related[1],
      facts,
    );
    if (kept.length) targets = kept;
  }
  // "What colour is his shirt?" after talk of someone: "his" is that person, not every person in view.
  if (classified.wearerPronoun) {
    const previous = personReferents(earlier, facts, vocabulary, recompose);
    if (previous.length) {
      targets = previous;
      fromHistory = true;
    }
  }
  // "Is it bigger than the other one?": there the other one is the comparison's second side, not the target.
  const other = OTHER.test(text) && classified.type !== 'verify-comparison';
  // "What is behind the horse?" → "…the red car…" → "And the other one?": the same question, minus what was named.
  if (other && classified.labels.length === 0 && isBareFollowUp(text, classified)) {
    const again = askAgainWithout(earlier, facts, recompose);
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
      ? previousAbsent(earlier, facts, recompose)
      : undefined;
  if (absent) {
    targetLabels = absent;
    fromHistory = true;
  } else if ((targetLabels.length === 0 && (classified.usesPronoun || bareCount)) || other) {
    // "Where is she?" after an answer about the sky: he and she are someone (a person, or an animal just
    // talked about), never a thing that happened to be named last.
    const last = previousReferents(earlier, facts, vocabulary, recompose);
    const someone = PERSONAL.test(text) && !other && !last.some(isAnimate);
    const people = someone ? personReferents(earlier, facts, vocabulary, recompose) : [];
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
      targets = narrowed.length && narrowed.length < all.length ? narrowed : previous;
      targetLabels = unique(previous.map((e) => e.label));
      fromHistory = true;
    } else if (other && targetLabels.length === 1 && targets.length > 1) {
      // "Where is the other bus?" with nothing before: the one that is not the obvious one, i.e. all but the biggest.
      const main = targets.reduce((a, b) => (b.areaFraction > a.areaFraction ? b : a));
      targets = targets.filter((t) => t !== main);
    }
  }

  // "And the one on the right?", "what about the one in front?": no label of its own, so it means another
  // instance of what the last answer was about, singled out by the place words it does have.
  const followUp = FOLLOW_UP.test(text) && earlier.length > 0;
  // "And the saucer?" names a thing of its own that no model knows: that thing, not the cup asked before.
  const ownNoun = followUp && targetLabels.length === 0 ? FOLLOW_UP_NOUN.exec(text)?.[1] : undefined;
  const unknownOwn = ownNoun && !NOT_A_THING.test(ownNoun) ? singularize(ownNoun) : undefined;
  if (followUp && targetLabels.length === 0 && !fromHistory && !unknownOwn) {
    const previous = previousReferents(earlier, facts, vocabulary, recompose);
    const labels = unique(previous.map((e) => e.label));
    if (labels.length) {
      const all = labels.flatMap((label) => entitiesNamed(facts, label));
      const narrowed = narrowInstances(all, readCues(text, false));
      targets = narrowed.length && narrowed.length < all.length ? narrowed : previous;
      targetLabels = labels;
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
        ? personReferents(earlier, facts, vocabulary, recompose)
        : previousReferents(earlier, facts, vocabulary, recompose)
      : undefined;
  const subject = subjectReferents?.length ? { subjectReferents } : {};
  const unmatched = colourUnmatched && !fromHistory ? { colourUnmatched } : {};
  return {
    ...classified,
    ...named,
    ...unmatched,
    ...subject,
    type,
    question,
    targetLabels,
    targets,
    fromHistory,
    roleUnmatched,
  };
}

/** The previous relation question, resolved again, with the things its answer named set aside. */
function askAgainWithout(
  earlier: ChatMessage[],
  facts: SceneFacts,
  recompose: Recompose,
): ResolvedQuestion | undefined {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return undefined;
  const asked = resolveQuestion(earlier.slice(0, k), facts, recompose);
  if (asked.type !== 'relation' || asked.anchorIsSubject || !asked.targets.length) return undefined;
  const recomposed = recompose(earlier.slice(0, k));
  if (recomposed.text.trim() !== earlier[k].content.trim()) return undefined;
  const anchors = new Set(asked.targets.map((t) => t.id));
  const named = recomposed.spans.flatMap((span) => span.entityIds).filter((id) => !anchors.has(id));
  return named.length
    ? { ...asked, excludeIds: [...new Set([...(asked.excludeIds ?? []), ...named])], fromHistory: true }
    : undefined;
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

/** The entities the last answer was about: its first linked phrase (see module comment). */
function previousReferents(
  earlier: ChatMessage[],
  facts: SceneFacts,
  vocabulary: string[],
  recompose: Recompose,
): EntityFacts[] {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return [];
  const answer = earlier[k].content;
  const recomposed = recompose(earlier.slice(0, k));
  const byId = new Map([...facts.entities, ...facts.stuff].map((e) => [e.id, e]));
  if (recomposed.text.trim() === answer.trim() && recomposed.spans.length) {
    // "What is the person holding?" → "The person is holding the bowl." → "what is in it?": "it" is what the
    // answer brought in (the bowl), not what the question was already about, when the question was a what-question.
    const asked = resolveQuestion(earlier.slice(0, k), facts, recompose);
    const askedIds = new Set(asked.targets.map((t) => t.id));
    const introduced =
      /^(what|which)\b/.test(normalizeQuestion(asked.question)) && asked.type === 'relation'
        ? recomposed.spans.find((s) => s.entityIds.some((id) => !askedIds.has(id)))
        : undefined;
    return (introduced ?? recomposed.spans[0]).entityIds
      .map((id) => byId.get(id))
      .filter((e): e is EntityFacts => Boolean(e));
  }
  // A built-in answer that linked nothing (the "connect a VLM" fallback) was about nothing: its words are not
  // scanned for labels. Only another source's answer (an endpoint's) is read for the first label it names.
  if (recomposed.text.trim() === answer.trim()) return [];
  const label = findLabelMentions(answer, vocabulary)[0]?.label;
  return label ? entitiesNamed(facts, label) : [];
}

/** What the last question asked about when none of it was in view ("is there a laptop?"), else undefined. */
function previousAbsent(earlier: ChatMessage[], facts: SceneFacts, recompose: Recompose): string[] | undefined {
  const k = earlier.map((m) => m.role).lastIndexOf('user');
  if (k < 0) return undefined;
  const asked = resolveQuestion(earlier.slice(0, k + 1), facts, recompose);
  return asked.targetLabels.length && asked.targets.length === 0 ? asked.targetLabels : undefined;
}

/** Pronouns for someone, not something. */
const PERSONAL = /\b(he|she|him|his|her|hers)\b/;
const ANIMALS = new Set(cocoSupercategory('animal'));
const isAnimate = (e: EntityFacts) => WEARS_CLOTHES.has(e.label) || ANIMALS.has(e.label);

/**
 * The people "he", "she" or "his" refers to: those the latest answer that was about someone linked, going back
 * through the conversation, or the one person in view when no answer was about anyone.
 */
function personReferents(
  earlier: ChatMessage[],
  facts: SceneFacts,
  vocabulary: string[],
  recompose: Recompose,
): EntityFacts[] {
  for (let end = earlier.length; end > 1; end--) {
    if (earlier[end - 1].role !== 'assistant') continue;
    const people = previousReferents(earlier.slice(0, end), facts, vocabulary, recompose).filter((e) =>
      WEARS_CLOTHES.has(e.label),
    );
    if (people.length) return people;
  }
  const everyone = facts.entities.filter((e) => WEARS_CLOTHES.has(e.label));
  return everyone.length === 1 ? everyone : [];
}

function previousQuestionType(earlier: ChatMessage[], vocabulary: string[]): ClassifiedQuestion['type'] | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].role !== 'user') continue;
    const type = classifyQuestion(earlier[i].content, vocabulary).type;
    if (type !== 'unknown' && type !== 'greeting' && type !== 'help') return type;
  }
  return null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
