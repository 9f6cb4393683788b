import { describe, expect, it } from 'vitest';
import { averagePrecision, matchImage, summarize } from '../../bench/eval/metrics';

describe('detection metrics', () => {
  it('scores hits, false boxes, ignored boxes and AP50 from one matching', () => {
    const truth = {
      objects: [
        { labels: ['dog'], box: [0, 0, 100, 100] as [number, number, number, number] },
        { labels: ['cat'], box: [200, 0, 10, 10] as [number, number, number, number] },
      ],
      ignore: [{ box: [500, 500, 50, 50] as [number, number, number, number], why: 'x' }],
      stuff: [],
    };
    const m = matchImage(
      truth,
      [
        { label: 'dog', score: 0.9, box: [0, 0, 100, 100] },
        { label: 'dog', score: 0.5, box: [300, 300, 50, 50] },
        { label: 'cat', score: 0.2, box: [200, 0, 10, 10] },
        { label: 'cat', score: 0.6, box: [510, 510, 20, 20] },
      ],
      640,
      480,
    );
    const s = summarize([m], 0.3);
    expect([s.found, s.falseBoxes, s.precision, s.recall, s.small, s.smallFound]).toEqual([1, 1, 0.5, 0.5, 1, 0]);
    expect(summarize([m], 0.1).recall).toBe(1);
    expect(
      averagePrecision(
        m.ranked.filter((r) => !r.ignored),
        2,
      ),
    ).toBeCloseTo((51 * 1 + 50 * (2 / 3)) / 101, 5);
  });
});
