/**
 * Things with a top that holds what lies on it. Seen from above, teddy bears in the middle of a bed or peppers
 * on a pizza have their bottom edge nowhere near the bed's or pizza's top edge, where the scene graph's "on"
 * looks; so a thing whose box lies mostly (≥ 80 %) within such a thing's box is taken to be on it.
 */
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { insideShare } from '@/lib/shared/box';

const SURFACES = new Set([
  'bed',
  'couch',
  'dining table',
  'coffee table',
  'table',
  'desk',
  'bench',
  'chair',
  'counter',
  'countertop',
  'kitchen island',
  'shelf',
  'tray',
  'pizza',
  'cake',
]);
/** "Mostly within": the share of the thing's box inside the surface's. */
const WITHIN = 0.8;

export const isSurface = (e: EntityFacts) => SURFACES.has(e.label);

/** The candidates lying within the outline of one of the surfaces. */
export function lyingOn(candidates: EntityFacts[], surfaces: EntityFacts[]): EntityFacts[] {
  const tops = surfaces.filter(isSurface);
  return candidates.filter(
    (c) =>
      c.kind !== 'stuff' &&
      tops.some((s) => s !== c && (c.label !== 'person' || BEDS.has(s.label)) && insideShare(c.box, s.box) >= WITHIN),
  );
}

/** People lie on these; a person whose box falls within a table's is sitting behind it, seen from above. */
const BEDS = new Set(['bed', 'couch']);

/** Of several ground regions, the one most things stand on (the graph's "on"); the biggest where none or tied. */
export function groundUnderfoot(grounds: EntityFacts[], facts: SceneFacts): EntityFacts {
  const standing = (g: EntityFacts) => facts.relations.filter((r) => r.kind === 'on' && r.objectId === g.id).length;
  return grounds.reduce((best, g) => {
    const d = standing(g) - standing(best);
    return d > 0 || (d === 0 && g.areaFraction > best.areaFraction) ? g : best;
  });
}
