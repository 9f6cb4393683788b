/** Answers about particular entities: where, what colour, which is biggest/left-most, what is on X, sound. */
import type { Relation } from '../relations';
import type { EntityFacts } from '../scene-facts';
import { entityById } from '../scene-facts';
import { findLabelMentions, pluralize } from '../vocabulary';
import {
  absentAnswer,
  emptySceneAnswer,
  entitiesWithLabel,
  LIMITATION,
  type ComposeContext,
} from './compose-overview';
import { capitalize, countPhrase, joinList, percentOfImage, pick, theEntity } from './phrasing';

/** The entities a question is about, or an answer saying they are not there (or that it asks about nothing). */
function targets(ctx: ComposeContext, what: string): { entities: EntityFacts[] } | { answer: string } {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return { answer: emptySceneAnswer(seed) };
  if (question.targetLabels.length === 0) {
    if (question.unknownThing) return { answer: absentAnswer(ctx, question.unknownThing) };
    return { answer: `Which object do you mean? I can tell you ${what} any of these: ${joinList(facts.counts.map((c) => pluralize(c.label)))}.` };
  }
  const entities = question.targetLabels.flatMap((label) => entitiesWithLabel(facts, label));
  if (entities.length === 0) return { answer: absentAnswer(ctx, question.targetLabels[0]) };
  return { entities };
}

function relationsOf(ctx: ComposeContext, entity: EntityFacts): Relation[] {
  return ctx.facts.relations.filter(
    (r) => r.kind !== 'overlapping' && (r.subjectId === entity.id || r.objectId === entity.id),
  );
}

/** "on the table", "next to the red car": a relation seen from `entity`'s side. */
function relationPhrase(ctx: ComposeContext, entity: EntityFacts, relation: Relation): string {
  const other = entityById(ctx.facts, relation.subjectId === entity.id ? relation.objectId : relation.subjectId)!;
  if (relation.subjectId === entity.id) return `${relation.kind} ${theEntity(other)}`;
  const inverse = relation.kind === 'on' ? 'under' : relation.kind === 'in front of' ? 'behind' : relation.kind;
  return `${inverse} ${theEntity(other)}`;
}

export function whereAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'where to find');
  if ('answer' in found) return found.answer;
  const { seed } = ctx;
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    const relation = relationsOf(ctx, entity)[0];
    const extra = relation ? `, ${relationPhrase(ctx, entity, relation)}` : '';
    const lead = pick(['is', 'sits', 'appears'], seed, 'where');
    return `${capitalize(theEntity(entity))} ${lead} ${entity.position} of the image${extra}.`;
  }
  const label = found.entities[0].label;
  const sameLabel = found.entities.every((e) => e.label === label);
  const heading = sameLabel ? `There are ${countPhrase(label, found.entities.length)}` : 'There are several';
  const places = found.entities.slice(0, 6).map((e) => `${theEntity(e)} ${e.position}`);
  return `${heading}: ${joinList(places)}.`;
}

export function colourAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'the colour of');
  if ('answer' in found) return found.answer;
  const { question, seed } = ctx;
  const hedge = (e: EntityFacts) => (e.colourFromMask ? '' : ' (judged from the middle of its box, as it has no mask)');
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    if (!entity.colour) return `I can't tell the colour of the ${entity.label}.`;
    if (question.askedColour) {
      return question.askedColour === entity.colour
        ? `Yes, the ${entity.label} is mostly ${entity.colour}${hedge(entity)}.`
        : `No, the ${entity.label} looks ${entity.colour} rather than ${question.askedColour}${hedge(entity)}.`;
    }
    const verb = pick(['looks', 'is mostly', 'appears'], seed, 'colour');
    return `The ${entity.label} ${verb} ${entity.colour}${hedge(entity)}.`;
  }
  const each = found.entities.slice(0, 6).map((e) => `${e.colour ?? 'unclear'} (the one ${e.position})`);
  const label = found.entities[0].label;
  const subject = found.entities.every((e) => e.label === label) ? `The ${pluralize(label)} are` : 'They are';
  return `${subject} ${joinList(each)}.`;
}

const SUPERLATIVE_WORDS = { biggest: 'biggest', smallest: 'smallest', 'left-most': 'left-most', 'right-most': 'right-most' };

