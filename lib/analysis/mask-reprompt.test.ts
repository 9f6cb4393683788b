import { describe, expect, it } from 'vitest';
import type { Mask } from '../shared/analysis';
import { missesBox } from './mask-reprompt';

const mask = (bbox: [number, number, number, number]): Mask => ({
  rle: { size: [1, 1], counts: [1] },
  area: 10,
  bbox,
  predictedIou: 0.9,
  source: 't',
});

describe('missesBox', () => {
  it('flags a mask that leaves the top of its box or much of the box uncovered', () => {
    expect(missesBox(mask([0, 0, 100, 100]), [0, 0, 100, 100])).toBe(false);
    expect(missesBox(mask([0, 12, 100, 88]), [0, 0, 100, 100])).toBe(true); // the head is missing
    expect(missesBox(mask([0, 0, 50, 100]), [0, 0, 100, 100])).toBe(true); // half the box
    expect(missesBox(mask([0, 0, 100, 90]), [0, 0, 100, 100])).toBe(false); // feet hidden: not this rule
  });
});
