/**
 * How many things are there: counts (by place, as a range when some are unsure, within a relation, the total of a
 * broad word) and "more X than Y?" comparisons. Every phrase that names an entity is written linked (ref).
 */
import { ref } from '../links/markup';
import type { EntityFacts } from '../scene-facts';
import { pluralize, singularize } from '../vocabulary';
import { broadWordDenial } from './broad-word';
import { peopleKindsCaveat } from '../people-words';
import { normalizeQuestion } from './question-phrases';
import type { ResolvedQuestion } from './resolved-question';
import { entitiesNamed } from './named-entities';
import { relateFilter } from './relate';
import { postureAsked, postureCount } from './posture';
import { absentAnswer, type ComposeContext, inventory, lessSure, WEAK_MENTION_SCORE } from './compose-overview';
import { faintSceneAnswer } from './compose-faint';
import {
  capitalize,
  countRef,
  fineWord,
  joinList,
  numberWord,
  percentOfImage,
  pick,
  groupBy,
  theEntities,
  theEntity,
  theGroup,
  scoreList,
} from './phrasing';
import { STATE_MIN_SCORE, withinRegion } from './compose-setting';
import { narrowInstances, readCues } from '../../lexicon/instances';

/** "two on the right and one in the centre": those in one place named together, each group linked to its members. */
function byPlace(entities: EntityFacts[]): string {
  return joinList(
    groupBy(entities, (e) => e.position).map(([position, group]) =>
      ref(
        group.map((e) => e.id),
        `${numberWord(group.length)} ${position}`,
      ),
    ),
  );
}

export function countAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (question.targetLabels.length === 0) {
    if (question.unknownThing) return absentAnswer(ctx, question.unknownThing);
    if (facts.entities.length === 0) return faintSceneAnswer(facts);
    const total = facts.entities.length;
    const unsure = lessSure(
      facts,
      facts.uncertain.map((e) => e.label),
      seed,
    );
    return `${pick(['I count', 'There are', 'The detector found'], seed, 'total')} ${numberWord(total)} thing${total === 1 ? '' : 's'}${unsure}: ${inventory(facts)}.`;
  }
  const total = kindTotal(ctx);
  if (total) return total;
  if (question.countWhere) return countWithin(ctx, question.countWhere);
  // "How many people are sitting?": those on a seat, not every person.
  const posture =
    question.targetLabels.length === 1 &&
    question.targetLabels[0] === 'person' &&
    postureAsked(normalizeQuestion(question.question));
  if (posture && question.targets.length) return postureCount(facts, question.targets, posture);
  // "How many kites are flying?": those resting on nothing and in nobody's hands, not the one on the grass.
  const things = question.targets.filter((t) => t.kind !== 'stuff' && t.label !== 'person');
  if (/\b(flying|in the air|airborne)\b/.test(normalizeQuestion(question.question)) && things.length)
    return airborneCount(ctx, things);
  const sentences = question.targetLabels.map((label) => {
    const matches = question.targets.filter((e) => e.label === label || fineWord(e) === label);
    const range = countRange(ctx, label, matches);
    if (range) return range;
    const unsure = lessSure(facts, [label], seed);
    // "How many paper bags?" read as the detector's handbags: none of those is not none of what the word covers.
    const broad = matches.length === 0 && !unsure ? broadWordDenial(question, label) : undefined;
    if (broad) return broad;
    if (matches.length === 0) {
      // None sure: the weaker ones are all there is, said as such ("only two the detector is unsure of").
      const weak = facts.uncertain.filter((e) => e.label === label).length;
      return `I don't see any ${pluralize(label)}${weak ? ` for sure, only ${numberWord(weak)} the detector is unsure of` : ''}.`;
    }
    if (matches[0].kind === 'stuff')
      return `${capitalize(theEntity(matches[0]))} is a region rather than separate things: it covers ${percentOfImage(matches[0].areaFraction)} of the image.`;
    if (matches.length === 1)
      // "Just one" would deny the weaker ones said in the same breath.
      return `${unsure ? 'I can see' : pick(['There is just', 'I can see only', 'I count only'], seed, `one-${label}`)} ${countRef(matches)}, ${matches[0].position}${unsure}.`;
    const where = matches.length <= 4 ? `: ${byPlace(matches)}` : '';
    // A count of detections too weak to state is a "possibly", with the best score (as the description says it).
    if (matches.every((e) => (e.score ?? 1) < STATE_MIN_SCORE)) {
      const best = Math.max(...matches.map((e) => e.score ?? 0));
      return `Possibly ${countRef(matches)}, though the detector is unsure of them (${best.toFixed(2)} at most)${where}${unsure}.`;
    }
    const lead = pick(['I count', 'There are', 'I can see'], seed, `count-${label}`);
    return `${lead} ${countRef(matches)}${where}${unsure}.`;
  });
  // Several classes read from one broad word share its one denial.
  const counted = [...new Set(sentences)].join(' ');
  return question.askedCount === undefined ? counted : `${countVerdict(ctx, question.askedCount)} ${counted}`;
}

