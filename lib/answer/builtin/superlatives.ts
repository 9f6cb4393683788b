/** What each superlative measures, from the boxes and masks only (the answers say which measure they used). */
import type { EntityFacts } from '../scene-facts';
import type { Superlative } from './question-types';

const bottom = (e: EntityFacts) => e.box[1] + e.box[3];

export const SUPERLATIVE_KEY: Record<Superlative, (e: EntityFacts) => number> = {
  biggest: (e) => e.areaFraction,
  smallest: (e) => -e.areaFraction,
  'left-most': (e) => -e.centre[0],
  'right-most': (e) => e.centre[0],
  // The lower a thing stands in the frame, the nearer the camera (on a ground plane).
  nearest: bottom,
  farthest: (e) => -bottom(e),
  // Box height in pixels: what looks tallest in the frame (perspective can fool it, the answer says so).
  tallest: (e) => e.box[3],
  highest: (e) => -e.box[1],
};

/** The entity of `pool` that is most so (the first of equals). */
export function superlativeOf(pool: EntityFacts[], kind: Superlative): EntityFacts {
  const key = SUPERLATIVE_KEY[kind];
  return pool.reduce((best, e) => (key(e) > key(best) ? e : best));
}
