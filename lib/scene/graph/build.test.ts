import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../test-fixtures';
import { buildSceneGraph, graphOf } from './build';
import { isHolding, isInside, isRiding, isSeated } from './interactions';

describe('scene graph', () => {
  const scene = paintScene(200, 100, [
    { id: 'wall', label: 'wall', rect: [0, 0, 200, 60], rgb: [200, 200, 190], kind: 'stuff' },
    { id: 'road', label: 'road', rect: [0, 60, 200, 40], rgb: [90, 90, 90], kind: 'stuff' },
    { id: 'car', label: 'car', rect: [10, 40, 60, 40], rgb: RED },
    { id: 'twin', label: 'truck', rect: [10, 41, 60, 39], rgb: RED, score: 0.5 },
    { id: 'p', label: 'person', rect: [120, 20, 20, 60], rgb: BLUE },
    { id: 'cup', label: 'cup', rect: [125, 40, 8, 8], rgb: WHITE },
    { id: 'dog', label: 'dog', rect: [160, 70, 30, 28], rgb: BROWN },
  ]);
  const graph = scene.graph;
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const relation = (s: string, o: string) => graph.relations.find((r) => r.subjectId === s && r.objectId === o)?.kind;

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('folds a second claim on the same box into alternatives, so the object counts once', () => {
    expect(graph.nodes.map((n) => n.id)).not.toContain('twin');
    expect(node('car').alternatives).toEqual([{ label: 'truck', score: 0.5, source: 'test' }]);
    expect(graph.entityIds).toContain('twin');
  });

  it('names colours, places, depth and size ranks', () => {
    expect([node('car').colour, node('p').colour, node('dog').colour]).toEqual(['red', 'blue', 'brown']);
    expect(node('car').position).toBe('on the left');
    expect(node('dog').depth).toBe('front');
    expect(node('car').sizeRank).toBe(1);
    expect(node('wall').sizeRank).toBe(1); // stuff is ranked apart
  });

  it('finds holding, and how things sit in the stuff regions', () => {
    expect(relation('p', 'cup')).toBe('holding');
    expect(relation('car', 'road')).toBe('on');
    expect(relation('p', 'wall')).toBe('in front of');
  });

  it('a thing in hand rests on no ground region below it', () => {
    const held = paintScene(200, 100, [
      { id: 'floor', label: 'floor', rect: [0, 50, 200, 50], rgb: [90, 90, 90], kind: 'stuff' },
      { id: 'p', label: 'person', rect: [80, 5, 30, 90], rgb: BLUE },
      { id: 'bag', label: 'handbag', rect: [84, 45, 12, 10], rgb: RED },
    ]).graph;
    expect(held.relations).toContainEqual({ subjectId: 'p', kind: 'holding', objectId: 'bag' });
    expect(held.relations).not.toContainEqual({ subjectId: 'bag', kind: 'on', objectId: 'floor' });
  });

  it('a thing stands on one ground: the region under more of its bottom edge', () => {
    // A street's road with a patch the segmenter called floor under the horse's hind legs.
    const street = paintScene(200, 100, [
      { id: 'road', label: 'road', rect: [0, 70, 120, 30], rgb: [90, 90, 90], kind: 'stuff' },
      { id: 'floor', label: 'floor', rect: [120, 70, 80, 30], rgb: [120, 110, 100], kind: 'stuff' },
      { id: 'horse', label: 'horse', rect: [40, 30, 120, 50], rgb: BROWN },
    ]).graph;
    const grounds = street.relations.filter((r) => r.subjectId === 'horse' && r.kind === 'on');
    expect(grounds).toEqual([{ subjectId: 'horse', kind: 'on', objectId: 'road' }]);
  });

  it('is rebuilt lazily for results without one, and keeps its colours when only a smaller image is left', () => {
    const entities = graph.nodes.map((n) => ({ ...n, color: { name: 'x', strong: '#000', light: '#fff' } }));
    const lazy = graphOf({ entities, size: { width: 200, height: 100 } });
    expect(lazy.nodes.map((n) => n.horizontal)).toEqual(graph.nodes.map((n) => n.horizontal));
    const added = [
      ...entities,
      { ...entities[0], id: 'g9', box: [150, 10, 20, 20] as [number, number, number, number] },
    ];
    const small = { width: 100, height: 50, rgb: new Uint8Array(100 * 50 * 3) };
    const rebuilt = graphOf({ graph, entities: added, image: small });
    expect(rebuilt.width).toBe(200);
    expect(rebuilt.nodes.find((n) => n.id === 'car')?.colour).toBe('red');
    expect(rebuilt.nodes.find((n) => n.id === 'g9')?.colour).toBeNull();
    expect(graphOf({ graph, entities: [] })).toBe(graph);
  });

  it('builds an empty graph for a sound-only result', () => {
    expect(buildSceneGraph({ entities: [] })).toMatchObject({ width: 1, height: 1, nodes: [], relations: [] });
  });
});

describe('interactions', () => {
  it('rides a horse, holds a bowl, sits inside a bus but does not stand inside it', () => {
    expect(isRiding([40, 0, 20, 60], [20, 30, 70, 50])).toBe(true);
    expect(isRiding([0, 0, 20, 60], [40, 30, 70, 50])).toBe(false);
    expect(isHolding([100, 0, 40, 120], [120, 40, 30, 20])).toBe(true);
    expect(isHolding([100, 0, 40, 120], [150, 40, 30, 20])).toBe(false);
    expect(isInside([30, 20, 20, 20], [0, 0, 100, 80])).toBe(true);
    expect(isInside([30, 40, 20, 40], [0, 0, 100, 80])).toBe(false); // feet level with the wheels: in front
  });

  it('a standing figure holds nothing at its feet; a seated, wider one may hold things low in its box', () => {
    const standing: [number, number, number, number] = [0, 0, 40, 200];
    expect(isHolding(standing, [10, 95, 12, 10])).toBe(true); // at hand height
    expect(isHolding(standing, [10, 180, 12, 14])).toBe(false); // a cup on the floor by the feet
    expect(isHolding([0, 0, 100, 120], [10, 100, 12, 14])).toBe(true); // seated, on the lap
    expect(isHolding(standing, [30, 60, 40, 30], 'tennis racket')).toBe(true); // by the handle, head out
    expect(isHolding(standing, [30, 60, 40, 30], 'cup')).toBe(false);
  });

  it('sits on a sofa with feet at its foot; standing behind it is cut off at its top; in front is outside it', () => {
    const sofa: [number, number, number, number] = [0, 100, 200, 100];
    expect(isSeated([40, 80, 60, 115], sofa)).toBe(true);
    expect(isSeated([40, 80, 60, 140], sofa)).toBe(true); // legs reaching forward, below its box
    expect(isSeated([40, 0, 60, 110], sofa)).toBe(false); // behind it, hidden below its top edge
    expect(isSeated([40, 20, 60, 220], sofa)).toBe(false); // standing in front of it, mostly outside it
  });
});