/**
 * "Are there two people?": yes when the sure count is the number asked ("probably" when weaker detections
 * might add more), "possibly" when only the weaker detections make it up, otherwise no; "more / fewer than N"
 * likewise against the bound. The count follows.
 */
function countVerdict(ctx: ComposeContext, asked: number): string {
  const { facts, question } = ctx;
  const labels = question.targetLabels;
  const found = question.targets.filter((e) => e.kind !== 'stuff' && labels.includes(e.label));
  const counted = sureAndWeak(facts, labels, found);
  const sure = counted.sure.length;
  const weak = counted.weak.length;
  // Too few found is no sure "no": the detector misses things, most in a crowd. Too many found is.
  const tooFew = 'Not that I can count.';
  // "More than five": yes on the sure ones alone, possibly if only the weaker ones would get there.
  if (question.countBound === 'more') return sure > asked ? 'Yes.' : sure + weak > asked ? 'Possibly.' : tooFew;
  // "Fewer than ten": the weaker ones might still reach the bound.
  if (question.countBound === 'fewer') return sure >= asked ? 'No.' : sure + weak >= asked ? 'Probably.' : 'Yes.';
  // Weaker detections that would make it more than asked leave the yes a "probably".
  if (sure === asked) return weak ? 'Probably.' : 'Yes.';
  if (sure > asked) return 'No.';
  return sure + weak >= asked ? 'Possibly.' : tooFew;
}

/**
 * The things counted on (strong enough to state, STATE_MIN_SCORE, as the description states them) and the
 * weaker ones a count must leave open: those shown under that score and those under the user's threshold down to
 * WEAK_MENTION_SCORE, strongest first.
 */
function sureAndWeak(
  facts: ComposeContext['facts'],
  labels: string[],
  found: EntityFacts[],
): { sure: EntityFacts[]; weak: EntityFacts[] } {
  const stated = (e: EntityFacts) => e.kind === 'stuff' || (e.score ?? 1) >= STATE_MIN_SCORE;
  const hidden = facts.uncertain.filter((e) => labels.includes(e.label) && (e.score ?? 0) >= WEAK_MENTION_SCORE);
  const weak = [...found.filter((e) => !stated(e)), ...hidden].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return { sure: found.filter(stated), weak };
}

/**
 * "Two or three giraffes": when some of the asked things were found only weakly (too weak to state, or under the
 * user's threshold but at least WEAK_MENTION_SCORE: sureAndWeak), the count is a range, not the sure number alone:
 * that number would be a confident claim that there are no more, and the description would not state them. The
 * sure ones are linked with their places, the weak ones given with their scores.
 */
function countRange(ctx: ComposeContext, label: string, found: EntityFacts[]): string | undefined {
  const { sure, weak } = sureAndWeak(ctx.facts, [label], found);
  if (weak.length === 0 || sure.length === 0 || sure[0].kind === 'stuff') return undefined;
  const n = sure.length;
  const span = weak.length === 1 ? 'or' : 'to';
  const places = byPlace(sure);
  const scores = scoreList(weak);
  const more = weak.length === 1 ? `a ${n === 1 ? 'second' : 'further'} one` : `${numberWord(weak.length)} more`;
  // The headline links the sure ones together: a follow-up ("what colour are they?") is about all of them.
  const headline = ref(
    sure.map((e) => e.id),
    `${capitalize(numberWord(n))} ${span} ${numberWord(n + weak.length)} ${pluralize(label)}`,
  );
  return `${headline}: ${places}, and ${more} the detector is unsure of (${scores}).`;
}

