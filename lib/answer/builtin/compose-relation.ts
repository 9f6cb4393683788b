/** "What is next to / behind / on the X?", "what is the horse pulling?": answers from the scene graph's relations. */
import { standsOnGround } from '../../scene/graph/relations';
import type { GraphRelation } from '../../scene/graph/types';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { entityById } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import {
  capitalize,
  colouredLabel,
  countRef,
  distinctEntity,
  joinList,
  theEntities,
  theGroup,
  withArticle,
  scoreList,
} from './phrasing';
import { targets } from './compose-details';
import { STATE_MIN_SCORE, withinRegion } from './compose-setting';
import { groundPlane } from './ground-plane';
import { lyingOn } from './surfaces';
import { isSideWord, oppositeSide, sideOf, type SideWord } from './side-of';
import { insideShare } from '@/lib/shared/box';
import { decapitalizeMarked } from '../links/markup';

/** Relation kinds that answer each asked relation, and whether the anchor is the stored relation's subject. */
function matchesAsked(
  facts: SceneFacts,
  asked: string,
  relation: GraphRelation,
  anchorIsStoredSubject: boolean,
  anchorIsRegion: boolean,
): boolean {
  const kind = relation.kind;
  if (asked === 'inside' && anchorIsRegion && !anchorIsStoredSubject) return withinRegion(facts, relation);
  if (asked === 'next to') return kind === 'next to';
  if (asked === 'on') return kind === 'on' || kind === 'riding';
  if (asked === 'under') return kind === 'on' && anchorIsStoredSubject;
  if (asked === 'behind') return kind === 'in front of';
  return kind === asked;
}