export function superlativeAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return emptySceneAnswer(seed);
  const kind = question.superlative ?? 'biggest';
  const pool = question.targetLabels.length
    ? facts.entities.filter((e) => question.targetLabels.includes(e.label))
    : facts.entities;
  if (pool.length === 0) return absentAnswer(ctx, question.targetLabels[0]);
  const sorted = [...pool].sort((a, b) => {
    if (kind === 'biggest') return b.areaFraction - a.areaFraction;
    if (kind === 'smallest') return a.areaFraction - b.areaFraction;
    if (kind === 'left-most') return a.centre[0] - b.centre[0];
    return b.centre[0] - a.centre[0];
  });
  const winner = sorted[0];
  const what = question.targetLabels.length ? winner.label : pick(['object', 'thing'], seed, 'thing');
  const detail =
    kind === 'biggest' || kind === 'smallest'
      ? `, covering ${percentOfImage(winner.areaFraction)} of the image`
      : ` (${winner.position})`;
  if (pool.length === 1) return `There is only one ${winner.label}: ${theEntity(winner)}, ${winner.position}.`;
  return `The ${SUPERLATIVE_WORDS[kind]} ${what} is ${theEntity(winner)}${kind === 'biggest' || kind === 'smallest' ? ` ${winner.position}` : ''}${detail}.`;
}

export function relationAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'what is near');
  if ('answer' in found) return found.answer;
  const asked = ctx.question.relation ?? 'next to';
  const anchors = new Set(found.entities.map((e) => e.id));
  const hits = ctx.facts.relations.filter((r) => {
    if (asked === 'on') return r.kind === 'on' && anchors.has(r.objectId);
    if (asked === 'in front of') return r.kind === 'in front of' && anchors.has(r.objectId);
    if (asked === 'behind') return r.kind === 'in front of' && anchors.has(r.subjectId);
    return r.kind !== 'on' && (anchors.has(r.subjectId) || anchors.has(r.objectId));
  });
  const anchor = found.entities[0];
  const anchorPhrase = found.entities.length === 1 ? theEntity(anchor) : `the ${pluralize(anchor.label)}`;
  if (hits.length === 0) return `Nothing I detected is ${asked} ${anchorPhrase}, judging from the boxes.`;
  const others = hits.map((r) => {
    const otherId = anchors.has(r.subjectId) && asked !== 'on' && asked !== 'in front of' ? r.objectId : r.subjectId;
    return theEntity(entityById(ctx.facts, otherId)!);
  });
  return `${capitalize(joinList([...new Set(others)]))} ${others.length === 1 ? 'is' : 'are'} ${asked} ${anchorPhrase}.`;
}

export function soundAnswer(ctx: ComposeContext): string {
  const { facts, seed } = ctx;
  if (!facts.sound) return 'No sound was analysed for this image, so I can\'t say what it sounds like. Add an audio clip or record one, then ask again.';
  const description = facts.sound.description.trim().replace(/\.?$/, '.');
  const heard = `${pick(['From the audio:', 'The sound analysis says:', 'What I hear:'], seed, 'heard')} ${description}`;
  const sceneLabels = [...new Set(facts.entities.map((e) => e.label))];
  const named = findLabelMentions(`${facts.sound.keywords.join(', ')}. ${facts.sound.description}`, sceneLabels);
  const sources = [...new Set(named.map((m) => m.label))].flatMap((label) => entitiesWithLabel(facts, label).slice(0, 1));
  if (sources.length === 0) {
    return `${heard} None of the objects I can see obviously makes that sound, so its source may be out of frame.`;
  }
  const list = joinList(sources.map((e) => `${theEntity(e)} ${e.position}`));
  return `${heard} ${pick(['That fits', 'The likely source is', 'It probably comes from'], seed, 'src')} ${list}.`;
}

export function greetingAnswer(ctx: ComposeContext, help: boolean): string {
  const { facts, seed } = ctx;
  const hello = help ? '' : `${pick(['Hello!', 'Hi!', 'Hello there!'], seed, 'hi')} `;
  const found = facts.entities.length ? `I found ${joinList(facts.counts.map((c) => countPhrase(c.label, c.count)))} in this image.` : 'I found nothing above the current threshold in this image.';
  return (
    `${hello}I'm Strix's built-in answerer, not a language model: I answer from what the detector, the segmenter` +
    ` and the sound analysis found. ${found} Ask me what is in it, how many of something there are, where or what` +
    ' colour something is, which is biggest or left-most, what is next to something, what the text says, or what makes the sound.'
  );
}

export function unknownAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const about = question.targetLabels.flatMap((label) => entitiesWithLabel(facts, label)).slice(0, 1)[0];
  const known = about
    ? ` What I do know about the ${about.label}: ${theEntity(about)} is ${about.position}, covering ${percentOfImage(about.areaFraction)} of the image.`
    : '';
  return `${LIMITATION}; I can't tell that from them.${known} For open questions, connect a vision-language model endpoint in the settings.`;
}
