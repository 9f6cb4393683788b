import { describe, expect, it } from 'vitest';
import { coarseToFine, gridPoints } from './grid';
import { stabilityScore } from './generate';
import { matchEntities, wordResult } from '../find/find';
import { classesForWord } from '../find/vocabulary';
import type { Entity } from '../../shared/analysis';

describe('automatic mask grid', () => {
  it('puts cell centres on an n×n grid and visits a spread-out sub-grid first', () => {
    const points = gridPoints(4, 400, 200);
    expect(points).toHaveLength(16);
    expect(points[0]).toMatchObject({ x: 50, y: 25 });
    const order = coarseToFine(points, 4)
      .slice(0, 4)
      .map((p) => [p.column, p.row]);
    expect(order).toEqual([
      [0, 0],
      [2, 0],
      [0, 2],
      [2, 2],
    ]);
  });
  it('scores a crisp mask as stable and a blurry one as not', () => {
    const crisp = new Float32Array(100).map((_, i) => (i < 50 ? 8 : -8));
    const blurry = new Float32Array(100).map((_, i) => (i < 50 ? 0.5 : -0.5));
    expect(stabilityScore(crisp)).toBe(1);
    expect(stabilityScore(blurry)).toBe(0);
  });
});

describe('find by word', () => {
  const entity = (id: string, label: string, source: string, extra: Partial<Entity> = {}): Entity => ({
    id,
    label,
    score: 0.9,
    box: [0, 0, 1, 1],
    color: { name: 'c', strong: '#000', light: '#fff' },
    source,
    kind: 'thing',
    ...extra,
  });
  it('maps a word to every model that has it, synonyms and WordNet included', () => {
    const window = classesForWord('Windows');
    expect(window.classes.map((c) => c.label)).toContain('windowpane');
    expect(classesForWord('puppy').classes).toContainEqual({ model: 'yolox-nano', label: 'dog', via: 'wordnet' });
    expect(classesForWord('zxqvw').classes).toEqual([]);
    expect(classesForWord('object').classes).toEqual([]);
  });
  it('finds entities by label, fine name or alternative and says which model named them', () => {
    const entities = [
      entity('e1', 'dog', 'yolox-nano'),
      entity('e2', 'cat', 'yolox-nano', { fineName: { label: 'tabby', score: 0.5, source: 'imagenet-mobilenetv2' } }),
      entity('e3', 'chair', 'yolox-nano', { alternatives: [{ label: 'lamp', score: 0.4, source: 'ade20k-deeplab' }] }),
    ];
    expect(matchEntities(entities, classesForWord('puppy')).map((f) => f.entityId)).toEqual(['e1']);
    expect(matchEntities(entities, classesForWord('lamp'))).toEqual([
      { entityId: 'e3', label: 'lamp', model: 'ade20k-deeplab' },
    ]);
    const unknown = wordResult(classesForWord('zxqvw'), []);
    expect(unknown.known).toBe(false);
  });
});
