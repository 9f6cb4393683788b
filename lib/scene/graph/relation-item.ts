/** What relations are computed over, apart from the rules themselves (relations.ts, interactions.ts). */
import type { Box } from '@/lib/shared/analysis';
import type { CroppedMask } from './cropped-mask';

export interface RelationItem {
  id: string;
  box: Box;
  /** The entity's mask, when segmentation ran. */
  mask?: CroppedMask;
  /** Needed for holding / riding / inside, which depend on what the things are (interactions.ts). */
  label?: string;
}

/** Length of the overlap of two intervals, 0 when they do not meet. */
export function overlap1d(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
