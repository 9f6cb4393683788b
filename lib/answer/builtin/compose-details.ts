/** Answers about particular entities: where, what colour, which is biggest / nearest, relations, regions. */
import { ref } from '../links/markup';
import type { EntityFacts } from '../scene-facts';
import { entityById } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { absentAnswer, emptySceneAnswer, type ComposeContext } from './compose-overview';
import { relationPhrase, relationsOf } from './compose-setting';
import { capitalize, countRef, joinList, percentOfImage, pick, theEntities, theEntity, theGroup } from './phrasing';

/** The entities a question is about, or an answer saying they are not there (or that it names nothing). */
export function targets(ctx: ComposeContext, what: string): { entities: EntityFacts[] } | { answer: string } {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0 && facts.stuff.length === 0) return { answer: emptySceneAnswer(seed) };
  if (question.targets.length) return { entities: question.targets };
  if (question.targetLabels.length) return { answer: absentAnswer(ctx, question.targetLabels[0]) };
  if (question.unknownThing) return { answer: absentAnswer(ctx, question.unknownThing) };
  return { answer: `Which one do you mean? I can tell you ${what} any of these: ${joinList(facts.counts.map((c) => pluralize(c.label)))}.` };
}

export function whereAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'where to find');
  if ('answer' in found) return found.answer;
  const { facts, seed } = ctx;
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    const relation = relationsOf(facts, entity)[0];
    const extra = relation ? `, ${relationPhrase(facts, entity, relation)}` : '';
    const depth = entity.depth === 'front' ? ', in the foreground' : entity.depth === 'back' ? ', in the background' : '';
    const lead = pick(['is', 'sits', 'appears'], seed, 'where');
    return `${capitalize(theEntity(entity))} ${lead} ${entity.position} of the image${depth}${extra}.`;
  }
  const label = found.entities[0].label;
  const heading = found.entities.every((e) => e.label === label) ? `There are ${countRef(found.entities)}` : 'There are several';
  const shown = found.entities.slice(0, 6).sort((a, b) => a.centre[0] - b.centre[0]);
  const names = theEntities(shown, facts.entities);
  const places = shown.map((e, i) => (names[i].includes(e.position) || names[i].includes('from the left') ? names[i] : `${names[i]} ${e.position}`));
  return `${heading}: ${joinList(places)}.`;
}

export function colourAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'the colour of');
  if ('answer' in found) return found.answer;
  const { question, seed } = ctx;
  const hedge = (e: EntityFacts) => (e.colourFromMask ? '' : ' (judged from the middle of its box, as it has no mask)');
  const named = (e: EntityFacts) => ref([e.id], `the ${e.label}`);
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    if (!entity.colour) return `I can't tell the colour of ${named(entity)}.`;
    const clothes = entity.label === 'person' ? ' (going by the clothes)' : '';
    if (question.askedColour) {
      return question.askedColour === entity.colour
        ? `Yes, ${named(entity)} is mostly ${entity.colour}${clothes}${hedge(entity)}.`
        : `No, ${named(entity)} looks ${entity.colour} rather than ${question.askedColour}${clothes}${hedge(entity)}.`;
    }
    const verb = pick(['looks', 'is mostly', 'appears'], seed, 'colour');
    return `${capitalize(named(entity))} ${verb} ${entity.colour}${clothes}${hedge(entity)}.`;
  }
  const each = found.entities.slice(0, 6).map((e) => ref([e.id], `${e.colour ?? 'unclear'} (the one ${e.position})`));
  return `${capitalize(theGroup(found.entities))} are ${joinList(each)}.`;
}

const SUPERLATIVE_WORDS = { biggest: 'biggest', smallest: 'smallest', 'left-most': 'left-most', 'right-most': 'right-most', nearest: 'nearest', farthest: 'farthest' };

export function superlativeAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return emptySceneAnswer(seed);
  const kind = question.superlative ?? 'biggest';
  const pool = question.targetLabels.length ? facts.entities.filter((e) => question.targetLabels.includes(e.label)) : facts.entities;
  if (pool.length === 0) return absentAnswer(ctx, question.targetLabels[0]);
  const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
  const key: Record<typeof kind, (e: EntityFacts) => number> = {
    biggest: (e) => e.areaFraction,
    smallest: (e) => -e.areaFraction,
    'left-most': (e) => -e.centre[0],
    'right-most': (e) => e.centre[0],
    nearest: bottom,
    farthest: (e) => -bottom(e),
  };
  const winner = pool.reduce((best, e) => (key[kind](e) > key[kind](best) ? e : best));
  if (pool.length === 1) return `There is only one ${winner.label}: ${theEntity(winner)}, ${winner.position}.`;
  const what = question.targetLabels.length ? winner.label : pick(['thing', 'one'], seed, 'thing');
  const detail =
    kind === 'biggest' || kind === 'smallest'
      ? ` ${winner.position}, covering ${percentOfImage(winner.areaFraction)} of the image`
      : kind === 'nearest' || kind === 'farthest'
        ? ` ${winner.position} (judged from how low it stands in the frame)`
        : ` (${winner.position})`;
  return `The ${SUPERLATIVE_WORDS[kind]} ${what} is ${theEntity(winner)}${detail}.`;
}

