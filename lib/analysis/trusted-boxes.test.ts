import { describe, expect, it } from 'vitest';
import { calibrateDetections, displayScore, loadCalibration, type CalibrationTable } from './calibration';
import { mergeCrossClassDuplicates } from './duplicates';
import { mergeTileRefinds } from './tile-refinds';
import type { Detection } from '../models/detection';

const det = (label: string, score: number, box: [number, number, number, number], fromTile = false): Detection => ({
  label,
  score,
  box,
  source: 'yolox-nano',
  ...(fromTile && { fromTile }),
});

describe('tile re-finds', () => {
  it('keeps one box per object across views, the better one, with the other class as alternative', () => {
    const kept = mergeTileRefinds([det('sheep', 0.15, [0, 0, 100, 100]), det('cat', 0.6, [5, 5, 100, 100], true)]);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ label: 'cat', alternatives: [{ label: 'sheep' }] });
  });
  it('lets a tile add a small object elsewhere', () => {
    expect(
      mergeTileRefinds([det('person', 0.8, [0, 0, 100, 200]), det('bird', 0.4, [300, 10, 10, 10], true)]),
    ).toHaveLength(2);
  });
});

describe('animal confusions', () => {
  it('merges a shifted second animal class into an alternative', () => {
    const kept = mergeCrossClassDuplicates([det('horse', 0.8, [0, 0, 100, 100]), det('cow', 0.5, [20, 0, 100, 100])]);
    expect(kept).toHaveLength(1);
    expect(kept[0].alternatives?.[0].label).toBe('cow');
    expect(
      mergeCrossClassDuplicates([det('horse', 0.8, [0, 0, 100, 100]), det('cow', 0.5, [20, 0, 100, 100])], {
        animals: false,
      }),
    ).toHaveLength(2);
  });
});

describe('calibration', () => {
  it('puts the marginal precision on the default threshold and stays monotone', () => {
    expect(displayScore(0.4, 0.4)).toBeCloseTo(0.3);
    expect(displayScore(1, 0.4)).toBeCloseTo(1);
    const table = loadCalibration();
    const scores = [0.1, 0.3, 0.5, 0.9].map(
      (s) => calibrateDetections([det('person', s, [0, 0, 10, 10])], table)[0]?.score ?? 0,
    );
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });
  it('uses the view curve for a class it has no curve for', () => {
    const table: CalibrationTable = {
      about: '',
      marginalPrecision: 0.5,
      views: { full: { a: 1, b: 0, n: 1 }, tile: { a: 1, b: -1, n: 1 } },
      classes: {},
    };
    const [full] = calibrateDetections([det('kite', 0.5, [0, 0, 1, 1])], table);
    const [tile] = calibrateDetections([det('kite', 0.5, [0, 0, 1, 1], true)], table);
    expect(full.score).toBeCloseTo(0.3);
    expect(tile.score).toBeLessThan(full.score);
  });
});
