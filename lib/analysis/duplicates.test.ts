import { describe, expect, it } from 'vitest';
import { mergeCrossClassDuplicates } from './duplicates';
import type { Detection } from '../models/detection';

const det = (label: string, score: number, box: Detection['box']): Detection => ({
  label,
  score,
  box,
  source: 'yolox-nano',
});

describe('mergeCrossClassDuplicates', () => {
  it('keeps one entity per object and records the weaker class as an alternative', () => {
    const merged = mergeCrossClassDuplicates([
      det('car', 0.58, [96, 281, 1630, 567]),
      det('truck', 0.9, [86, 274, 1627, 578]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      label: 'truck',
      score: 0.9,
      alternatives: [{ label: 'car', score: 0.58, source: 'yolox-nano' }],
    });
  });

  it('keeps distinct objects that merely overlap, and same-class boxes (NMS decides those)', () => {
    const rider = det('person', 0.8, [100, 0, 100, 200]);
    const horse = det('horse', 0.9, [60, 100, 220, 200]);
    const twin = det('person', 0.5, [110, 0, 100, 200]);
    expect(mergeCrossClassDuplicates([rider, horse, twin])).toHaveLength(3);
  });
});
