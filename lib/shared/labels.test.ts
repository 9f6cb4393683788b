import { describe, expect, it } from 'vitest';
import { placeLabels } from './labels';

describe('placeLabels', () => {
  it('puts a label above its box, or inside when the box touches the top edge', () => {
    const placement = placeLabels(
      [
        { id: 'a', box: [50, 40, 100, 100], width: 60, height: 18 },
        { id: 'b', box: [300, 0, 100, 100], width: 60, height: 18 },
      ],
      500,
      400,
    );
    expect(placement.a).toEqual({ x: 50, y: 22 });
    expect(placement.b).toEqual({ x: 300, y: 0 });
  });

  it('moves a second label off one already placed at the same corner', () => {
    const placement = placeLabels(
      [
        { id: 'first', box: [50, 40, 100, 100], width: 60, height: 18 },
        { id: 'second', box: [52, 42, 100, 100], width: 60, height: 18 },
      ],
      500,
      400,
    );
    expect(placement.first).toEqual({ x: 50, y: 22 });
    const second = placement.second;
    const overlap = Math.abs(second.x - 50) < 60 && Math.abs(second.y - 22) < 18;
    expect(overlap).toBe(false);
  });

  it('leaves out a label that has no free spot, so no two labels ever overlap', () => {
    // Ten identical boxes, as tall as two labels: only so many spots exist around one box.
    const requests = Array.from({ length: 10 }, (_, i) => ({
      id: `e${i}`,
      box: [100, 100, 60, 36] as [number, number, number, number],
      width: 60,
      height: 18,
    }));
    const placement = placeLabels(requests, 500, 400);
    const placed = Object.values(placement);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(10);
    expect(placement.e0).toEqual({ x: 100, y: 82 });
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(Math.abs(a.x - b.x) < 60 && Math.abs(a.y - b.y) < 18).toBe(false);
    }
  });

  it('keeps labels on the stage near the right and bottom edges', () => {
    const placement = placeLabels([{ id: 'edge', box: [480, 380, 20, 20], width: 60, height: 18 }], 500, 400);
    expect(placement.edge.x).toBe(440);
    expect(placement.edge.y).toBe(362);
  });
});
