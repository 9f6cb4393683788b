/**
 * "What is in this picture?" and "Is there a dog?": the overview of what is there, then a paragraph of details
 * that repeats none of it; and yes/no existence, hedged where the only source is weak, with what is not there
 * or not checkable said after. Every phrase that names an entity is written linked (ref).
 */
import { pluralize } from '../vocabulary';
import type { EntityFacts } from '../scene-facts';
import { personWordCaveat } from '../people-words';
import { absentAnswer, type ComposeContext, hedgedInventory } from './compose-overview';
import {
  capitalize,
  countRef,
  distinctEntity,
  fineWord,
  joinList,
  moreLines,
  percentOfImage,
  pick,
  theEntity,
  withArticle,
} from './phrasing';
import { relationSentences, STATE_MIN_SCORE, settingSentence } from './compose-setting';
import { faintSceneAnswer } from './compose-faint';
import { besidesAnswer } from './compose-besides';
import { readCues } from '../../lexicon/instances';
import { normalizeQuestion } from './question-phrases';

/** Overview (what is there), then a paragraph of details that repeats none of it. */
export function describeAnswer(ctx: ComposeContext): string {
  const { facts, seed } = ctx;
  // "What else is there?" once something was named; as a first question it asks for everything.
  if (ctx.question.besides && ctx.question.excludeIds?.length) return besidesAnswer(ctx);
  if (facts.entities.length === 0) return faintSceneAnswer(facts);
  const opening = pick(['I can see', 'This image shows', 'In this image I see', 'The detector found'], seed, 'open');
  const overview = facts.entities.length ? `${opening} ${hedgedInventory(facts)}.` : '';
  const details: string[] = [];
  const setting = settingSentence(facts, seed);
  if (setting) details.push(setting);
  // The few biggest things sure enough to state, each with its place; every position would read like a table.
  const main = facts.entities
    .filter((e) => (e.score ?? 1) >= STATE_MIN_SCORE)
    .sort((a, b) => a.sizeRank - b.sizeRank)
    .slice(0, 3);
  // No posture verbs ("stands", "sits"): nothing here sees posture, and a seated person "standing" is a false fact.
  const verbs = ['is', 'appears', 'can be seen'];
  const placed = main.map(
    (e, i) =>
      `${distinctEntity(e, facts.entities)} ${pick(verbs, seed, `v${i}`)} ${e.position}${e.depth === 'front' ? ' in the foreground' : e.depth === 'back' ? ' in the background' : ''}`,
  );
  if (placed.length > 1 || (placed.length === 1 && facts.counts[0]?.count > 1))
    details.push(`${capitalize(joinList(placed))}.`);
  const fine = main.find((e) => fineWord(e) && fineWord(e) !== e.label);
  if (fine)
    details.push(
      `${capitalize(distinctEntity(fine, facts.entities))} looks like ${withArticle(fineWord(fine)!)} to the crop classifier.`,
    );
  details.push(...relationSentences(facts, 2));
  if (facts.texts?.length)
    details.push(
      `Some text is legible: "${facts.texts[0].text}"${facts.texts.length > 1 ? ` and ${moreLines(facts.texts.length - 1)}` : ''}.`,
    );
  if (facts.sound)
    details.push(
      `${pick(['The audio sounds like', 'In the audio:', 'The sound analysis heard'], seed, 'snd')} ${lowerFirst(facts.sound.description)}`,
    );
  return [overview, details.join(' ')].filter(Boolean).join('\n\n');
}

/**
 * "Is there a green bus?" when the buses in view are white: a no that says what there is, never a yes about the
 * white one. Undefined when no colour was asked or one of the things has it.
 */
function colourDenied(ctx: ComposeContext): string | undefined {
  const { question } = ctx;
  const asked = readCues(normalizeQuestion(question.question)).colours;
  const things = question.targets.filter((e) => e.kind !== 'stuff');
  if (!asked.length || !things.length || question.targetLabels.length !== 1) return undefined;
  return colourNotSeen(things, asked, question.targetLabels[0]);
}

/** "No, I see no red books: the one I see looks grey", or undefined when one of the things has an asked colour. */
export function colourNotSeen(things: EntityFacts[], asked: string[], label: string): string | undefined {
  if (things.some((e) => e.colour && asked.includes(e.colour))) return undefined;
  return `No, I see no ${joinList(asked)} ${pluralize(label)}: ${things.length === 1 ? 'the one I see looks' : 'they look'} ${joinList([...new Set(things.map((e) => e.colour ?? 'unclear'))])} (${countRef(things)}).`;
}

