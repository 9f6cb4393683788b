/**
 * "What is between the giraffes?", "is the zebra between the two giraffes?", "anything between the car and the
 * bus?": the things lying between two others, as seen from the camera.
 *
 * A thing is between two anchors when its centre lies between theirs along the axis on which the two are
 * further apart (a side-by-side pair is judged left to right, a pair one above the other top to bottom) and its
 * box reaches into the band the two boxes span on the other axis. Regions are left out: grass under both giraffes lies "between" them only
 * in a sense no one asks.
 */
import type { EntityFacts } from '../scene-facts';
import { narrowInstances, readCues } from '../../lexicon/instances';
import { absentAnswer, type ComposeContext } from './compose-overview';
import { entitiesNamed } from './named-entities';
import { capitalize, distinctEntity, joinList, numberWord, theEntity } from './phrasing';
import { normalizeQuestion } from './question-phrases';
import { pluralize } from '../vocabulary';
import { decapitalizeMarked } from '../links/markup';

/** Whether `thing` lies between anchors `a` and `b` (see the module comment). */
function liesBetween(thing: EntityFacts, a: EntityFacts, b: EntityFacts): boolean {
  const along = Math.abs(a.centre[0] - b.centre[0]) >= Math.abs(a.centre[1] - b.centre[1]) ? 0 : 1;
  const across = 1 - along;
  const [low, high] = [Math.min(a.centre[along], b.centre[along]), Math.max(a.centre[along], b.centre[along])];
  const bandStart = Math.min(a.box[across], b.box[across]);
  const bandEnd = Math.max(a.box[across] + a.box[2 + across], b.box[across] + b.box[2 + across]);
  const thingStart = thing.box[across];
  const thingEnd = thingStart + thing.box[2 + across];
  return thing.centre[along] > low && thing.centre[along] < high && thingEnd > bandStart && thingStart < bandEnd;
}

/**
 * The things named after "between": one per mention ("the red car and the white car", each picked by its own
 * words), or every one of a kind named once ("the giraffes").
 */
function anchorsOf(ctx: ComposeContext, at: number): { anchors: EntityFacts[]; missing?: string } {
  const { facts, question } = ctx;
  const text = normalizeQuestion(question.question);
  // One mention per place: a broad word ("animals") names several labels at one place.
  const named = question.labels.filter((m, i, all) => m.start > at && all.findIndex((o) => o.start === m.start) === i);
  const things = (label: string) => entitiesNamed(facts, label).filter((e) => e.kind !== 'stuff');
  if (named.length === 0) return { anchors: [] };
  if (named.length === 1) {
    const all = narrowInstances(things(named[0].label), readCues(text.slice(at), true)).sort(
      (x, y) => x.centre[0] - y.centre[0],
    );
    return all.length ? { anchors: all } : { anchors: [], missing: named[0].label };
  }
  const anchors: EntityFacts[] = [];
  for (const [i, mention] of named.slice(0, 2).entries()) {
    // A thing's words come before its noun ("the red car"): up to the first noun, then after it.
    const words = i === 0 ? text.slice(at, mention.end) : text.slice(named[0].end);
    const pick = narrowInstances(things(mention.label), readCues(words)).find((e) => !anchors.includes(e));
    if (!pick) return { anchors: [], missing: mention.label };
    anchors.push(pick);
  }
  return { anchors };
}

export function betweenAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const text = normalizeQuestion(question.question);
  const at = text.indexOf(' between ');
  const { anchors, missing } = anchorsOf(ctx, at);
  if (missing) return absentAnswer(ctx, missing);
  if (anchors.length < 2) {
    const only = anchors[0];
    return only
      ? `I see only one ${only.label}, ${theEntity(only)}, so there is nothing between two of them.`
      : "I can't tell what it lies between: name two things I can see.";
  }
  // "What animal is between…", "is the zebra between…": the kinds named before "between" narrow the answer.
  const kinds = question.labels.filter((m) => m.start < at).map((m) => m.label);
  const pairs = anchors.flatMap((a, i) => anchors.slice(i + 1).map((b) => [a, b] as const));
  const found = facts.entities.filter(
    (e) =>
      !anchors.includes(e) &&
      (!kinds.length || kinds.includes(e.label)) &&
      pairs.some(([a, b]) => liesBetween(e, a, b)),
  );
  const pair =
    anchors.length === 2
      ? `${distinctEntity(anchors[0], facts.entities)} and ${distinctEntity(anchors[1], facts.entities)}`
      : `the ${numberWord(anchors.length)} ${pluralize(anchors[0].label)}`;
  const yesNo = /^(is|are|does|do|can)\b/.test(text);
  if (!found.length) {
    const what = kinds.length ? `no ${pluralize(kinds[0])}` : 'nothing';
    return `${yesNo ? 'No: ' : ''}${capitalize(`I see ${what} between ${pair}, as far as the boxes show.`)}`;
  }
  const names = found.slice(0, 5).map((e) => distinctEntity(e, facts.entities));
  const sentence = `${capitalize(joinList(names))} ${found.length > 1 ? 'are' : 'is'} between ${pair}, as seen from the camera.`;
  return yesNo ? `Yes: ${decapitalizeMarked(sentence)}` : sentence;
}