/**
 * "How many bowls are on the table?": the things of the asked kinds standing in that relation to the anchor.
 * With no anchor in view the count of the things is given and the place is said to be unchecked.
 */
function countWithin(ctx: ComposeContext, where: NonNullable<ResolvedQuestion['countWhere']>): string {
  const { facts, question } = ctx;
  const things = question.targets.filter((e) => e.kind !== 'stuff');
  // "The white bus": the anchor's own words single out which of its kind is meant.
  const anchors = where.anchorIds
    ? where.anchorIds.flatMap((id) => facts.entities.filter((e) => e.id === id))
    : narrowInstances(
        where.labels.flatMap((m) => entitiesNamed(facts, m.label)),
        readCues(where.anchor),
      );
  const noun = pluralize(question.targetLabels[0] ?? 'thing');
  const unsure = lessSure(facts, question.targetLabels, ctx.seed);
  // "How many shopping bags are in the boot?" read as the detector's handbags: as in a plain count, none of
  // those is not none of what the word covers.
  const broad = things.length === 0 && !unsure ? broadWordDenial(question, question.targetLabels[0] ?? '') : undefined;
  if (broad) return broad;
  if (things.length === 0) return `I don't see any ${noun}${unsure}.`;
  if (anchors.length === 0 && where.fromTalk)
    return `I can see ${countRef(things)}, but nothing we talked about tells me what "${where.anchor}" means: name it and I will count those ${where.word} it.`;
  if (anchors.length === 0)
    return `I can see ${countRef(things)}, but I can't tell how many are ${where.word} the ${where.anchor}: I see no ${where.anchor} as such.`;
  // "On the wall", "in the field": a region holds what stands on it or before it, as "in the street" does.
  const region = anchors.every((a) => a.kind === 'stuff') && /^(on|in|inside)$/.test(where.word);
  const ids = new Set(anchors.map((a) => a.id));
  // "On the counter" also takes what lies on it without a stored relation, as "what is on the counter?" does.
  const lying = new Set(region && where.word === 'on' ? relateFilter(things, anchors, 'on', facts) : []);
  const within = region
    ? things.filter(
        (t) =>
          lying.has(t) ||
          facts.relations.some((r) => r.subjectId === t.id && ids.has(r.objectId) && withinRegion(facts, r)),
      )
    : relateFilter(things, anchors, where.word, facts);
  // "Near the airplanes": all of them, as the filter above took them; "the bus" one, as the question has it.
  const pluralAnchor = (where.labels.some((m) => m.plural) || where.anchor === 'them') && anchors.length > 1;
  const anchor = pluralAnchor ? theGroup(anchors) : theEntities(anchors.slice(0, 1), facts.entities)[0];
  // "Are there two horses on the road?": the count checked first.
  const n = within.length;
  const asked = question.askedCount;
  const holds =
    question.countBound === 'more'
      ? n > (asked ?? 0)
      : question.countBound === 'fewer'
        ? n < (asked ?? 0)
        : n === asked;
  const verdict = asked === undefined ? '' : holds ? 'Yes. ' : 'No. ';
  const none =
    things.length === 1
      ? `${theEntity(things[0])} is not ${where.word} ${anchor}`
      : `of ${countRef(things)}, none is ${where.word} ${anchor}`;
  if (within.length === 0) return `${verdict}None that I can tell: ${none}, as far as the boxes and masks show.`;
  return `${verdict}${capitalize(numberWord(within.length))}: ${countRef(within)} ${within.length > 1 ? 'are' : 'is'} ${where.word} ${anchor}.`;
}

/**
 * "How many animals are there?": one word that covers several classes is answered with its total first, then
 * the classes ("five animals: three zebras and two giraffes"). Undefined when the question names classes.
 */