export function relationAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'what is near');
  if ('answer' in found) return kindsWithoutAnchor(ctx) + found.answer;
  const { facts, question } = ctx;
  const asked = question.relation ?? 'next to';
  const anchors = new Set(found.entities.map((e) => e.id));
  // "What is the small animal next to the giraffe?": only things of the kinds named before the relation word.
  const excluded = new Set(question.excludeIds ?? []);
  const chosenKind = (r: (typeof facts.relations)[number]) => {
    if (excluded.has(anchors.has(r.subjectId) ? r.objectId : r.subjectId)) return false;
    if (!question.subjectLabels) return true;
    const other = entityById(facts, anchors.has(r.subjectId) ? r.objectId : r.subjectId);
    return Boolean(other && !anchors.has(other.id) && question.subjectLabels.includes(other.label));
  };
  // "What is on the table?": the table is the stored relation's object; "what is the cup on?": its subject.
  const wantSubjectAnchor = question.anchorIsSubject
    ? asked !== 'under' && asked !== 'behind'
    : asked === 'under' || asked === 'behind';
  const anchorIsRegion = found.entities.every((e) => e.kind === 'stuff');
  // "What is on the wall?": what hangs there is stored as "in front of" an upright region (hangsOn).
  const hanging = (r: (typeof facts.relations)[number]) =>
    asked === 'on' &&
    anchorIsRegion &&
    !question.anchorIsSubject &&
    r.kind === 'in front of' &&
    anchors.has(r.objectId) &&
    hangsOn(facts, r.subjectId, r.objectId);
  const hits = facts.relations.filter((r) => {
    if (hanging(r)) return chosenKind(r);
    const anchorSide =
      asked === 'next to'
        ? anchors.has(r.subjectId) || anchors.has(r.objectId)
        : wantSubjectAnchor
          ? anchors.has(r.subjectId)
          : anchors.has(r.objectId);
    return anchorSide && matchesAsked(facts, asked, r, wantSubjectAnchor, anchorIsRegion) && chosenKind(r);
  });
  // Lying within a bed's or table's outline is "on" it, though the graph's "on" looks at the top edge only.
  if (asked === 'on') hits.push(...surfaceHits(ctx, found.entities, anchors, excluded));
  // One anchor among others alike is told apart ("the giraffe on the left" beside another brown giraffe).
  const anchorPhrase =
    found.entities.length === 1 ? distinctEntity(found.entities[0], facts.entities) : theGroup(found.entities);
  const words = asked === 'inside' ? 'in' : asked;
  if (asked === 'pulling') return pulledAnswer(ctx, found.entities);
  if (isSideWord(asked)) return sideAnswer(ctx, found.entities, asked);
  if (hits.length === 0 && (asked === 'behind' || asked === 'in front of') && !question.anchorIsSubject) {
    // The graph keeps one relation per pair; where it kept "next to", the ground plane still tells depth.
    // "What animal is in front of the cars?": only things of the kinds named before the relation word.
    const kinds = question.subjectLabels;
    const standing = groundPlane(
      facts.entities.filter((e) => !excluded.has(e.id) && (!kinds || kinds.includes(e.label))),
      found.entities,
      asked,
    );
    if (standing.length)
      return `${capitalize(joinList(theEntities(standing.slice(0, 4), facts.entities)))} ${standing.length > 1 ? 'are' : 'is'} ${asked} ${anchorPhraseOf(found.entities)}, judging from where ${standing.length > 1 ? 'they stand' : 'it stands'} in the frame.`;
  }
  if (hits.length === 0 && asked === 'next to' && !question.anchorIsSubject) {
    // The graph's "next to" wants boxes of like height: anything standing at the anchor's side on the same
    // ground line is beside it too (of the kinds named before the relation word, when there are any).
    const kinds = question.subjectLabels;
    const beside = besideOnGround(
      facts.entities.filter((e) => !excluded.has(e.id) && (!kinds || kinds.includes(e.label))),
      found.entities,
    );
    if (beside.length)
      return `${capitalize(joinList(theEntities(beside.slice(0, 3), facts.entities)))} ${beside.length > 1 ? 'are' : 'is'} next to ${anchorPhrase}, judging from where ${beside.length > 1 ? 'they stand' : 'it stands'} in the frame.`;
    // Boxes that meet are beside each other in the picture at least, though one may stand further back.
    const meeting = facts.entities
      .filter((e) => !excluded.has(e.id) && !anchors.has(e.id) && (!kinds || kinds.includes(e.label)))
      .filter((e) => found.entities.some((a) => insideShare(e.box, a.box) > 0));
    if (meeting.length)
      return `${capitalize(joinList(theEntities(meeting.slice(0, 3), facts.entities)))} ${meeting.length > 1 ? 'are' : 'is'} beside ${anchorPhrase} in the picture, judging from where the boxes meet (${meeting.length > 1 ? 'they' : 'it'} may stand nearer or further back).`;
  }
  if (hits.length === 0) {
    const weak =
      question.anchorIsSubject && (asked === 'holding' || asked === 'riding')
        ? weakNearby(facts, found.entities)
        : undefined;
    // A detection under the user's threshold is never stated as fact, but saying nothing would hide the lead.
    if (weak)
      return `I can't say for sure: possibly ${withArticle(weak.label)} — the detector is unsure (${(weak.score ?? 0).toFixed(2)}) — ${asked === 'holding' ? 'in the hands of' : 'under'} ${theGroup(found.entities)}.`;
    if (excluded.size) return `Nothing else I detected is ${words} ${anchorPhrase}: that was all of it.`;
    // Contents are small and half hidden (food in a bowl, bags in a boot): not finding any is no "nothing".
    if (asked === 'inside' && !question.anchorIsSubject && !anchorIsRegion)
      return `I can't tell what is in ${anchorPhrase}: none of my detections lies inside ${found.entities.length > 1 ? 'them' : 'it'}, but contents are often too small or hidden for my models.`;
    return question.anchorIsSubject
      ? `${capitalize(anchorPhrase)} ${found.entities.length > 1 ? 'are' : 'is'} not ${asked} anything I detected, judging from the boxes and masks.`
      : `Nothing I detected is ${words} ${anchorPhrase}, judging from the boxes and masks.`;
  }
  const otherOf = (r: (typeof hits)[number], anchorId?: string) =>
    anchorId
      ? r.subjectId === anchorId
        ? r.objectId
        : r.subjectId
      : anchors.has(r.subjectId)
        ? r.objectId
        : r.subjectId;
  // Each named apart from the anchor when they go by the same words ("the brown giraffe" twice).
  const anchorNames = new Set(found.entities.map(colouredLabel));
  const listedOf = (rs: typeof hits, anchorId?: string) =>
    [...new Set(rs.map((r) => otherOf(r, anchorId)))].slice(0, 5).map((id) => entityById(facts, id)!);
  const namesOf = (listed: EntityFacts[]) =>
    joinList(
      theEntities(listed, facts.entities).map((name, i) =>
        anchorNames.has(colouredLabel(listed[i])) ? distinctEntity(listed[i], facts.entities) : name,
      ),
    );
  if (question.anchorIsSubject) {
    // One sentence per anchor that has such a relation: "the man" may be one of two people, and only one sits.
    const all = found.entities
      .map((anchor) => {
        const mine = hits.filter((r) => r.subjectId === anchor.id || r.objectId === anchor.id);
        return { anchor, listed: listedOf(mine, anchor.id) };
      })
      .filter(({ listed }) => listed.length);
    // "The zebras are on the grass.": when every one asked of has the same answer, it is said once.
    const objectIds = ({ listed }: (typeof all)[number]) => listed.map((e) => e.id).join(' ');
    if (
      all.length > 1 &&
      all.length === found.entities.length &&
      all.every((h) => objectIds(h) === objectIds(all[0]))
    ) {
      const { listed } = all[0];
      return hedgedByScore(`${capitalize(theGroup(all.map((h) => h.anchor)))} are ${words} ${namesOf(listed)}`, listed);
    }
    const having = all.slice(0, 3);
    // Two anchors alike ("the person in white" twice) are told apart by place or order, never repeated.
    const names = theEntities(
      having.map((h) => h.anchor),
      facts.entities,
    );
    return [
      ...new Set(
        having.map(({ listed }, i) => hedgedByScore(`${capitalize(names[i])} is ${words} ${namesOf(listed)}`, listed)),
      ),
    ].join(' ');
  }
  const count = new Set(hits.map((r) => otherOf(r))).size;
  // Several anchors ("on the ground": road, runway, sea): only those something is in that relation with.
  const related = found.entities.filter((a) => hits.some((r) => r.subjectId === a.id || r.objectId === a.id));
  const relatedPhrase = related.length && related.length < found.entities.length ? theGroup(related) : anchorPhrase;
  const listed = listedOf(hits);
  // A weak anchor weakens the sentence as much as a weak thing on it: its score is said too.
  const anchorsSaid = related.length ? related : found.entities;
  return hedgedByScore(`${capitalize(namesOf(listed))} ${count === 1 ? 'is' : 'are'} ${words} ${relatedPhrase}`, [
    ...listed,
    ...anchorsSaid.filter((a) => a.kind !== 'stuff' && !listed.includes(a)),
  ]);
}

