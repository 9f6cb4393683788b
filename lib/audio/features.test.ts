import { describe, expect, it } from 'vitest';
import { computeFrameFeatures } from './frames';
import { pitchTrack, yinFrame } from './pitch';
import { detectImpulses } from './impulses';
import { classifyFrames } from './frame-classes';
import { summariseTonality } from './tonality';
import { buildEvents } from './events';
import { countClippedSamples, loudnessLabel, toDb, waveformPeaks, DB_FLOOR } from './levels';
import { frameRuns, median } from './runs';
import { clicks, sine, whiteNoise } from './test-signals';

const SR = 16000;

function analyse(samples: Float32Array, speech: { start: number; end: number }[] = []) {
  const features = computeFrameFeatures(samples, SR);
  const classes = classifyFrames(features, pitchTrack(samples, SR));
  const impulses = detectImpulses(samples, SR);
  return {
    features,
    classes,
    impulses,
    tonality: summariseTonality(features, classes),
    events: buildEvents({ features, classes, impulses, speech, durationSeconds: samples.length / SR }),
  };
}

describe('pitch (YIN)', () => {
  it.each([110, 220, 440, 880, 1500])('finds %i Hz within 3 %%', (hz) => {
    const frame = sine(hz, 0.05, SR);
    const result = yinFrame(frame, SR, 320);
    expect(Math.abs(result.hz - hz) / hz).toBeLessThan(0.03);
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it('finds no pitch in white noise', () => {
    const result = yinFrame(whiteNoise(0.05, SR), SR, 320);
    expect(result.hz).toBe(0);
    expect(result.confidence).toBeLessThan(0.8);
  });

  it('finds the fundamental of a harmonic tone, not an overtone', () => {
    const tone = sine(200, 0.05, SR, 0.3).map((x, i) => x + 0.3 * Math.sin((2 * Math.PI * 400 * i) / SR));
    expect(yinFrame(tone, SR, 320).hz).toBeCloseTo(200, -1);
  });
});

describe('tonality', () => {
  it('calls a 440 Hz tone tonal with its pitch ±3 %', () => {
    const { tonality, events } = analyse(sine(440, 2, SR));
    expect(tonality.label).toBe('tonal');
    expect(Math.abs(tonality.meanPitchHz! - 440) / 440).toBeLessThan(0.03);
    expect(tonality.flatness).toBeLessThan(0.05);
    expect(events.some((e) => e.kind === 'tonal' && e.description.includes('440 Hz'))).toBe(true);
  });

  it('calls white noise noisy, with high flatness and a high centroid', () => {
    const { tonality, events } = analyse(whiteNoise(2, SR));
    expect(tonality.label).toBe('noisy');
    expect(tonality.flatness).toBeGreaterThan(0.4);
    expect(tonality.centroidHz).toBeGreaterThan(3000);
    expect(tonality.meanPitchHz).toBeUndefined();
    expect(events.some((e) => e.kind === 'noisy')).toBe(true);
  });

  it('drops tonal stretches that are mostly inside speech', () => {
    const { events } = analyse(sine(200, 2, SR), [{ start: 0, end: 2 }]);
    expect(events.filter((e) => e.kind === 'tonal')).toHaveLength(0);
    expect(events.filter((e) => e.kind === 'speech')).toHaveLength(1);
  });
});

describe('impulsive events', () => {
  it('finds clicks at the right times (±10 ms) and nothing else', () => {
    const times = [0.5, 1.2, 2.0];
    const { events } = analyse(clicks(times, 3, SR));
    const impulsive = events.filter((e) => e.kind === 'impulsive');
    expect(impulsive).toHaveLength(3);
    impulsive.forEach((event, i) => {
      expect(Math.abs(event.start - times[i])).toBeLessThanOrEqual(0.01);
      expect(event.end - event.start).toBeLessThan(0.05);
    });
  });

  it('finds clicks over quiet noise but not the start of a sustained tone', () => {
    const background = whiteNoise(3, SR, 0.003);
    const withClicks = clicks([1.0, 2.0], 3, SR).map((x, i) => x + background[i]);
    expect(detectImpulses(withClicks, SR).map((i) => Math.round(i.start * 10) / 10)).toEqual([1.0, 2.0]);
    const toneStart = new Float32Array(3 * SR);
    toneStart.set(sine(440, 2, SR), SR);
    expect(detectImpulses(toneStart, SR)).toHaveLength(0);
  });
});

describe('silence and loudness', () => {
  it('calls digital silence silent with one silence event', () => {
    const { classes, events, tonality } = analyse(new Float32Array(2 * SR));
    expect(classes.allSilent).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'silence', start: 0 });
    expect(tonality.pitchedFraction).toBe(0);
  });

  it('finds a silent gap between two tones', () => {
    const signal = new Float32Array(3 * SR);
    signal.set(sine(300, 1, SR), 0);
    signal.set(sine(300, 1, SR), 2 * SR);
    const silences = analyse(signal).events.filter((e) => e.kind === 'silence');
    expect(silences).toHaveLength(1);
    expect(silences[0].start).toBeCloseTo(1, 1);
    expect(silences[0].end).toBeCloseTo(2, 1);
  });

  it('labels levels and marks loud passages', () => {
    expect(loudnessLabel(-40)).toBe('quiet');
    expect(loudnessLabel(-25)).toBe('moderate');
    expect(loudnessLabel(-12)).toBe('loud');
    expect(toDb(0)).toBe(DB_FLOOR);
    expect(toDb(1)).toBe(0);
    const { events } = analyse(sine(300, 1, SR, 0.9));
    expect(events.some((e) => e.kind === 'loud')).toBe(true);
  });

  it('counts only runs of ≥ 3 full-scale samples as clipping', () => {
    expect(countClippedSamples([0, 1, 0, -1, 0])).toBe(0);
    expect(countClippedSamples([0, 1, 1, 1, 1, 0, -1, -1])).toBe(4);
  });

  it('reduces a waveform to peaks', () => {
    const { peaks, secondsPerPeak } = waveformPeaks(clicks([0.5], 1, SR), SR, 100);
    expect(peaks).toHaveLength(100);
    expect(secondsPerPeak).toBeCloseTo(0.01, 5);
    expect(peaks[50]).toBeGreaterThan(0.5);
    expect(peaks[10]).toBe(0);
  });
});

describe('runs helpers', () => {
  it('bridges short gaps and drops short runs', () => {
    const mask = [true, true, false, true, false, false, false, true];
    expect(frameRuns(mask, 2, 1)).toEqual([{ first: 0, end: 4 }]);
    expect(frameRuns(mask, 1, 0)).toHaveLength(3);
    expect(median([3, 1, 2])).toBe(2);
  });
});