function kindTotal(ctx: ComposeContext): string | undefined {
  const { facts, question, seed } = ctx;
  const mentions = question.labels;
  if (question.targetLabels.length < 2 || new Set(mentions.map((m) => m.start)).size !== 1) return undefined;
  const things = question.targets.filter((e) => e.kind !== 'stuff');
  if (things.length === 0) return undefined;
  const word = normalizeQuestion(question.question).slice(mentions[0].start, mentions[0].end);
  const labels = [...new Set(things.map((e) => e.label))];
  const byLabel = labels.map((label) => countRef(things.filter((e) => e.label === label)));
  const unsure = lessSure(facts, labels, seed);
  // "How many kinds of animals are there?": the kinds are what is counted, each with its own count.
  if (/\b(?:kinds?|types?|sorts?|species|varieties) of\b/.test(normalizeQuestion(question.question)))
    return `${capitalize(numberWord(labels.length))} kind${labels.length === 1 ? '' : 's'}: ${joinList(byLabel)}${unsure}.`;
  const noun = things.length === 1 ? singularize(word) : pluralize(singularize(word));
  return `I count ${numberWord(things.length)} ${noun}: ${joinList(byLabel)}${unsure}.`;
}

export function compareAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const [a, b] = question.targetLabels;
  // "More men than women?": both words are people, whom no model sorts by sex or age; everyone counted instead.
  const caveat = a === 'person' && !b ? peopleKindsCaveat(question.question.toLowerCase()) : undefined;
  if (caveat) return `${caveat} ${countAnswer(ctx)}`;
  if (!a || !b) return countAnswer(ctx);
  const as = entitiesNamed(facts, a),
    bs = entitiesNamed(facts, b);
  const asked = question.question.toLowerCase();
  const fewer = /\b(fewer|less)\b/.test(asked);
  const holds = fewer ? as.length < bs.length : as.length > bs.length;
  const phrase = (group: EntityFacts[], label: string) => (group.length ? countRef(group) : `no ${pluralize(label)}`);
  // "Are there more zebras or giraffes?" asks which, not whether: the answer names the kind.
  const choice = !/\bthan\b/.test(asked);
  const named = choice && `${fewer ? 'Fewer' : 'More'} ${pluralize(holds ? a : b)}`;
  const verdict =
    as.length === bs.length ? `${choice ? 'Neither: ' : 'No, '}there are as many` : named || (holds ? 'Yes' : 'No');
  const tail =
    as.length === bs.length
      ? ` ${pluralize(a)} as ${pluralize(b)}: `
      : named
        ? ': I count '
        : pick([': I count ', ', I see '], seed, 'cmp');
  // A tie or a narrow lead among the shown ones may be decided by those below the threshold: say how many.
  const unsure = [a, b]
    .map((label) => ({ label, n: facts.uncertain.filter((e) => e.label === label).length }))
    .filter((u) => u.n > 0);
  // "plus two more horses" would read as a claim about which group is bigger: the unsure ones are named apart.
  const tailUnsure = unsure.length
    ? `; I am less sure of ${joinList(unsure.map((u) => `${numberWord(u.n)} further ${u.n === 1 ? u.label : pluralize(u.label)}`))}`
    : '';
  return `${verdict}${tail}${phrase(as, a)} and ${phrase(bs, b)}${tailUnsure}.`;
}

function airborneCount(ctx: ComposeContext, things: EntityFacts[]): string {
  const { facts } = ctx;
  const grounded = (t: EntityFacts) =>
    facts.relations.some(
      (r) =>
        (r.subjectId === t.id && (r.kind === 'on' || r.kind === 'inside')) ||
        (r.objectId === t.id && r.kind === 'holding'),
    );
  const up = things.filter((t) => !grounded(t));
  const down = things.length - up.length;
  const rest = down
    ? ` ${capitalize(numberWord(down))} more ${down > 1 ? 'rest' : 'rests'} on something or ${down > 1 ? 'are' : 'is'} held.`
    : '';
  if (!up.length) return `None that I can tell: ${countRef(things)}, but each rests on something or is held.`;
  return `${capitalize(numberWord(up.length))}, as far as the boxes show: ${countRef(up)} ${up.length > 1 ? 'rest' : 'rests'} on nothing I detected.${rest}`;
}