/**
 * A relation sentence stated as fact only of things sure enough to state (STATE_MIN_SCORE): all of them weak, it
 * is a "possibly"; some weak, those are named with their scores ("the yellow banana on the table" at 0.41 is a lead).
 * `said`: every thing the sentence names, the anchor included.
 */
function hedgedByScore(sentence: string, said: EntityFacts[]): string {
  const weak = said.filter((e) => (e.score ?? 1) < STATE_MIN_SCORE);
  const scores = scoreList(weak);
  if (weak.length && weak.length === said.length)
    return `Possibly: ${decapitalizeMarked(sentence)} — the detector is unsure of ${joinList(theEntities(weak))} (${scores}).`;
  if (weak.length) return `${sentence} (the detector is unsure of ${joinList(theEntities(weak))}: ${scores}).`;
  return `${sentence}.`;
}

/** Share of the region's height a hanging thing's bottom edge must clear: feet on the floor line do not. */
const HANG_CLEARANCE = 0.1;

/**
 * A thing hangs on a region (a knife on the wall) when it stands before it, rests on nothing else, and its
 * bottom edge is clearly above the region's: someone standing in front of a wall has their feet at its foot.
 */
function hangsOn(facts: ComposeContext['facts'], thingId: string, regionId: string): boolean {
  const thing = entityById(facts, thingId);
  const region = entityById(facts, regionId);
  if (!thing || !region || thing.kind === 'stuff' || standsOnGround(thing.label)) return false;
  const restsOnSomething = facts.relations.some((r) => r.subjectId === thingId && r.kind === 'on');
  const thingBottom = thing.box[1] + thing.box[3];
  const regionBottom = region.box[1] + region.box[3];
  return !restsOnSomething && regionBottom - thingBottom >= HANG_CLEARANCE * region.box[3];
}

