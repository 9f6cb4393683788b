import { describe, expect, it } from 'vitest';
import { downsampleProbabilities, speechSegments } from './postprocess';
import { vadWindows, VAD_CONTEXT, VAD_WINDOW } from './preprocess';

/** Probabilities for `seconds` of audio, 1.0 inside the given spans (s), 0 elsewhere. */
function probabilities(seconds: number, spans: [number, number][], level = 1): number[] {
  const windows = Math.ceil((seconds * 16000) / VAD_WINDOW);
  return Array.from({ length: windows }, (_, i) => {
    const t = (i * VAD_WINDOW) / 16000;
    return spans.some(([a, b]) => t >= a && t < b) ? level : 0;
  });
}

describe('vadWindows', () => {
  it('cuts 512-sample windows with 64 samples of context, zero-padding the ends', () => {
    const samples = Float32Array.from({ length: 1100 }, (_, i) => i + 1);
    const windows = vadWindows(samples);
    expect(windows).toHaveLength(3);
    expect(windows.every((w) => w.length === VAD_CONTEXT + VAD_WINDOW)).toBe(true);
    expect(windows[0][VAD_CONTEXT - 1]).toBe(0); // no context before the start
    expect(windows[0][VAD_CONTEXT]).toBe(1);
    expect(windows[1][0]).toBe(512 - 64 + 1); // context = last 64 samples of window 0
    expect(windows[1][VAD_CONTEXT]).toBe(513);
    expect(windows[2][VAD_CONTEXT + 1100 - 1024]).toBe(0); // padding after the last sample
  });
});

describe('speechSegments', () => {
  it('finds one segment per stretch of speech, padded by 30 ms', () => {
    const segments = speechSegments(probabilities(4, [[1, 2]]), 4 * 16000);
    expect(segments).toHaveLength(1);
    expect(segments[0].start).toBeCloseTo(1 - 0.03, 1);
    expect(segments[0].end).toBeCloseTo(2 + 0.03, 1);
  });

  it('drops bursts shorter than 250 ms', () => {
    expect(speechSegments(probabilities(3, [[1, 1.15]]), 3 * 16000)).toHaveLength(0);
  });

  it('bridges pauses shorter than 100 ms but splits at longer ones', () => {
    expect(
      speechSegments(
        probabilities(4, [
          [0.5, 1.5],
          [1.56, 2.5],
        ]),
        64000,
      ),
    ).toHaveLength(1);
    expect(
      speechSegments(
        probabilities(4, [
          [0.5, 1.5],
          [1.8, 2.5],
        ]),
        64000,
      ),
    ).toHaveLength(2);
  });

  it('applies hysteresis: 0.4 keeps speech going but does not start it', () => {
    const p = probabilities(4, [[1, 2]]);
    const windowAt = (t: number) => Math.floor((t * 16000) / VAD_WINDOW);
    for (let i = windowAt(2); i < windowAt(3); i++) p[i] = 0.4;
    const segments = speechSegments(p, 64000);
    expect(segments).toHaveLength(1);
    expect(segments[0].end).toBeGreaterThan(2.9);
    expect(speechSegments(probabilities(4, [[1, 2]], 0.4), 64000)).toHaveLength(0);
  });

  it('closes speech that runs to the end of the clip at the clip end', () => {
    const segments = speechSegments(probabilities(2, [[1, 2]]), 32000);
    expect(segments[0].end).toBe(2);
  });
});

describe('downsampleProbabilities', () => {
  it('max-pools so a short burst survives', () => {
    const p = new Array(1000).fill(0);
    p[333] = 0.9;
    const { values, secondsPerValue } = downsampleProbabilities(p, 100);
    expect(values).toHaveLength(100);
    expect(Math.max(...values)).toBe(0.9);
    expect(secondsPerValue).toBeCloseTo(0.32, 5);
  });
});
