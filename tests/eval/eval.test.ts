/**
 * The evaluation (npm run eval) as a regression floor: recall, precision, small-object recall and stuff
 * naming on the annotated samples must not fall below what this version reaches (figures in the README).
 */
import { describe, expect, it } from 'vitest';
import { DEEPLAB_ADE151 } from '@/lib/models/ade-segmenter';
import { evaluate, totals } from '../../bench/eval/run-eval';

describe('evaluation on the annotated samples', () => {
  it('finds objects, small ones through tiles, and names the main stuff of each scene', async () => {
    const after = totals(await evaluate({ tiles: true, segmenter: DEEPLAB_ADE151 }));
    const fullViewOnly = totals(await evaluate({ tiles: false }));
    expect(after.recall).toBeGreaterThanOrEqual(0.6); // 50/82 here (calibrated: precision first)
    expect(after.precision).toBeGreaterThanOrEqual(0.8); // 50/60
    expect(after.smallRecall).toBeGreaterThanOrEqual(0.53); // 7/13
    expect(after.smallRecall).toBeGreaterThan(fullViewOnly.smallRecall);
    expect(after.stuffRecall).toBeGreaterThanOrEqual(0.95); // 23/23
  }, 240_000);
});
