/**
 * The relate step: of the candidates, those standing in the asked relation to any anchor — the graph's stored
 * relations first, then what the geometry says where the graph keeps one relation per pair (sides, lying on a
 * surface, what a container holds, depth on the ground plane).
 */
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { insideShare } from '@/lib/shared/box';
import { groundPlane } from './ground-plane';
import { isSideWord, sideOf } from './side-of';
import { lyingOn } from './surfaces';

/** The candidates standing in the asked relation to any anchor, read off the graph's stored relations. */
export function relateFilter(
  candidates: EntityFacts[],
  anchor: EntityFacts[],
  word: string,
  facts: SceneFacts,
): EntityFacts[] {
  if (isSideWord(word)) return sideOf(candidates, anchor, word);
  const anchorIds = new Set(anchor.map((a) => a.id));
  const holds = (c: EntityFacts) =>
    facts.relations.some((r) => {
      const forward = r.subjectId === c.id && anchorIds.has(r.objectId);
      const backward = r.objectId === c.id && anchorIds.has(r.subjectId);
      if (word === 'behind') return r.kind === 'in front of' && backward;
      if (word === 'in front of') return r.kind === 'in front of' && forward;
      if (word === 'on' || word === 'on top of') return (r.kind === 'on' || r.kind === 'riding') && forward;
      if (word === 'riding') return (r.kind === 'riding' || r.kind === 'on') && forward;
      if (word === 'under' || word === 'below') return r.kind === 'on' && backward;
      // "Is the spoon in the bowl?": seen from above, what lies in a bowl rests on it in the graph.
      if (word === 'in' || word === 'inside' || word === 'into')
        return (r.kind === 'inside' || r.kind === 'on') && forward;
      if (word === 'overlapping') return r.kind === 'overlapping' && (forward || backward);
      if (word === 'holding' || word === 'containing' || word === 'with')
        return (r.kind === 'holding' && forward) || (r.kind === 'inside' && backward) || (r.kind === 'on' && backward);
      return (r.kind === 'next to' || r.kind === 'overlapping') && (forward || backward);
    });
  const stored = candidates.filter(holds);
  if (word === 'on' || word === 'on top of') return [...new Set([...stored, ...lyingOn(candidates, anchor)])];
  if (!stored.length && (word === 'holding' || word === 'containing' || word === 'with')) {
    // A container holds what lies inside its outline: the anchor's box mostly within the candidate's.
    return candidates.filter((c) => anchor.some((a) => insideShare(a.box, c.box) >= 0.8));
  }
  if (stored.length || (word !== 'behind' && word !== 'in front of')) return stored;
  // The graph keeps one relation per pair ("next to" may hide "behind"): the ground plane tells depth, and the
  // one nearest in depth is the one meant.
  return groundPlane(candidates, anchor, word).slice(0, 1);
}
