/**
 * The scene graph as one question sees it: the nodes above the user's score threshold (the ones shown), the
 * ones below it kept apart as "less sure" (only ever counted, never described or linked), stuff regions on
 * their own, and the relations between shown nodes. Pure and cheap: no pixels are read at question time.
 */
import type { GraphNode, GraphRelation, GraphSound } from '../scene/graph/types';
import type { AnswerSceneInput, TextInput } from './types';

export type EntityFacts = GraphNode;
export { describePosition, horizontalZone, verticalZone } from '../scene/graph/place';

export interface LabelCount {
  label: string;
  count: number;
}

export interface SceneFacts {
  width: number;
  height: number;
  /** Things and user entities above the threshold, highest score first (null scores first: nothing hides them). */
  entities: EntityFacts[];
  /** Things below the threshold: counted as "less sure", never named one by one. */
  uncertain: EntityFacts[];
  /** Stuff regions (wall, sky, road…), biggest first. */
  stuff: EntityFacts[];
  /** Most frequent label first, ties in order of first appearance. */
  counts: LabelCount[];
  relations: GraphRelation[];
  sound?: GraphSound;
  texts?: TextInput[];
  /** Whole-image tags (labels and scores), when the caller has them. */
  tags?: { label: string; score: number; source: string }[];
}

function shown(node: GraphNode, threshold: number): boolean {
  return node.score === null || node.score >= threshold - 1e-9;
}

export function computeSceneFacts(input: AnswerSceneInput): SceneFacts {
  const { graph, threshold } = input;
  const byScore = [...graph.nodes].sort((a, b) => (b.score ?? 2) - (a.score ?? 2));
  const countable = byScore.filter((n) => n.kind !== 'stuff');
  const entities = countable.filter((n) => shown(n, threshold));
  const stuff = byScore
    .filter((n) => n.kind === 'stuff' && shown(n, threshold))
    .sort((a, b) => b.areaFraction - a.areaFraction);
  const visible = new Set([...entities, ...stuff].map((n) => n.id));
  return {
    width: graph.width,
    height: graph.height,
    entities,
    uncertain: countable.filter((n) => !shown(n, threshold)),
    stuff,
    counts: countLabels(entities),
    relations: graph.relations.filter((r) => visible.has(r.subjectId) && visible.has(r.objectId)),
    sound: graph.sound,
    texts: input.texts,
    tags: input.tags,
  };
}

export function countLabels(entities: { label: string }[]): LabelCount[] {
  const counts = new Map<string, number>();
  for (const { label } of entities) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

export function entityById(facts: SceneFacts, id: string | null): EntityFacts | undefined {
  return id ? [...facts.entities, ...facts.stuff].find((entity) => entity.id === id) : undefined;
}