export function existsAnswer(ctx: ComposeContext): string {
  const { question, seed } = ctx;
  if (question.targetLabels.length === 0) {
    if (question.unknownThing) return absentAnswer(ctx, question.unknownThing);
    return describeAnswer(ctx);
  }
  // One word may name several classes ("furniture"); a finer name whose things another label already covers
  // ("studio couch" for a couch) would state the same object twice.
  const covered = (label: string) => {
    const named = question.targets.filter((e) => fineWord(e) === label);
    return (
      named.length > 0 &&
      question.targetLabels.some((other) => other !== label && named.every((e) => e.label === other))
    );
  };
  const present = question.targetLabels.filter(
    (label) =>
      question.targets.some((e) => e.label === label || fineWord(e) === label) &&
      !(question.targets.some((e) => e.label === label) === false && covered(label)),
  );
  // Only labels the question named on their own count as missing, not classes a broad word ("furniture") could cover.
  const alone = (label: string) =>
    question.labels.some((m) => m.label === label && question.labels.filter((l) => l.start === m.start).length === 1);
  const absent = question.targetLabels.filter((label) => !present.includes(label) && alone(label));
  if (present.length === 0) return absentAnswer(ctx, absent[0]);
  const offColour = colourDenied(ctx);
  if (offColour) return offColour;
  const found = present.map((label) => {
    const matches = question.targets.filter((e) => e.label === label || fineWord(e) === label);
    const first = matches[0];
    if (first.kind === 'stuff')
      return `${theEntity(first)}, covering ${percentOfImage(first.areaFraction)} of the image ${first.position}`;
    if (fineWord(first) === label && first.label !== label)
      return `${theEntity(first)}, which the crop classifier calls a ${label}`;
    return matches.length === 1 ? `${countRef(matches)} ${first.position}` : countRef(matches);
  });
  const verb = question.targets.length > 1 ? 'are' : 'is';
  const many = question.targets.length > 1;
  const unchecked = !question.unchecked
    ? ''
    : question.unchecked.word === 'with'
      ? ` But I can't tell whether ${many ? 'any of them has' : question.targets[0]?.label === 'person' ? 'they have' : 'it has'} ${question.unchecked.anchor}: no model here sees that.`
      : ` But I can't tell whether ${many ? 'they are' : 'that is'} ${question.unchecked.word} the ${question.unchecked.anchor}: I see no ${question.unchecked.anchor} as such.`;
  const people = personCaveat(ctx);
  const missing = `${absent.length ? ` But I don't see any ${joinList(absent.map(pluralize))}.` : ''}${unchecked}${ageUnchecked(ctx)}${people ? ` But ${people}` : ''}`;
  // A yes needs a source sure enough to state: when every match is weak, the yes is hedged with its best score.
  const best = Math.max(...question.targets.map((e) => e.score ?? 1));
  if (best < STATE_MIN_SCORE)
    return `Possibly: I see ${joinList(found)}, but the model that found ${question.targets.length > 1 ? 'them' : 'it'} is unsure (${best.toFixed(2)}).${missing}`;
  // "What animals are there?" asks which, not whether: no yes before the list.
  // Nor when the relation asked cannot be checked: the thing is there, the claim is not confirmed.
  const which =
    /^(what|which)\b/.test(question.question.trim().toLowerCase()) ||
    question.unchecked !== undefined ||
    AGE_WORD.test(question.question.toLowerCase()) ||
    people !== undefined;
  const yes = which
    ? pick([`There ${verb}`, 'I can see', 'I see'], seed, 'which')
    : pick([`Yes, there ${verb}`, 'Yes: I can see', 'Yes, I see'], seed, 'yes');
  return `${yes} ${joinList(found)}.${missing}`;
}

/** "Is there a kid?", "is there a woman?": people are there; whether one is a child or a woman, no model says. */
function personCaveat(ctx: ComposeContext): string | undefined {
  const text = normalizeQuestion(ctx.question.question);
  const people = ctx.question.targets.filter((t) => t.label === 'person');
  const word = ctx.question.labels
    .filter((m) => m.label === 'person')
    .map((m) => text.slice(m.start, m.end))
    .find((w) => personWordCaveat(w, people.length > 1));
  return people.length && word ? personWordCaveat(word, people.length > 1) : undefined;
}

/** "Is there a baby elephant?": the elephants are there, their age is not something any model sees. */
const AGE_WORD = /\b(baby|young|juvenile|infant|adult|grown-up|old|elderly)\b/;

function ageUnchecked(ctx: ComposeContext): string {
  const age = AGE_WORD.exec(ctx.question.question.toLowerCase())?.[1];
  const things = ctx.question.targets.filter((t) => t.kind !== 'stuff' && t.label !== 'person');
  if (!age || !things.length) return '';
  const young = /^(baby|young|juvenile|infant)$/.test(age);
  const pick = things.reduce((a, b) =>
    (young ? b.areaFraction < a.areaFraction : b.areaFraction > a.areaFraction) ? b : a,
  );
  const lead = ` But I can't tell whether ${things.length > 1 ? 'any is' : 'it is'} ${young ? 'young' : 'grown'}: my models don't see age.`;
  return things.length > 1
    ? `${lead} The ${young ? 'smallest' : 'biggest'} is ${theEntity(pick)} ${pick.position}.`
    : lead;
}

function lowerFirst(text: string): string {
  const trimmed = text.trim();
  const sentence = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
