import { describe, expect, it } from 'vitest';
import { computeSceneFacts, describePosition, sizeClass } from './scene-facts';
import { BLUE, paintScene, streetScene } from './test-fixtures';

describe('computeSceneFacts', () => {
  const facts = computeSceneFacts(streetScene());
  const byId = (id: string) => facts.entities.find((e) => e.id === id)!;

  it('places each entity in thirds of the frame', () => {
    expect(byId('e1').position).toBe('at the bottom left');
    expect(byId('e2').position).toBe('on the right');
    expect(byId('e3').position).toBe('in the centre');
    expect(byId('e4').position).toBe('at the bottom');
  });

  it('names the colour of each mask', () => {
    expect(facts.entities.map((e) => e.colour)).toEqual(['red', 'blue', 'yellow', 'white']);
    expect(byId('e1').colourFromMask).toBe(true);
  });

  it('ranks sizes and finds the extremes', () => {
    expect(byId('e1').sizeRank).toBe(1);
    expect(byId('e4').size).toBe('small');
    expect(byId('e1').size).toBe('medium');
    expect(facts.biggestId).toBe('e1');
    expect(facts.smallestId).toBe('e4');
    expect(facts.leftMostId).toBe('e1');
    expect(facts.rightMostId).toBe('e2');
  });

  it('counts labels, most frequent first', () => {
    expect(facts.counts).toEqual([
      { label: 'person', count: 2 },
      { label: 'car', count: 1 },
      { label: 'dog', count: 1 },
    ]);
  });

  it('finds the dog next to the car', () => {
    expect(facts.relations).toContainEqual({ subjectId: 'e1', kind: 'next to', objectId: 'e4' });
  });

  it('falls back to the box core for colour and centre without a mask', () => {
    const scene = paintScene(60, 60, [{ id: 'x', label: 'cup', rect: [40, 0, 20, 20], rgb: BLUE, noMask: true }]);
    const cup = computeSceneFacts(scene).entities[0];
    expect(cup.colour).toBe('blue');
    expect(cup.colourFromMask).toBe(false);
    expect(cup.position).toBe('at the top right');
  });

  it('handles an empty scene', () => {
    const empty = computeSceneFacts(paintScene(10, 10, []));
    expect(empty.entities).toEqual([]);
    expect(empty.biggestId).toBeNull();
  });
});

describe('position and size words', () => {
  it('reads naturally', () => {
    expect(describePosition('centre', 'middle')).toBe('in the centre');
    expect(describePosition('left', 'middle')).toBe('on the left');
    expect(describePosition('centre', 'top')).toBe('at the top');
    expect(sizeClass(0.01)).toBe('small');
    expect(sizeClass(0.1)).toBe('medium');
    expect(sizeClass(0.5)).toBe('large');
  });
});
