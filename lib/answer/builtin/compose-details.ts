/** Answers about particular entities: where, which is biggest / nearest, regions (colours: compose-colour.ts; relations: compose-relation.ts). */
import { ref } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { lookalikeClasses } from '../../lexicon/model-lexicon';
import { absentAnswer, WEAK_MENTION_SCORE, type ComposeContext } from './compose-overview';
import { placingRelation, relationPhrase, STATE_MIN_SCORE } from './compose-setting';
import { faintSceneAnswer } from './compose-faint';
import { superlativeOf } from './superlatives';
import type { RegionAsked } from './question-types';
import { narrowInstances, readCues } from '../../lexicon/instances';
import {
  afterHedge,
  capitalize,
  countRef,
  distinctEntity,
  joinList,
  numberWord,
  percentOfImage,
  pick,
  placedNames,
  groupBy,
  shaded,
  theEntities,
  theEntity,
  theGroup,
  withArticle,
  scoreList,
} from './phrasing';

/** The entities a question is about, or an answer saying they are not there (or that it names nothing). */
export function targets(
  ctx: ComposeContext,
  what: string,
): { entities: EntityFacts[]; hedge?: string } | { answer: string } {
  const { facts, question } = ctx;
  if (facts.entities.length === 0 && facts.stuff.length === 0) return { answer: faintSceneAnswer(facts) };
  if (question.targets.length) return { entities: question.targets, hedge: unsureOf(question.targets) };
  // "And the other one?" when there is no other: say so, rather than deny what was just described.
  const all = question.targetLabels.flatMap((label) => facts.entities.filter((e) => e.label === label));
  if (question.fromHistory && all.length)
    return { answer: `There is no other ${question.targetLabels[0]}: I see only ${countRef(all)}.` };
  if (question.targetLabels.length) {
    const asked = question.targetLabels[0];
    const reread = rereadAs(facts, asked);
    if (reread) {
      // The detector's own second reading of a box is the strongest lead there is: named, with both scores.
      const { entity, score } = reread;
      return {
        entities: [entity],
        hedge: `I see no ${asked} as such, but ${theEntity(entity)} may be ${ref([entity.id], withArticle(asked))}: the detector's second reading of it is ${asked} (${score.toFixed(2)}, after ${entity.label} ${(entity.score ?? 0).toFixed(2)}). `,
      };
    }
    const lookalikes = lookalikeClasses(asked).flatMap((label) =>
      [...facts.entities, ...facts.stuff].filter((e) => e.label === label),
    );
    if (lookalikes.length === 1) {
      // The question takes it for granted; the model's nearest class is the honest candidate, said as such.
      const seer = lookalikes[0].kind === 'stuff' ? 'the scene segmenter' : 'the detector';
      const named = lookalikes[0].kind === 'stuff' ? lookalikes[0].label : withArticle(lookalikes[0].label);
      return {
        entities: lookalikes,
        hedge: `I see no ${question.targetLabels[0]} as such, but ${seer} may have named it ${named}: `,
      };
    }
    return { answer: absentAnswer(ctx, question.targetLabels[0]) };
  }
  if (question.unknownThing) return { answer: absentAnswer(ctx, question.unknownThing) };
  // Nothing sure to choose from: the leads there are, not an empty list.
  if (facts.counts.length === 0) return { answer: faintSceneAnswer(facts) };
  return {
    answer: `Which one do you mean? I can tell you ${what} any of these: ${joinList(facts.counts.map((c) => pluralize(c.label)))}.`,
  };
}

/**
 * When every thing asked about is too weak to state (STATE_MIN_SCORE, as the description hedges it), the answer
 * about it is said as a possibility, with the scores.
 */
function unsureOf(entities: EntityFacts[]): string | undefined {
  if (!entities.every((e) => e.kind !== 'stuff' && (e.score ?? 1) < STATE_MIN_SCORE)) return undefined;
  return `Possibly — the detector is unsure of ${entities.length > 1 ? 'them' : 'it'} (${scoreList(entities, 3)}): `;
}