function anchorPhraseOf(anchors: EntityFacts[]): string {
  return theGroup(anchors);
}

/**
 * The graph's "next to" wants boxes of like height (a small zebra beside a tall giraffe is not one); asked about
 * the smaller thing by name, take the ones touching an anchor's box with their feet on the same ground line
 * (bottom edges within a quarter of the anchor's height), nearest first.
 */
function besideOnGround(candidates: EntityFacts[], anchors: EntityFacts[]): EntityFacts[] {
  const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
  const gap = (a: EntityFacts, b: EntityFacts) =>
    Math.max(0, Math.max(a.box[0], b.box[0]) - Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]));
  const near = (c: EntityFacts, a: EntityFacts) =>
    gap(c, a) <= c.box[2] / 2 && Math.abs(bottom(c) - bottom(a)) <= a.box[3] / 4;
  const closest = (c: EntityFacts) => Math.min(...anchors.map((a) => gap(c, a)));
  return candidates
    .filter((c) => !anchors.includes(c) && anchors.some((a) => near(c, a)))
    .sort((x, y) => closest(x) - closest(y));
}

/** Things that are pulled (carts, wagons, sleds…): "what is the horse pulling?" answers from the whole-image tags. */
const PULLED = /\b(cart|wagon|carriage|trailer|sled|sledge|sleigh|plough|plow|rickshaw|jinrikisha|buggy|oxcart)\b/i;

function pulledAnswer(ctx: ComposeContext, anchors: EntityFacts[]): string {
  const tag = (ctx.facts.tags ?? []).filter((t) => PULLED.test(t.label)).sort((a, b) => b.score - a.score)[0];
  const who = theGroup(anchors);
  if (!tag) return `I can't tell: no model here found anything ${who} could be pulling (a cart, wagon or sled).`;
  const word = PULLED.exec(tag.label)![1].toLowerCase();
  return `Probably a ${word}: the whole-image classifier tags this photo "${tag.label}" (${tag.score.toFixed(2)}), though no model outlines the ${word} itself, so I can't link it to ${who}.`;
}

/** Below this a detection is more often noise than a lead: not even hedged. Set to 0.2 while reading dev.json answers. */
const HEDGE_MIN_SCORE = 0.2;

/** The strongest detection under the threshold whose centre lies inside one of the anchors' boxes. */
function weakNearby(facts: ComposeContext['facts'], anchors: EntityFacts[]): EntityFacts | undefined {
  const inside = (e: EntityFacts, a: EntityFacts) =>
    e.centre[0] >= a.box[0] &&
    e.centre[0] <= a.box[0] + a.box[2] &&
    e.centre[1] >= a.box[1] &&
    e.centre[1] <= a.box[1] + a.box[3];
  return facts.uncertain
    .filter(
      (e) =>
        (e.score ?? 0) >= HEDGE_MIN_SCORE && e.label !== 'person' && anchors.some((a) => a.id !== e.id && inside(e, a)),
    )
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
}

