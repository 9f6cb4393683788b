import { describe, expect, it } from 'vitest';
import { boxIou, insideShare } from './box';

describe('box geometry', () => {
  it('computes IoU', () => {
    expect(boxIou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(boxIou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150);
    expect(boxIou([0, 0, 10, 10], [20, 20, 5, 5])).toBe(0);
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });

  it("gives the share of the inner box's area inside the outer one", () => {
    expect(insideShare([0, 0, 10, 10], [5, 0, 100, 100])).toBeCloseTo(0.5);
    expect(insideShare([0, 0, 10, 10], [0, 0, 100, 100])).toBe(1);
    expect(insideShare([0, 0, 100, 100], [0, 0, 10, 10])).toBeCloseTo(0.01);
    expect(insideShare([0, 0, 0, 10], [0, 0, 10, 10])).toBe(0);
  });
});
