/**
 * Two things placed against each other: "is the man on the left or right of the bench?" (a side, as a choice)
 * and "where is the bowl relative to the dog?" (every side, and the graph's relation between them).
 */
import type { GraphRelation } from '../../scene/graph/types';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { narrowInstances, readCues } from '../../lexicon/instances';
import { absentAnswer, type ComposeContext } from './compose-overview';
import { relationFrom } from './compose-setting';
import { entitiesNamed } from './named-entities';
import { capitalize, distinctEntity } from './phrasing';
import { normalizeQuestion } from './question-phrases';
import { sideChoiceAnswer, sidesFrom } from './side-of';

/** "Is the man on the left or right of the bench?" (side-of.ts), each thing picked by its own words. */
export function sideChoice(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const at = question.sideAt ?? 0;
  const first = question.labels.filter((m) => m.start < at);
  const second = question.labels.filter((m) => m.start > at);
  const thing = question.targets.find((t) => first.some((m) => m.label === t.label));
  if (!thing) return absentAnswer(ctx, first[0]?.label ?? 'that');
  const text = normalizeQuestion(question.question);
  const named = second.flatMap((m) => entitiesNamed(facts, m.label)).filter((e) => e !== thing);
  const anchor = narrowInstances(named, readCues(text.slice(text.indexOf(' of ', at) + 4)))[0];
  if (!anchor) return absentAnswer(ctx, second[0]?.label ?? 'that');
  const names: [string, string] = [distinctEntity(thing, facts.entities), distinctEntity(anchor, facts.entities)];
  if (question.placeRelative) return relativePlace(facts, thing, anchor, names);
  return sideChoiceAnswer(thing, anchor, names);
}

/** What the graph adds to the sides: one in, on, riding, held by or before the other, which sides cannot say. */
const BEYOND_SIDES = new Set<GraphRelation['kind']>(['inside', 'on', 'riding', 'holding', 'in front of']);

/**
 * "Where is the bowl relative to the dog?": "The white bowl is to the right of and above the white dog, as seen
 * from the camera", and the graph's relation between the two when it says more (on it, held by it, in front).
 */
function relativePlace(facts: SceneFacts, thing: EntityFacts, anchor: EntityFacts, names: [string, string]): string {
  const [thingName, anchorName] = names;
  const sides = sidesFrom(thing, anchor);
  const between = facts.relations.find(
    (r) =>
      BEYOND_SIDES.has(r.kind) &&
      ((r.subjectId === thing.id && r.objectId === anchor.id) ||
        (r.subjectId === anchor.id && r.objectId === thing.id)),
  );
  const related = between && relationFrom(facts, thing, between).word;
  if (!sides.length)
    return related
      ? `${capitalize(thingName)} is ${related} ${anchorName}.`
      : `${capitalize(thingName)} is level with the middle of ${anchorName} as seen from the camera.`;
  const place = `${capitalize(thingName)} is ${sides.join(' and ')} ${anchorName}, as seen from the camera`;
  return related ? `${place}, and ${related} ${anchor.label === 'person' ? 'them' : 'it'}.` : `${place}.`;
}
