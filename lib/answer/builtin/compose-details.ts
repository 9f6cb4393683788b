/** Answers about particular entities: where, what colour, which is biggest / nearest, relations, regions. */
import { ref } from '../links/markup';
import type { EntityFacts } from '../scene-facts';
import { entityById } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { lookalikeClasses } from '../../lexicon/model-lexicon';
import { absentAnswer, emptySceneAnswer, type ComposeContext } from './compose-overview';
import { relationPhrase, relationsOf } from './compose-setting';
import {
  capitalize,
  colouredLabel,
  countRef,
  joinList,
  numberWord,
  percentOfImage,
  pick,
  theEntities,
  theEntity,
  theGroup,
  withArticle,
} from './phrasing';

/** The entities a question is about, or an answer saying they are not there (or that it names nothing). */
export function targets(
  ctx: ComposeContext,
  what: string,
): { entities: EntityFacts[]; hedge?: string } | { answer: string } {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0 && facts.stuff.length === 0) return { answer: emptySceneAnswer(seed) };
  if (question.targets.length) return { entities: question.targets };
  // "And the other one?" when there is no other: say so, rather than deny what was just described.
  const all = question.targetLabels.flatMap((label) => facts.entities.filter((e) => e.label === label));
  if (question.fromHistory && all.length)
    return { answer: `There is no other ${question.targetLabels[0]}: I see only ${countRef(all)}.` };
  if (question.targetLabels.length) {
    const lookalikes = lookalikeClasses(question.targetLabels[0]).flatMap((label) =>
      facts.entities.filter((e) => e.label === label),
    );
    if (lookalikes.length === 1) {
      // The question takes it for granted; the detector's nearest class is the honest candidate, said as such.
      return {
        entities: lookalikes,
        hedge: `I see no ${question.targetLabels[0]} as such, but the detector may have named it ${withArticle(lookalikes[0].label)}: `,
      };
    }
    return { answer: absentAnswer(ctx, question.targetLabels[0]) };
  }
  if (question.unknownThing) return { answer: absentAnswer(ctx, question.unknownThing) };
  return {
    answer: `Which one do you mean? I can tell you ${what} any of these: ${joinList(facts.counts.map((c) => pluralize(c.label)))}.`,
  };
}

export function whereAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'where to find');
  if ('answer' in found) return found.answer;
  const { facts, seed } = ctx;
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    const relation = relationsOf(facts, entity)[0];
    const extra = relation ? `, ${relationPhrase(facts, entity, relation)}` : '';
    const depth =
      entity.depth === 'front' ? ', in the foreground' : entity.depth === 'back' ? ', in the background' : '';
    const lead = pick(['is', 'sits', 'appears'], seed, 'where');
    const sentence = `${theEntity(entity)} ${lead} ${placeInFrame(entity)}${depth}${extra}.`;
    return found.hedge ? `${found.hedge}${sentence}` : capitalize(sentence);
  }
  const label = found.entities[0].label;
  const heading = found.entities.every((e) => e.label === label)
    ? `There are ${countRef(found.entities)}`
    : 'There are several';
  const shown = found.entities.slice(0, 6).sort((a, b) => a.centre[0] - b.centre[0]);
  const names = theEntities(shown, facts.entities);
  const places = shown.map((e, i) =>
    names[i].includes(e.position) || names[i].includes('from the left') ? names[i] : `${names[i]} ${e.position}`,
  );
  return `${heading}: ${joinList(places)}.`;
}

/** Both axes, as "where" asks: "at the bottom" alone hides that the thing is in the middle left to right. */
function placeInFrame(entity: EntityFacts): string {
  if (entity.horizontal === 'centre' && entity.vertical !== 'middle')
    return `at the ${entity.vertical} of the image, in the middle`;
  return `${entity.position} of the image`;
}

export function colourAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'the colour of');
  if ('answer' in found) return found.answer;
  const answer = colourOf(ctx, found.entities);
  return found.hedge ? `${found.hedge}${answer.charAt(0).toLowerCase()}${answer.slice(1)}` : answer;
}

