/**
 * Shared sentences about the setting (stuff regions) and relations, worded from either side: the graph stores
 * "A on B", "A in front of B", "A holding B", "A inside B"; seen from B they read "under", "behind", "held by",
 * "holding" (a bowl) or "carrying" (a bus: "holding" would make it hold its passengers).
 */
import type { GraphRelation } from '../../scene/graph/types';
import { cocoSupercategory } from '../../lexicon/coco';
import { entityById, type EntityFacts, type SceneFacts } from '../scene-facts';
import { capitalize, distinctEntity, joinList, percentOfImage, pick, theEntity } from './phrasing';

const INVERSE: Record<GraphRelation['kind'], string> = {
  on: 'under',
  'in front of': 'behind',
  overlapping: 'overlapping',
  'next to': 'next to',
  holding: 'held by',
  riding: 'ridden by',
  inside: 'holding',
};

/** Vehicles carry what is inside them (a bus its passengers), where a bowl holds broccoli. */
const CARRIERS = new Set(cocoSupercategory('vehicle'));

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
  const { word, other } = relationFrom(facts, entity, relation);
  return `${word} ${theEntity(other)}`;
}

/** The relation's word as seen from `entity` ("under", "held by") and the thing on its other side. */
export function relationFrom(
  facts: SceneFacts,
  entity: EntityFacts,
  relation: GraphRelation,
): { word: string; other: EntityFacts } {
  const forward = relation.subjectId === entity.id;
  const other = entityById(facts, forward ? relation.objectId : relation.subjectId)!;
  if (forward) return { word: FORWARD[relation.kind], other };
  const carries = relation.kind === 'inside' && CARRIERS.has(entity.label);
  return { word: carries ? 'carrying' : INVERSE[relation.kind], other };
}

export function relationsOf(facts: SceneFacts, entity: EntityFacts): GraphRelation[] {
  return facts.relations.filter(
    (r) => r.kind !== 'overlapping' && (r.subjectId === entity.id || r.objectId === entity.id),
  );
}

/** What says where a thing is, best first: what it is in, on or riding, then what it stands before or beside. */
const PLACING: GraphRelation['kind'][] = ['inside', 'on', 'riding', 'in front of', 'next to', 'holding'];

/** Overhead surfaces: true of the masks, but "in front of the ceiling" places nothing. */
const OVERHEAD = new Set(['ceiling', 'sky']);

/**
 * The relation that best says where `entity` is: one it is the subject of, by PLACING ("on the road" over
 * "carrying the person in blue", which tells where the person is, not the bus), else one seen from the other
 * side ("under the laptop"); never "in front of the ceiling".
 */
export function placingRelation(facts: SceneFacts, entity: EntityFacts): GraphRelation | undefined {
  const overhead = (r: GraphRelation) =>
    r.kind === 'in front of' && OVERHEAD.has(entityById(facts, r.objectId)?.label ?? '');
  const told = relationsOf(facts, entity).filter((r) => !overhead(r));
  const own = told.filter((r) => r.subjectId === entity.id && PLACING.includes(r.kind));
  return own.sort((a, b) => PLACING.indexOf(a.kind) - PLACING.indexOf(b.kind))[0] ?? told[0];
}

/** Relation kinds that put a thing within a region: "in the street" is on the road, "on the wall" before it. */
const WITHIN_REGION = new Set<GraphRelation['kind']>(['on', 'in front of', 'inside']);

/**
 * Whether the relation puts its subject within the region that is its object: on it, inside it, or before it
 * with the thing's foot inside the region's extent ("a bird in the sky"; a bus whose wheels stand below the
 * horizon is before the sky, not in it).
 */
export function withinRegion(facts: SceneFacts, relation: GraphRelation): boolean {
  if (!WITHIN_REGION.has(relation.kind)) return false;
  if (relation.kind !== 'in front of') return true;
  const thing = entityById(facts, relation.subjectId);
  const region = entityById(facts, relation.objectId);
  if (!thing || !region) return false;
  return thing.box[1] + thing.box[3] <= region.box[1] + region.box[3];
}

/** Below this score a thing is not stated in a relation sentence of a description (hedged or left out). */
export const STATE_MIN_SCORE = 0.5;

/** How much a relation tells: what someone does with a thing beats where things merely stand. */
const TELLING: GraphRelation['kind'][] = ['holding', 'riding', 'inside', 'on', 'in front of', 'next to'];

/**
 * Up to `max` sentences about the most telling relations, one per subject, objects of the same kind joined
 * ("The horse is next to the red car and the person in grey.").
 */
export function relationSentences(facts: SceneFacts, max: number): string[] {
  const sentences: string[] = [];
  // Stated as fact only between things the models are sure enough of; a 0.38 "person" may be a bag.
  const sure = (id: string) => (entityById(facts, id)?.score ?? 1) >= STATE_MIN_SCORE;
  const told = new Set<string>();
  const stated = (r: GraphRelation) => sure(r.subjectId) && sure(r.objectId) && !aboveBackdrop(facts, r);
  for (const kind of TELLING) {
    for (const relation of facts.relations.filter((r) => r.kind === kind && stated(r))) {
      if (sentences.length >= max || told.has(relation.subjectId)) continue;
      const subject = entityById(facts, relation.subjectId)!;
      const objects = facts.relations
        .filter((r) => r.kind === kind && r.subjectId === subject.id && stated(r))
        .map((r) => entityById(facts, r.objectId)!);
      told.add(subject.id);
      sentences.push(
        `${capitalize(distinctEntity(subject, facts.entities))} is ${FORWARD[kind]} ${joinList(objects.slice(0, 3).map((o) => distinctEntity(o, facts.entities)))}.`,
      );
    }
  }
  return sentences;
}

/**
 * "In front of" a region centred above the thing (a ceiling, the sky, most walls behind a standing person) is
 * true of the masks but says little and reads oddly in prose ("in front of the ceiling"); relation questions
 * ("what is behind the man?") still use it.
 */
function aboveBackdrop(facts: SceneFacts, relation: GraphRelation): boolean {
  if (relation.kind !== 'in front of') return false;
  const region = entityById(facts, relation.objectId);
  const thing = entityById(facts, relation.subjectId);
  return Boolean(region && thing && region.kind === 'stuff' && region.centre[1] < thing.centre[1]);
}

/** "The setting: the sky above, grass covering about 40 % of the image…" from the biggest stuff regions. */
export function settingSentence(facts: SceneFacts, seed: number): string {
  const regions = facts.stuff.filter((s) => s.areaFraction >= 0.03).slice(0, 3);
  if (regions.length === 0) return '';
  const parts = regions.map((r, i) =>
    i === 0 ? `${theEntity(r)} (${percentOfImage(r.areaFraction)} of the image)` : theEntity(r),
  );
  const lead = pick(['The setting:', 'Around them:', 'As for the surroundings:'], seed, 'setting');
  return `${lead} ${joinList(parts)}.`;
}