/** Relation kinds that answer each asked relation, and whether the anchor is the stored relation's subject. */
function matchesAsked(asked: string, kind: string, anchorIsStoredSubject: boolean): boolean {
  if (asked === 'next to') return kind === 'next to';
  if (asked === 'on') return kind === 'on' || kind === 'riding';
  if (asked === 'under') return kind === 'on' && anchorIsStoredSubject;
  if (asked === 'behind') return kind === 'in front of';
  return kind === asked;
}

export function relationAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'what is near');
  if ('answer' in found) return found.answer;
  const { facts, question } = ctx;
  const asked = question.relation ?? 'next to';
  const anchors = new Set(found.entities.map((e) => e.id));
  // "What is on the table?": the table is the stored relation's object; "what is the cup on?": its subject.
  const wantSubjectAnchor = question.anchorIsSubject ? asked !== 'under' && asked !== 'behind' : asked === 'under' || asked === 'behind';
  const hits = facts.relations.filter((r) => {
    const anchorSide = asked === 'next to' ? anchors.has(r.subjectId) || anchors.has(r.objectId) : wantSubjectAnchor ? anchors.has(r.subjectId) : anchors.has(r.objectId);
    return anchorSide && matchesAsked(asked, r.kind, wantSubjectAnchor);
  });
  const anchorPhrase = theGroup(found.entities);
  const words = asked === 'inside' ? 'in' : asked;
  if (hits.length === 0) {
    return question.anchorIsSubject
      ? `${capitalize(anchorPhrase)} ${found.entities.length > 1 ? 'are' : 'is'} not ${asked} anything I detected, judging from the boxes and masks.`
      : `Nothing I detected is ${words} ${anchorPhrase}, judging from the boxes and masks.`;
  }
  const otherOf = (r: (typeof hits)[number], anchorId?: string) => (anchorId ? (r.subjectId === anchorId ? r.objectId : r.subjectId) : anchors.has(r.subjectId) ? r.objectId : r.subjectId);
  const listOf = (rs: typeof hits, anchorId?: string) => joinList(theEntities([...new Set(rs.map((r) => otherOf(r, anchorId)))].slice(0, 5).map((id) => entityById(facts, id)!), facts.entities));
  if (question.anchorIsSubject) {
    // One sentence per anchor that has such a relation: "the man" may be one of two people, and only one sits.
    return found.entities
      .map((anchor) => ({ anchor, mine: hits.filter((r) => r.subjectId === anchor.id || r.objectId === anchor.id) }))
      .filter(({ mine }) => mine.length)
      .slice(0, 3)
      .map(({ anchor, mine }) => `${capitalize(theEntity(anchor))} is ${words} ${listOf(mine, anchor.id)}.`)
      .join(' ');
  }
  const count = new Set(hits.map((r) => otherOf(r))).size;
  return `${capitalize(listOf(hits))} ${count === 1 ? 'is' : 'are'} ${words} ${anchorPhrase}.`;
}

/** "What is on the left?": things whose centre lies in that third, or at that depth. */
export function regionAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const region = question.region ?? 'left';
  const inRegion = facts.entities.filter((e) => (region === 'front' || region === 'back' ? e.depth === region : e.horizontal === region));
  const place = region === 'front' ? 'in the foreground' : region === 'back' ? 'in the background' : region === 'centre' ? 'in the centre' : `on the ${region}`;
  const stuff = facts.stuff.filter((s) => s.horizontal === region).slice(0, 2);
  if (inRegion.length === 0) {
    const backdrop = stuff.length ? ` Only ${joinList(stuff.map(theEntity))} there.` : '';
    return `Nothing I detected stands ${place}.${backdrop}`;
  }
  const byLabel = [...new Set(inRegion.map((e) => e.label))].map((label) => countRef(inRegion.filter((e) => e.label === label)));
  const lead = pick([`${capitalize(place)} I see`, `${capitalize(place)} there ${inRegion.length > 1 ? 'are' : 'is'}`], seed, 'region');
  return `${lead} ${joinList(byLabel)}.`;
}
