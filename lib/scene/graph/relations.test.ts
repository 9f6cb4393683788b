import { describe, expect, it } from 'vitest';
import { computeRelations, isNextTo, isOn } from './relations';

describe('box relations', () => {
  it('puts a cup on a table and not the table on the cup', () => {
    const cup = [40, 20, 10, 12] as [number, number, number, number];
    const table = [10, 30, 100, 40] as [number, number, number, number];
    expect(isOn(cup, table)).toBe(true);
    expect(isOn(table, cup)).toBe(false);
  });

  it('puts a rider on a horse even though the boxes overlap a lot', () => {
    const rider = [30, 0, 30, 60] as [number, number, number, number];
    const horse = [20, 30, 60, 50] as [number, number, number, number];
    expect(
      computeRelations([
        { id: 'r', box: rider },
        { id: 'h', box: horse },
      ]),
    ).toEqual([{ subjectId: 'r', kind: 'on', objectId: 'h' }]);
  });

  it("puts only an animal on an animal's back: a bird on a cow, never a bicycle on a dog", () => {
    const dog = [20, 40, 60, 40] as [number, number, number, number];
    const top = [30, 10, 30, 35] as [number, number, number, number];
    const on = (label: string) =>
      computeRelations([
        { id: 'a', box: top, label },
        { id: 'd', box: dog, label: 'dog' },
      ]).filter((r) => r.kind === 'on');
    expect(on('bird')).toEqual([{ subjectId: 'a', kind: 'on', objectId: 'd' }]);
    expect(on('bicycle')).toEqual([]);
    const onCar = computeRelations([
      { id: 'p', box: top, label: 'person' },
      { id: 'c', box: dog, label: 'car' },
    ]).filter((r) => r.kind === 'on');
    expect(onCar).toEqual([]);
  });

  it('never puts anything on a person: a diner further back is not on the one in front', () => {
    const back = [40, 0, 30, 30] as [number, number, number, number];
    const front = [20, 5, 100, 90] as [number, number, number, number];
    expect(isOn(back, front)).toBe(true);
    const relations = computeRelations([
      { id: 'b', box: back, label: 'person' },
      { id: 'f', box: front, label: 'person' },
    ]);
    expect(relations.some((r) => r.kind === 'on')).toBe(false);
  });

  it('finds side-by-side boxes next to each other, but not far-apart ones', () => {
    expect(isNextTo([0, 10, 20, 40], [25, 15, 20, 35])).toBe(true);
    expect(isNextTo([0, 10, 20, 40], [80, 15, 20, 35])).toBe(false);
    expect(isNextTo([0, 10, 20, 40], [25, 70, 20, 35])).toBe(false);
  });

  it('uses masks to tell which overlapping object is in front', () => {
    const width = 20;
    const full = (x0: number, y0: number, x1: number, y1: number, except?: (x: number, y: number) => boolean) => {
      const data = new Uint8Array(width * 20);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (!except?.(x, y)) data[y * width + x] = 1;
      return { x0: 0, y0: 0, width, height: 20, data };
    };
    // A is whole; B is cut where A covers it, so A is in front.
    const a = { id: 'a', box: [2, 2, 12, 12] as [number, number, number, number], mask: full(2, 2, 14, 14) };
    const b = {
      id: 'b',
      box: [5, 5, 12, 12] as [number, number, number, number],
      mask: full(5, 5, 17, 17, (x, y) => x < 14 && y < 14),
    };
    expect(computeRelations([b, a])).toEqual([{ subjectId: 'a', kind: 'in front of', objectId: 'b' }]);
    expect(
      computeRelations([
        { id: 'a', box: a.box },
        { id: 'b', box: b.box },
      ]),
    ).toEqual([{ subjectId: 'a', kind: 'overlapping', objectId: 'b' }]);
  });
});

describe('one holder', () => {
  it("a glove two people's boxes take in is held by the one whose box holds most of it", () => {
    const glove = [50, 50, 10, 10] as [number, number, number, number];
    const relations = computeRelations([
      { id: 'a', box: [0, 0, 58, 100], label: 'person' },
      { id: 'b', box: [45, 0, 60, 100], label: 'person' },
      { id: 'g', box: glove, label: 'baseball glove' },
    ]);
    expect(relations.filter((r) => r.kind === 'holding')).toEqual([{ subjectId: 'b', kind: 'holding', objectId: 'g' }]);
  });
});

describe('two hands', () => {
  const cook = { id: 'p', box: [0, 0, 100, 200] as [number, number, number, number], label: 'person' };
  const bowl = (id: string, x: number) => ({
    id,
    box: [x, 120, 20, 15] as [number, number, number, number],
    label: 'bowl',
  });

  it('a person holds up to two hand-sized things in their box', () => {
    const held = computeRelations([cook, bowl('b1', 5), bowl('b2', 60)]).filter((r) => r.kind === 'holding');
    expect(held.map((r) => r.objectId)).toEqual(['b1', 'b2']);
  });

  it('three or more are on a counter in front, not in hand', () => {
    const relations = computeRelations([cook, bowl('b1', 5), bowl('b2', 35), bowl('b3', 70)]);
    expect(relations.filter((r) => r.kind === 'holding')).toEqual([]);
  });
});

describe('what can rest on what', () => {
  it('a person is not on a table or a backpack, a chair or a glass not on a pizza; a fork is on the pizza', () => {
    const on = (a: string, b: string) =>
      computeRelations([
        { id: 'a', box: [40, 0, 20, 52], label: a },
        { id: 'b', box: [0, 50, 100, 50], label: b },
      ]).some((r) => r.kind === 'on' && r.subjectId === 'a');
    expect(on('person', 'dining table')).toBe(false);
    expect(on('person', 'backpack')).toBe(false);
    expect(on('chair', 'pizza')).toBe(false);
    expect(on('wine glass', 'pizza')).toBe(false);
    expect(on('fork', 'pizza')).toBe(true);
    expect(on('cup', 'dining table')).toBe(true);
  });
});
