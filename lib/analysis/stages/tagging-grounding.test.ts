import { describe, expect, it } from 'vitest';
import { EntitySchema, TagSchema } from '../../shared/analysis';
import { PALETTE } from '../../shared/palette';
import { groundTags } from './grounding';
import { tagsFromDetections } from './tagging';
import type { Detection } from '../../models/detection';

const det = (label: string, score: number, x = 0): Detection => ({
  label,
  score,
  box: [x, 0, 10, 10],
  source: 'yolox-nano',
});

describe('tagsFromDetections', () => {
  it('gives one tag per class with its best score, best first', () => {
    const tags = tagsFromDetections([det('dog', 0.4), det('person', 0.7), det('dog', 0.9), det('cup', 0.2)]);
    expect(tags.map((t) => [t.label, t.score])).toEqual([
      ['dog', 0.9],
      ['person', 0.7],
      ['cup', 0.2],
    ]);
    tags.forEach((t) => expect(TagSchema.parse(t).source).toBe('yolox-nano (COCO classes)'));
  });

  it('returns no tags for no detections', () => {
    expect(tagsFromDetections([])).toEqual([]);
  });
});

describe('groundTags', () => {
  const detections = [det('dog', 0.5, 1), det('person', 0.9, 2), det('cup', 0.3, 3), det('dog', 0.8, 4)];

  it('keeps tagged labels only, orders by score and numbers e1..eN', () => {
    const tags = tagsFromDetections(detections).filter((t) => t.label !== 'cup');
    const entities = groundTags(tags, detections, 10);
    expect(entities.map((e) => [e.id, e.label, e.score])).toEqual([
      ['e1', 'person', 0.9],
      ['e2', 'dog', 0.8],
      ['e3', 'dog', 0.5],
    ]);
    expect(entities[1].color).toEqual(PALETTE[1]);
    entities.forEach((e) => EntitySchema.parse(e));
  });

  it('caps the number of entities', () => {
    const entities = groundTags(tagsFromDetections(detections), detections, 2);
    expect(entities.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