/** The shown entity the detector also read as `label` (its best such alternative, at WEAK_MENTION_SCORE or more). */
function rereadAs(facts: SceneFacts, label: string): { entity: EntityFacts; score: number } | undefined {
  const readings = facts.entities.flatMap((entity) =>
    (entity.alternatives ?? [])
      .filter((a) => a.label === label && (a.score ?? 0) >= WEAK_MENTION_SCORE)
      .map((a) => ({ entity, score: a.score ?? 0 })),
  );
  return readings.sort((a, b) => b.score - a.score)[0];
}

export function whereAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'where to find');
  if ('answer' in found) return found.answer;
  const { facts, seed } = ctx;
  if (ctx.question.partAsked) return afterHedge(found.hedge, partChecked(ctx, found.entities, ctx.question.partAsked));
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    const relation = placingRelation(facts, entity);
    const extra = relation ? `, ${relationPhrase(facts, entity, relation)}` : '';
    const depth =
      entity.depth === 'front' ? ', in the foreground' : entity.depth === 'back' ? ', in the background' : '';
    const lead = pick(['is', 'can be seen'], seed, 'where'); // not "sits": a posture nothing here sees
    const sentence = `${theEntity(entity)} ${lead} ${placeInFrame(entity)}${depth}${extra}.`;
    return afterHedge(found.hedge, sentence);
  }
  const label = found.entities[0].label;
  const heading = found.entities.every((e) => e.label === label)
    ? `There are ${countRef(found.entities)}`
    : 'There are several';
  // Many alike ("six bowls"): said by colour and place, once per group, not one by one.
  if (found.entities.length >= 4 && found.entities.every((e) => e.label === label))
    return `${heading}: ${groupedPlaces(found.entities)}.`;
  const shown = found.entities.slice(0, 6).sort((a, b) => a.centre[0] - b.centre[0]);
  // "Where" asks the place: even one told apart by its order from the left gets it ("…, at the top right").
  const places = placedNames(shown, facts.entities);
  // Ten found, six placed: say it is six of them, not a list that looks like all of them.
  const some = found.entities.length > shown.length ? `; ${numberWord(shown.length)} of them` : '';
  return `${heading}${some}: ${joinList(places)}.`;
}

/**
 * "five at the bottom (all white) and one in the centre (blue)": alike things by place, each place's colours
 * after it, one link per place.
 */
function groupedPlaces(entities: EntityFacts[]): string {
  return joinList(
    groupBy(entities, (e) => e.position, true).map(([position, group]) => {
      const colours = groupBy(group, (e) => shaded(e) || 'unclear', true);
      const which =
        colours.length === 1
          ? `${group.length > 1 ? 'all ' : ''}${colours[0][0]}`
          : joinList(colours.map(([colour, alike]) => `${numberWord(alike.length)} ${colour}`));
      return `${ref(
        group.map((e) => e.id),
        `${numberWord(group.length)} ${position}`,
      )} (${which})`;
    }),
  );
}

/** Both axes, as "where" asks: "at the bottom" alone hides that the thing is in the middle left to right. */
export function placeInFrame(entity: EntityFacts): string {
  if (entity.horizontal === 'centre' && entity.vertical !== 'middle')
    return `at the ${entity.vertical} of the image, in the middle`;
  return `${entity.position} of the image`;
}

