/**
 * Grounding stage: boxes for the tags. Here the boxes are the detector's own, kept when their label is one
 * of the tags. Tagging and grounding stay separate stages (as RAM → Grounding DINO in the reference) so an
 * open-vocabulary grounder, e.g. a remote model that returns phrases with boxes, can replace this one.
 */
import type { Entity, Tag } from '../shared/analysis';
import { colorForIndex } from '../shared/palette';
import type { Detection } from '../models/detection';

/** Entities e1..eN, best score first, each with its own palette colour; at most maxEntities of them. */
export function groundTags(tags: Tag[], detections: Detection[], maxEntities: number): Entity[] {
  const tagged = new Set(tags.map((t) => t.label));
  return detections
    .filter((d) => tagged.has(d.label))
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, maxEntities))
    .map((d, i) => ({
      id: `e${i + 1}`,
      label: d.label,
      score: d.score,
      box: d.box,
      color: colorForIndex(i),
      source: d.source,
      kind: 'thing' as const,
      ...(d.alternatives && { alternatives: d.alternatives }),
    }));
}