function colourOf(ctx: ComposeContext, entities: EntityFacts[]): string {
  const found = { entities };
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
  // Alike instances are one fact, not a list of the same word: "The horses are all brown."
  const colours = new Set(found.entities.map((e) => e.colour));
  if (colours.size === 1 && found.entities[0].colour) {
    return `${capitalize(theGroup(found.entities))} are ${found.entities.length === 2 ? 'both' : 'all'} ${found.entities[0].colour}${found.entities[0].label === 'person' ? ' (going by the clothes)' : ''}.`;
  }
  // "What colour is the car?" with several cars of different colours and nothing to tell them apart: the most prominent one
  // (biggest), named as such, and how many others there are — not a list the singular question did not ask for.
  const plural = question.labels.some((l) => l.plural) || question.fromHistory;
  if (!plural && !question.askedColour && found.entities.every((e) => e.label === found.entities[0].label)) {
    const main = [...found.entities].sort((a, b) => b.areaFraction - a.areaFraction)[0];
    if (main.colour) {
      const others = found.entities.length - 1;
      return `The biggest ${main.label}, ${ref([main.id], `the ${colouredLabel(main)}`)} ${main.position}, looks ${main.colour}${hedge(main)} (I see ${numberWord(others)} other${others > 1 ? 's' : ''}; say which one by its place or colour).`;
    }
  }
  const each = found.entities.slice(0, 6).map((e) => ref([e.id], `${e.colour ?? 'unclear'} (the one ${e.position})`));
  return `${capitalize(theGroup(found.entities))} are ${joinList(each)}.`;
}

const SUPERLATIVE_WORDS = {
  biggest: 'biggest',
  smallest: 'smallest',
  'left-most': 'left-most',
  'right-most': 'right-most',
  nearest: 'nearest',
  farthest: 'farthest',
  tallest: 'tallest',
  highest: 'highest',
};

export function superlativeAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return emptySceneAnswer(seed);
  const kind = question.superlative ?? 'biggest';
  // "Who is closest / reaching the highest?" asks among people, whatever else is near or high.
  const who = /^who\b/.test(question.question.trim().toLowerCase());
  const pool = question.targetLabels.length
    ? facts.entities.filter((e) => question.targetLabels.includes(e.label))
    : who
      ? facts.entities.filter((e) => e.label === 'person')
      : facts.entities;
  if (pool.length === 0) return absentAnswer(ctx, question.targetLabels[0]);
  const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
  const key: Record<typeof kind, (e: EntityFacts) => number> = {
    biggest: (e) => e.areaFraction,
    smallest: (e) => -e.areaFraction,
    'left-most': (e) => -e.centre[0],
    'right-most': (e) => e.centre[0],
    nearest: bottom,
    farthest: (e) => -bottom(e),
    // Box height in pixels: what looks tallest in the frame (perspective can fool it, the answer says so).
    tallest: (e) => e.box[3],
    highest: (e) => -e.box[1],
  };
  const winner = pool.reduce((best, e) => (key[kind](e) > key[kind](best) ? e : best));
  if (pool.length === 1) return `There is only one ${winner.label}: ${theEntity(winner)}, ${winner.position}.`;
  const what = question.targetLabels.length ? winner.label : who ? 'person' : pick(['thing', 'one'], seed, 'thing');
  const detail =
    kind === 'biggest' || kind === 'smallest'
      ? ` ${winner.position}, covering ${percentOfImage(winner.areaFraction)} of the image`
      : kind === 'nearest' || kind === 'farthest'
        ? ` ${winner.position}${winner.depth === 'front' && kind === 'nearest' ? ', in the foreground' : ''} (judged from how low it stands in the frame)`
        : kind === 'tallest' || kind === 'highest'
          ? ` ${winner.position} (${kind === 'tallest' ? 'the tallest box' : 'the highest top edge'} in the frame)`
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
  const hits = facts.relations.filter((r) => {
    const anchorSide =
      asked === 'next to'
        ? anchors.has(r.subjectId) || anchors.has(r.objectId)
        : wantSubjectAnchor
          ? anchors.has(r.subjectId)
          : anchors.has(r.objectId);
    return anchorSide && matchesAsked(asked, r.kind, wantSubjectAnchor) && chosenKind(r);
  });
  const anchorPhrase = theGroup(found.entities);
  const words = asked === 'inside' ? 'in' : asked;
  if (asked === 'pulling') return pulledAnswer(ctx, found.entities);
  if (hits.length === 0 && (asked === 'behind' || asked === 'in front of') && !question.anchorIsSubject) {
    // The graph keeps one relation per pair; where it kept "next to", the ground plane still tells depth.
    const standing = groundPlane(
      facts.entities.filter((e) => !excluded.has(e.id)),
      found.entities,
      asked,
    );
    if (standing.length)
      return `${capitalize(joinList(theEntities(standing.slice(0, 4), facts.entities)))} ${standing.length > 1 ? 'are' : 'is'} ${asked} ${anchorPhraseOf(found.entities)}, judging from where ${standing.length > 1 ? 'they stand' : 'it stands'} in the frame.`;
  }
  if (hits.length === 0 && question.subjectLabels && asked === 'next to') {
    const beside = besideOnGround(
      facts.entities.filter((e) => question.subjectLabels!.includes(e.label)),
      found.entities,
    );
    if (beside.length)
      return `${capitalize(joinList(theEntities(beside.slice(0, 3), facts.entities)))} ${beside.length > 1 ? 'are' : 'is'} next to ${anchorPhrase}, judging from where ${beside.length > 1 ? 'they stand' : 'it stands'} in the frame.`;
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
    if (asked === 'inside' && !question.anchorIsSubject)
      return `I can't tell what is in ${anchorPhrase}: none of my detections lies inside it, but contents are often too small or hidden for my models.`;
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
  const listOf = (rs: typeof hits, anchorId?: string) =>
    joinList(
      theEntities(
        [...new Set(rs.map((r) => otherOf(r, anchorId)))].slice(0, 5).map((id) => entityById(facts, id)!),
        facts.entities,
      ),
    );
  if (question.anchorIsSubject) {
    // One sentence per anchor that has such a relation: "the man" may be one of two people, and only one sits.
    const having = found.entities
      .map((anchor) => ({ anchor, mine: hits.filter((r) => r.subjectId === anchor.id || r.objectId === anchor.id) }))
      .filter(({ mine }) => mine.length)
      .slice(0, 3);
    // Two anchors alike ("the person in white" twice) are told apart by place or order, never repeated.
    const names = theEntities(
      having.map((h) => h.anchor),
      facts.entities,
    );
    return [
      ...new Set(
        having.map(({ anchor, mine }, i) => `${capitalize(names[i])} is ${words} ${listOf(mine, anchor.id)}.`),
      ),
    ].join(' ');
  }
  const count = new Set(hits.map((r) => otherOf(r))).size;
  return `${capitalize(listOf(hits))} ${count === 1 ? 'is' : 'are'} ${words} ${anchorPhrase}.`;
}