/**
 * "What is to the left of the couch?": the things beside it on that side, nearest first (side-of.ts), from the
 * boxes; "what is the cup to the left of?" asks the other way round.
 */
function sideAnswer(ctx: ComposeContext, anchors: EntityFacts[], asked: SideWord): string {
  const { facts, question } = ctx;
  const excluded = new Set(question.excludeIds ?? []);
  const candidates = facts.entities.filter(
    (e) => !excluded.has(e.id) && (!question.subjectLabels || question.subjectLabels.includes(e.label)),
  );
  // One anchor among others alike is told apart ("the second white bus from the left").
  const anchorPhrase = anchors.length === 1 ? distinctEntity(anchors[0], facts.entities) : theGroup(anchors);
  if (question.anchorIsSubject) {
    const others = sideOf(candidates, anchors, oppositeSide(asked)).slice(0, 3);
    const is = anchors.length > 1 ? 'are' : 'is';
    if (!others.length)
      return `${capitalize(anchorPhrase)} ${is} not ${asked} anything I detected, judging from the boxes.`;
    return `${capitalize(anchorPhrase)} ${is} ${asked} ${joinList(others.map((e) => distinctEntity(e, facts.entities)))}.`;
  }
  const beside = sideOf(candidates, anchors, asked).slice(0, 4);
  const none = question.subjectLabels ? `No ${question.subjectLabels.join(' or ')}` : 'Nothing';
  if (!beside.length) return `${none} I detected is ${asked} ${anchorPhrase}, judging from the boxes.`;
  // Told apart from everything in view: "the red horse" would not say which of two red horses.
  const list = joinList(beside.map((e) => distinctEntity(e, facts.entities)));
  return `${capitalize(list)} ${beside.length > 1 ? 'are' : 'is'} ${asked} ${anchorPhrase}${beside.length > 1 ? ', nearest first' : ''}.`;
}

/** "On" relations the graph misses: things lying within a surface's outline (surfaces.ts), either way round. */
function surfaceHits(
  ctx: ComposeContext,
  anchors: EntityFacts[],
  anchorIds: Set<string>,
  excluded: Set<string>,
): GraphRelation[] {
  const { facts, question } = ctx;
  const stated = (subjectId: string, objectId: string) =>
    facts.relations.some((r) => r.subjectId === subjectId && r.objectId === objectId);
  const others = facts.entities.filter((e) => !anchorIds.has(e.id) && !excluded.has(e.id));
  if (question.anchorIsSubject)
    return anchors.flatMap((a) =>
      others
        .filter((surface) => lyingOn([a], [surface]).length && !stated(a.id, surface.id))
        .map((surface) => ({ subjectId: a.id, kind: 'on' as const, objectId: surface.id })),
    );
  const kinds = question.subjectLabels;
  return others
    .filter((e) => !kinds || kinds.includes(e.label))
    .flatMap((e) =>
      anchors
        .filter((a) => lyingOn([e], [a]).length && !stated(e.id, a.id))
        .map((a) => ({ subjectId: e.id, kind: 'on' as const, objectId: a.id })),
    )
    .slice(0, 5);
}

/**
 * "What food is on the table?" with no table sure: the things of the kinds asked are still named, and the
 * relation is said to be unchecked, before why the anchor is missing.
 */
function kindsWithoutAnchor(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const kinds = question.anchorIsSubject ? undefined : question.subjectLabels;
  const things = kinds ? facts.entities.filter((e) => kinds.includes(e.label)) : [];
  const anchor = question.labels.find((m) => !kinds?.includes(m.label))?.label;
  if (!things.length || !anchor) return '';
  const they = things.length > 1 ? 'they are' : 'it is';
  return `I see ${countRef(things)}; whether ${they} ${question.relation ?? 'near'} the ${anchor} I can't check. `;
}
