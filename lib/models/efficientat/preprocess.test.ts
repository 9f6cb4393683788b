import { describe, expect, it } from 'vitest';
import { MIN_INPUT_SAMPLES, stackWindows, TAGGER_SAMPLE_RATE, windowSpans } from './preprocess';

describe('efficientat preprocess', () => {
  it('covers the clip with overlapping windows, the last one aligned to the end', () => {
    expect(windowSpans(2.2, 1, 0.5)).toEqual([
      { start: 0, end: 1 },
      { start: 0.5, end: 1.5 },
      { start: 1, end: 2 },
      { start: 1.2, end: 2.2 },
    ]);
    expect(windowSpans(2, 1, 0.5).at(-1)).toEqual({ start: 1, end: 2 });
    expect(windowSpans(0.836, 1, 0.5)).toEqual([{ start: 0, end: 0.836 }]);
  });

  it('stacks windows row after row and pads a very short clip to the graph minimum', () => {
    const clip = Float32Array.from({ length: 2 * TAGGER_SAMPLE_RATE }, (_, i) => i);
    const { data, length } = stackWindows(clip, [
      { start: 0, end: 1 },
      { start: 0.5, end: 1.5 },
    ]);
    expect(length).toBe(TAGGER_SAMPLE_RATE);
    expect(data[length]).toBe(TAGGER_SAMPLE_RATE / 2);
    const tiny = stackWindows(new Float32Array(100).fill(1), [{ start: 0, end: 100 / TAGGER_SAMPLE_RATE }]);
    expect(tiny.length).toBe(MIN_INPUT_SAMPLES);
    expect(tiny.data[99]).toBe(1);
    expect(tiny.data[100]).toBe(0);
  });
});
