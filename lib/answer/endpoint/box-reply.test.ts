import { describe, expect, it } from 'vitest';
import { extractGroundedBoxes, GroundingStreamFilter, stripGroundingBlock } from './box-reply';

const ANSWER = 'A dog on a sofa.\n\n```json\n[{"bbox_2d": [10, 20, 110, 220], "label": "dog"}]\n```';

describe('extractGroundedBoxes', () => {
  it('parses, converts to [x, y, w, h] and clips to the image', () => {
    expect(extractGroundedBoxes(ANSWER, 100, 200)).toEqual([{ label: 'dog', box: [10, 20, 90, 180] }]);
  });

  it('scales from the sent image to the analysed one and orders swapped corners', () => {
    const text = '```json\n{"bbox_2d": [200, 100, 0, 0], "label": "cat"}\n```';
    expect(extractGroundedBoxes(text, 100, 50, { width: 200, height: 100 })).toEqual([
      { label: 'cat', box: [0, 0, 100, 50] },
    ]);
  });

  it('skips invalid items and degenerate boxes, and survives junk', () => {
    const text =
      '```json\n[{"bbox_2d": [1, 2], "label": "x"}, {"bbox_2d": [5, 5, 6, 6], "label": "tiny"}, {"bbox_2d": [0, 0, 10, 10], "label": ""}, {"bbox_2d": [0, 0, 10, 10], "label": "ok"}]\n```';
    expect(extractGroundedBoxes(text, 100, 100)).toEqual([{ label: 'ok', box: [0, 0, 10, 10] }]);
    expect(extractGroundedBoxes('```json\n[{"bbox_2d": oops\n```', 100, 100)).toEqual([]);
    expect(extractGroundedBoxes('no block here', 100, 100)).toEqual([]);
  });

  it('reads a block cut off before its closing fence', () => {
    expect(extractGroundedBoxes('Hi\n```json\n[{"bbox_2d": [0, 0, 10, 10], "label": "a"}]', 50, 50)).toHaveLength(1);
  });
});

describe('stripGroundingBlock', () => {
  it('removes the grounding block and keeps other code', () => {
    expect(stripGroundingBlock(ANSWER)).toBe('A dog on a sofa.');
    expect(stripGroundingBlock('Run ```ls``` now')).toBe('Run ```ls``` now');
  });
});

describe('GroundingStreamFilter', () => {
  it('passes text before the fence at once and never shows the block', () => {
    const filter = new GroundingStreamFilter();
    const shown: string[] = [];
    for (const delta of ['A dog ', 'on a sofa.\n\n`', '``json\n[{"bbox_2d"', ': [1,2,3,4], "label": "dog"}]\n```'])
      shown.push(filter.push(delta));
    shown.push(filter.finish());
    expect(shown.join('')).toBe('A dog on a sofa.\n\n');
    expect(filter.fullText).toContain('bbox_2d');
  });

  it('releases a held code block that is not a grounding block', () => {
    const filter = new GroundingStreamFilter();
    const shown = [filter.push('Use ```x``` here'), filter.finish()].join('');
    expect(shown).toBe('Use ```x``` here');
  });
});