export function superlativeAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return faintSceneAnswer(facts);
  const kind = question.superlative ?? 'biggest';
  // "Who is closest / reaching the highest?" asks among people, whatever else is near or high.
  const who = /^who\b/.test(question.question.trim().toLowerCase());
  // A region named among things takes part too ("which is closer, the tv or the plant?": ADE20K's plant).
  // "Which is closer?" after two were compared: those two, not every thing of their kinds.
  const pool =
    question.fromHistory && question.targets.length > 1
      ? question.targets
      : question.targetLabels.length
        ? [...facts.entities, ...facts.stuff].filter((e) => question.targetLabels.includes(e.label))
        : who
          ? facts.entities.filter((e) => e.label === 'person')
          : facts.entities;
  // "Which is bigger, the horse or the cart?" with no cart: say so, not "there is only one horse".
  // One word may stand for several classes ("vehicle"): a word is missing when none of its classes is there.
  const words = [...new Set(question.labels.map((m) => m.start))].map((start) =>
    question.labels.filter((m) => m.start === start).map((m) => m.label),
  );
  const missing = words.find((labels) => !pool.some((e) => labels.includes(e.label)));
  if (pool.length === 0 || (words.length > 1 && missing))
    return absentAnswer(ctx, (missing ?? question.targetLabels)[0]);
  if (question.nearestTo) return nearestToAnswer(ctx, pool, question.nearestTo);
  const winner = superlativeOf(pool, kind);
  // "Which dog is biggest?" of one dog is no contest; "what is the biggest thing?" of one thing names it.
  if (pool.length === 1 && question.targetLabels.length)
    return `There is only one ${winner.label}: ${theEntity(winner)}, ${winner.position}.`;
  if (pool.length === 1)
    return `${capitalize(theEntity(winner))}, ${winner.position}: it is the only thing I see for sure.`;
  const what = question.targetLabels.length ? winner.label : who ? 'person' : pick(['thing', 'one'], seed, 'thing');
  const detail =
    kind === 'biggest' || kind === 'smallest'
      ? ` ${winner.position}, covering ${percentOfImage(winner.areaFraction)} of the image`
      : kind === 'nearest' || kind === 'farthest'
        ? ` ${winner.position}${winner.depth === 'front' && kind === 'nearest' ? ', in the foreground' : ''} (judged from how low ${winner.label === 'person' ? 'they stand' : 'it stands'} in the frame)`
        : kind === 'tallest' || kind === 'highest'
          ? ` ${winner.position} (${kind === 'tallest' ? 'the tallest box' : 'the highest top edge'} in the frame)`
          : ` (${winner.position})`;
  // "Which is closer, the car or the horse?": a choice between kinds, answered as one.
  // Only the kinds in the contest are named, by their labels: "airliner", an airplane's finer name, is no other kind.
  const contested = question.targetLabels.filter((label) => pool.some((e) => e.label === label));
  if (new Set(pool.map((e) => e.label)).size > 1 && question.targetLabels.length > 1)
    return `Of the ${joinList(contested.map(pluralize))}, the ${kind} is ${theEntity(winner)}${detail}.`;
  // A winner too weak to state is said as a possibility, with its score.
  const unsure =
    (winner.score ?? 1) < STATE_MIN_SCORE
      ? `, though the detector is unsure it is ${withArticle(winner.label)} (${(winner.score ?? 0).toFixed(2)})`
      : '';
  return `The ${kind} ${what} is ${theEntity(winner)}${detail}${unsure}.`;
}

/** Whether a thing's centre lies in that part of the frame (a third across or down, or both), or at that depth. */
function inPart(e: Pick<EntityFacts, 'horizontal' | 'vertical' | 'depth'>, region: RegionAsked): boolean {
  if (region === 'front' || region === 'back') return e.depth === region;
  return region.split(' ').every((zone) => e.horizontal === zone || e.vertical === zone);
}

function partPhrase(region: RegionAsked): string {
  if (region === 'front') return 'in the foreground';
  if (region === 'back') return 'in the background';
  if (region === 'centre') return 'in the centre';
  return region === 'left' || region === 'right' ? `on the ${region}` : `at the ${region}`;
}

/** "Is the small giraffe on the left?": yes or no from where its centre lies, and where it is either way. */
function partChecked(ctx: ComposeContext, entities: EntityFacts[], part: RegionAsked): string {
  const there = entities.filter((e) => inPart(e, part));
  const where = (e: EntityFacts) => `${theEntity(e)} is ${placeInFrame(e)}`;
  if (entities.length === 1) return `${there.length ? 'Yes' : 'No'}, ${where(entities[0])}.`;
  const placed = joinList(placedNames(entities.slice(0, 6), ctx.facts.entities));
  if (there.length === entities.length)
    return `Yes, all ${numberWord(entities.length)} are ${partPhrase(part)}: ${placed}.`;
  if (!there.length) return `No, none is ${partPhrase(part)}: ${placed}.`;
  return `${capitalize(numberWord(there.length))} of the ${numberWord(entities.length)} ${there.length > 1 ? 'are' : 'is'} ${partPhrase(part)}: ${placed}.`;
}