function anchorPhraseOf(anchors: EntityFacts[]): string {
  return theGroup(anchors);
}

/** Things overlapping the anchors in x whose bottom edge stands higher (behind) or lower (in front) in the frame. */
function groundPlane(all: EntityFacts[], anchors: EntityFacts[], asked: 'behind' | 'in front of'): EntityFacts[] {
  const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
  const overlapX = (a: EntityFacts, b: EntityFacts) =>
    Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]) - Math.max(a.box[0], b.box[0]);
  return all.filter(
    (e) =>
      !anchors.includes(e) &&
      anchors.some(
        (a) =>
          overlapX(a, e) > 0 &&
          (asked === 'behind' ? bottom(e) < bottom(a) - 0.05 * a.box[3] : bottom(e) > bottom(a) + 0.05 * a.box[3]),
      ),
  );
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

/** "What is on the left?": things whose centre lies in that third, or at that depth. */
export function regionAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const region = question.region ?? 'left';
  const inRegion = facts.entities.filter((e) =>
    region === 'front' || region === 'back' ? e.depth === region : e.horizontal === region,
  );
  const place =
    region === 'front'
      ? 'in the foreground'
      : region === 'back'
        ? 'in the background'
        : region === 'centre'
          ? 'in the centre'
          : `on the ${region}`;
  const stuff = facts.stuff.filter((s) => s.horizontal === region).slice(0, 2);
  if (inRegion.length === 0) {
    const backdrop = stuff.length ? ` Only ${joinList(stuff.map(theEntity))} there.` : '';
    return `Nothing I detected stands ${place}.${backdrop}`;
  }
  const byLabel = [...new Set(inRegion.map((e) => e.label))].map((label) =>
    countRef(inRegion.filter((e) => e.label === label)),
  );
  const lead = pick(
    [`${capitalize(place)} I see`, `${capitalize(place)} there ${inRegion.length > 1 ? 'are' : 'is'}`],
    seed,
    'region',
  );
  return `${lead} ${joinList(byLabel)}.`;
}
