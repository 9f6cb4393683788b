/**
 * "Are the people close to each other?", "are the bowls stacked?", "are the horses together?": a relation asked
 * among the things of one kind, read from the scene graph's relations between them — side by side, overlapping
 * or one before another for "close"; one on another for "stacked".
 */
import type { GraphRelation } from '../../scene/graph/types';
import { entityById } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { absentAnswer, type ComposeContext } from './compose-overview';
import { relationFrom } from './compose-setting';
import { distinctEntity, joinList, numberWord, theEntity } from './phrasing';

/** Which of the graph's relations make two things "close", and which "stacked". */
const CLOSE: GraphRelation['kind'][] = ['next to', 'overlapping', 'in front of', 'on'];
const STACKED: GraphRelation['kind'][] = ['on'];

export function togetherAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const label = question.targetLabels[0];
  const group = question.targets.filter((e) => e.kind !== 'stuff');
  if (!label || group.length === 0) return absentAnswer(ctx, label ?? 'that');
  if (group.length === 1)
    return `There is only one ${label} I can see, ${theEntity(group[0])}, so nothing to be ${question.together === 'stacked' ? 'stacked' : 'close'} to.`;
  const kinds = question.together === 'stacked' ? STACKED : CLOSE;
  const ids = new Set(group.map((e) => e.id));
  const pairs = facts.relations.filter((r) => kinds.includes(r.kind) && ids.has(r.subjectId) && ids.has(r.objectId));
  const oneKind = group.every((e) => e.label === label);
  // "Neither giraffe", "none of the three bowls", "none of the five" (a broad word: animals of several kinds).
  const none =
    group.length === 2 && oneKind
      ? `neither ${label}`
      : `none of the ${numberWord(group.length)}${oneKind ? ` ${pluralize(label)}` : ''}`;
  if (pairs.length === 0) {
    const other = group.length === 2 ? 'the other' : 'another';
    const how = question.together === 'stacked' ? 'lies on' : 'is beside, against or in front of';
    return `No: ${none} ${how} ${other}, as far as the boxes and masks show.`;
  }
  const said = pairs.slice(0, 3).map((r) => {
    const subject = entityById(facts, r.subjectId)!;
    const { word, other } = relationFrom(facts, subject, r);
    return `${distinctEntity(subject, facts.entities)} is ${word} ${distinctEntity(other, facts.entities)}`;
  });
  const paired = new Set(pairs.flatMap((r) => [r.subjectId, r.objectId]));
  const lead = paired.size === group.length ? 'Yes' : 'Some of them';
  const rest = pairs.length > said.length ? `, and ${numberWord(pairs.length - said.length)} more such pairs` : '';
  return `${lead}: ${joinList(said)}${rest}.`;
}