/** "What is on the left?": things whose centre lies in that part of the frame, or at that depth. */
export function regionAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const region = question.region ?? 'left';
  // "What vehicle is on the left?", "what is parked on the left?": of the kinds named (or the verb allows) only.
  const kinds = question.targetLabels.length ? question.targetLabels : (question.subjectLabels ?? []);
  const inRegion = facts.entities.filter((e) => (kinds.length === 0 || kinds.includes(e.label)) && inPart(e, region));
  const place = partPhrase(region);
  // The background is also the regions things stand before or below (trees, sky, a wall): stuff has no depth.
  const behind =
    region === 'back'
      ? facts.stuff.filter(
          (s) => s.vertical === 'top' || facts.relations.some((r) => r.kind === 'in front of' && r.objectId === s.id),
        )
      : [];
  const stuff = region === 'back' ? behind.slice(0, 3) : facts.stuff.filter((s) => inPart(s, region)).slice(0, 2);
  if (inRegion.length === 0) {
    const backdrop = stuff.length
      ? region === 'back'
        ? ` Behind everything: ${joinList(stuff.map(theEntity))}.`
        : ` Only ${joinList(stuff.map(theEntity))} there.`
      : '';
    // "What is parked on the left?" with a person there: none of the kinds asked, not "nothing".
    const none = kinds.length
      ? `I see no ${kinds.length === 1 ? pluralize(kinds[0]) : 'such things'} ${place}`
      : `Nothing I detected stands ${place}`;
    return `${none}.${backdrop}`;
  }
  // Asked of a kind ("which cars are on the right?"), each is named; otherwise counted by kind.
  const byLabel = kinds.length
    ? theEntities(inRegion.slice(0, 6), facts.entities)
    : [...new Set(inRegion.map((e) => e.label))].map((label) => countRef(inRegion.filter((e) => e.label === label)));
  const lead = pick(
    [`${capitalize(place)} I see`, `${capitalize(place)} there ${inRegion.length > 1 ? 'are' : 'is'}`],
    seed,
    'region',
  );
  const backdrop = region === 'back' && stuff.length ? ` Behind them: ${joinList(stuff.map(theEntity))}.` : '';
  return `${lead} ${joinList(byLabel)}.${backdrop}`;
}

/** The gap between two boxes in pixels (0 when they touch or overlap). */
function boxGap(a: EntityFacts, b: EntityFacts): number {
  const dx = Math.max(0, Math.max(a.box[0], b.box[0]) - Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]));
  const dy = Math.max(0, Math.max(a.box[1], b.box[1]) - Math.min(a.box[1] + a.box[3], b.box[1] + b.box[3]));
  return Math.hypot(dx, dy);
}

/** "Who is closest to the racket?": of the pool, the one whose box comes nearest the anchor's (in the frame). */
function nearestToAnswer(ctx: ComposeContext, pool: EntityFacts[], near: { labels: string[]; words: string }): string {
  const { facts } = ctx;
  const named = near.labels.flatMap((label) => facts.entities.filter((e) => e.label === label));
  const anchors = narrowInstances(named, readCues(near.words));
  if (!anchors.length) return absentAnswer(ctx, near.labels[0]);
  const candidates = pool.filter((e) => !anchors.includes(e));
  if (!candidates.length) return `There is nothing else here to be near ${theGroup(anchors)}.`;
  const gap = (e: EntityFacts) => Math.min(...anchors.map((a) => boxGap(e, a)));
  const winner = candidates.reduce((best, e) => (gap(e) < gap(best) ? e : best));
  const anchor = anchors.reduce((best, a) => (boxGap(winner, a) < boxGap(winner, best) ? a : best));
  const how = gap(winner) === 0 ? 'their boxes touch' : 'going by the gap between their boxes in the frame';
  return `${capitalize(distinctEntity(winner, facts.entities))} is closest to ${distinctEntity(anchor, facts.entities)} (${how}).`;
}
