/**
 * Shared sentences about the setting (stuff regions) and relations, worded from either side: the graph stores
 * "A on B", "A in front of B", "A holding B"; seen from B they read "under", "behind", "held by".
 */
import type { GraphRelation } from '../../scene-graph/types';
import { entityById, type EntityFacts, type SceneFacts } from '../scene-facts';
import { capitalize, joinList, percentOfImage, pick, theEntity } from './phrasing';

const INVERSE: Record<GraphRelation['kind'], string> = {
  on: 'under',
  'in front of': 'behind',
  overlapping: 'overlapping',
  'next to': 'next to',
  holding: 'held by',
  riding: 'ridden by',
  inside: 'holding',
};

const FORWARD: Record<GraphRelation['kind'], string> = {
  on: 'on',
  'in front of': 'in front of',
  overlapping: 'overlapping',
  'next to': 'next to',
  holding: 'holding',
  riding: 'riding',
  inside: 'inside',
};

/** The relation as seen from `entity`: "on the brown table", "behind the person in red". */
export function relationPhrase(facts: SceneFacts, entity: EntityFacts, relation: GraphRelation): string {
  const forward = relation.subjectId === entity.id;
  const other = entityById(facts, forward ? relation.objectId : relation.subjectId)!;
  return `${forward ? FORWARD[relation.kind] : INVERSE[relation.kind]} ${theEntity(other)}`;
}

export function relationsOf(facts: SceneFacts, entity: EntityFacts): GraphRelation[] {
  return facts.relations.filter((r) => r.kind !== 'overlapping' && (r.subjectId === entity.id || r.objectId === entity.id));
}

export function relationSentence(facts: SceneFacts, relation: GraphRelation): string {
  const subject = entityById(facts, relation.subjectId)!;
  return `${capitalize(theEntity(subject))} is ${relationPhrase(facts, subject, relation)}.`;
}

/** "The setting: the sky above, grass covering about 40 % of the image…" from the biggest stuff regions. */
export function settingSentence(facts: SceneFacts, seed: number): string {
  const regions = facts.stuff.filter((s) => s.areaFraction >= 0.03).slice(0, 3);
  if (regions.length === 0) return '';
  const parts = regions.map((r, i) => (i === 0 ? `${theEntity(r)} (${percentOfImage(r.areaFraction)} of the image)` : theEntity(r)));
  const lead = pick(['The setting:', 'Around them:', 'As for the surroundings:'], seed, 'setting');
  return `${lead} ${joinList(parts)}.`;
}

