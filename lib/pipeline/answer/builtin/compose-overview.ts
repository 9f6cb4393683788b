/**
 * Answers about the scene as a whole or about whether/how many things are there: describe, count, exists,
 * plus the shared "not found" and "beyond what I know" wording.
 */
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { entityById } from '../scene-facts';
import { COCO_LABELS, pluralize } from '../vocabulary';
import type { ResolvedQuestion } from './conversation';
import { aEntity, capitalize, countPhrase, joinList, numberWord, pick, theEntity } from './phrasing';

export interface ComposeContext {
  facts: SceneFacts;
  question: ResolvedQuestion;
  seed: number;
}

export const LIMITATION =
  'I only know what the detector (80 COCO classes) and the sound analysis found: which objects are there, ' +
  'where, how big and what colour';

export function entitiesWithLabel(facts: SceneFacts, label: string): EntityFacts[] {
  return facts.entities.filter((entity) => entity.label === label);
}

/** "two people, a red car and a dog": single entities get their colour, groups their count. */
export function inventory(facts: SceneFacts): string {
  return joinList(
    facts.counts.map(({ label, count }) =>
      count === 1 ? aEntity(entitiesWithLabel(facts, label)[0]) : countPhrase(label, count),
    ),
  );
}

export function emptySceneAnswer(seed: number): string {
  return pick(
    [
      'The detector found nothing above the current score threshold, so I have nothing to describe. Try lowering the threshold slider.',
      'Nothing was detected above the current score threshold. Lowering the threshold slider may reveal weaker detections.',
    ],
    seed,
    'empty',
  );
}

/** The label or thing is not in the scene: say so, and say what is there instead. */
export function absentAnswer(ctx: ComposeContext, thing: string): string {
  const { facts, seed } = ctx;
  const known = COCO_LABELS.includes(thing) || facts.entities.some((e) => e.label === thing);
  const denials =
    ctx.question.type === 'exists'
      ? [`No, I don't see any ${pluralize(thing)}.`, `No, I can't find any ${pluralize(thing)} in this image.`]
      : [`I don't see any ${pluralize(thing)} in this image.`, `I can't find any ${pluralize(thing)} here.`];
  const denial = pick(denials, seed, 'absent');
  const caveat = known
    ? ''
    : ` Note that "${thing}" is not one of the 80 classes the detector knows, so I can't rule it out either.`;
  const there = facts.entities.length
    ? ` ${pick(['What I can see:', 'What is there:', 'I do see'], seed, 'there')} ${inventory(facts)}.`
    : ' In fact nothing was detected above the current threshold.';
  return `${denial}${caveat}${there}`;
}

export function describeAnswer(ctx: ComposeContext): string {
  const { facts, seed } = ctx;
  if (facts.entities.length === 0) return emptySceneAnswer(seed);
  const opening = pick(['I can see', 'This image shows', 'In this image there are', 'The detector found'], seed, 'open');
  const parts = [`${opening} ${inventory(facts)}.`];

  // Say where the few biggest things are; listing every entity's position reads like a table.
  const main = [...facts.entities].sort((a, b) => a.sizeRank - b.sizeRank).slice(0, 3);
  const placed = main.map((entity) => `${theEntity(entity)} is ${entity.position}`);
  if (placed.length) parts.push(`${capitalize(joinList(placed))}.`);

  const relation = facts.relations.find((r) => r.kind !== 'overlapping');
  if (relation) {
    const subject = entityById(facts, relation.subjectId)!;
    const object = entityById(facts, relation.objectId)!;
    parts.push(`${capitalize(theEntity(subject))} is ${relation.kind} ${theEntity(object)}.`);
  }
  if (facts.sound) parts.push(`${pick(['The audio sounds like', 'In the audio:', 'The sound analysis heard'], seed, 'snd')} ${lowerFirst(facts.sound.description)}`);
  return parts.join(' ');
}

export function countAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (question.targetLabels.length === 0) {
    if (question.unknownThing) return absentAnswer(ctx, question.unknownThing);
    if (facts.entities.length === 0) return emptySceneAnswer(seed);
    const total = facts.entities.length;
    return `${pick(['I count', 'There are', 'The detector found'], seed, 'total')} ${numberWord(total)} object${total === 1 ? '' : 's'}: ${inventory(facts)}.`;
  }
  const sentences = question.targetLabels.map((label) => {
    const matches = entitiesWithLabel(facts, label);
    if (matches.length === 0) return `I don't see any ${pluralize(label)}.`;
    const lead = pick(['I count', 'There are', 'I can see'], seed, `count-${label}`);
    const phrase = countPhrase(label, matches.length);
    if (matches.length === 1) return `${pick(['There is just', 'I can see only', 'I count only'], seed, `one-${label}`)} ${phrase}, ${matches[0].position}.`;
    const where = joinList(matches.map((entity) => `one ${entity.position}`));
    return matches.length <= 4 ? `${lead} ${phrase}: ${where}.` : `${lead} ${phrase}.`;
  });
  return sentences.join(' ');
}

export function existsAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (question.targetLabels.length === 0) {
    if (question.unknownThing) return absentAnswer(ctx, question.unknownThing);
    return describeAnswer(ctx);
  }
  const present = question.targetLabels.filter((label) => entitiesWithLabel(facts, label).length > 0);
  const absent = question.targetLabels.filter((label) => !present.includes(label));
  if (present.length === 0) return absentAnswer(ctx, absent[0]);
  const found = present.map((label) => {
    const matches = entitiesWithLabel(facts, label);
    return matches.length === 1 ? `${aEntity(matches[0])} ${matches[0].position}` : countPhrase(label, matches.length);
  });
  const verb = entitiesWithLabel(facts, present[0]).length > 1 ? 'are' : 'is';
  const yes = pick([`Yes, there ${verb}`, 'Yes: I can see', 'Yes, I see'], seed, 'yes');
  const missing = absent.length ? ` But I don't see any ${joinList(absent.map(pluralize))}.` : '';
  return `${yes} ${joinList(found)}.${missing}`;
}

function lowerFirst(text: string): string {
  const trimmed = text.trim();
  const sentence = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
