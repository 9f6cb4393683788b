/**
 * The event list: speech (silero-vad), impulsive sounds (energy onsets), loud passages, silences, and tonal
 * or noisy stretches outside speech (YIN pitch + spectral shape). Minimum lengths keep the list readable:
 *  - LOUD_DB −10 dBFS RMS over ≥ 200 ms: near full scale for a sustained stretch (loud syllables do not count);
 *  - silence ≥ 300 ms: shorter gaps are the normal pauses inside words and notes;
 *  - tonal ≥ 200 ms (gaps ≤ 60 ms bridged): about the shortest sustained note or horn blast;
 *  - noisy ≥ 500 ms (gaps ≤ 100 ms bridged): a background, not a transient;
 *  - tonal/noisy stretches more than half inside speech are dropped (voiced speech is pitched, consonants
 *    are noisy: the speech event already says it all), and so are impulses that start inside speech;
 *  - at most MAX_PER_KIND events of each kind (the longest, or the strongest impulses) so that a busy minute
 *    of music does not produce hundreds of lines.
 */
import type { AudioEvent, AudioEventKind } from '@/lib/shared/audio';
import type { FrameFeatures } from './frames';
import { HOP } from './frames';
import type { FrameClasses } from './frame-classes';
import type { Impulse } from './impulses';
import { frameRuns, median, overlapSeconds, type FrameRun } from './runs';

export const LOUD_DB = -10;
export const MAX_PER_KIND = 20;
const ms = (value: number) => Math.round(value / 10); // frames on the 10 ms grid

export const SOURCES = {
  speech: 'silero-vad',
  impulsive: 'DSP: energy onsets',
  loud: 'DSP: RMS level',
  silence: 'DSP: RMS level',
  tonal: 'DSP: YIN pitch',
  noisy: 'DSP: YIN pitch + spectral flatness',
} as const satisfies Record<AudioEventKind, string>;

export interface EventInputs {
  features: FrameFeatures;
  classes: FrameClasses;
  impulses: Impulse[];
  speech: { start: number; end: number }[];
  durationSeconds: number;
}

function roundTime(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

export function formatHz(hz: number): string {
  return hz >= 1000 ? `${(hz / 1000).toFixed(1)} kHz` : `${Math.round(hz)} Hz`;
}

function describeBrightness(centroidHz: number): string {
  if (centroidHz < 800) return 'dark, rumbling';
  if (centroidHz < 2500) return 'mid-range';
  return 'bright, hissy';
}

export function buildEvents(inputs: EventInputs): AudioEvent[] {
  const { features, classes, impulses, speech, durationSeconds } = inputs;
  const frameSeconds = HOP / features.sampleRate;
  const span = (run: FrameRun) => ({
    start: roundTime(run.first * frameSeconds),
    end: roundTime(Math.min(durationSeconds, run.end * frameSeconds)),
  });
  const mostlySpeech = (start: number, end: number) => overlapSeconds(start, end, speech) > 0.5 * (end - start);
  const longest = (events: AudioEvent[]) =>
    [...events].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, MAX_PER_KIND);
  const frameValues = (run: FrameRun, values: ArrayLike<number>, keep: (f: number) => boolean) => {
    const out: number[] = [];
    for (let f = run.first; f < run.end; f++) if (keep(f)) out.push(values[f]);
    return out;
  };

  const events: AudioEvent[] = speech.map((segment) => ({
    ...segment,
    kind: 'speech',
    description: `Speech (${(segment.end - segment.start).toFixed(1)} s)`,
    source: SOURCES.speech,
  }));

  const outsideSpeech = impulses.filter(
    (impulse) => overlapSeconds(impulse.start, impulse.start + 0.001, speech) === 0,
  );
  const strongest = [...outsideSpeech].sort((a, b) => b.peakDb - a.peakDb).slice(0, MAX_PER_KIND);
  for (const impulse of strongest) {
    events.push({
      start: impulse.start,
      end: impulse.end,
      kind: 'impulsive',
      description: `Short, sharp sound (${Math.round((impulse.end - impulse.start) * 1000)} ms, peak ${Math.round(impulse.peakDb)} dBFS)`,
      source: SOURCES.impulsive,
    });
  }

  const loudMask = Array.from(features.rmsDb, (db) => db >= LOUD_DB);
  const loud = frameRuns(loudMask, ms(200), ms(100)).map((run): AudioEvent => {
    const peak = Math.max(...frameValues(run, features.rmsDb, () => true));
    return {
      ...span(run),
      kind: 'loud',
      description: `Loud passage (up to ${Math.round(peak)} dBFS RMS)`,
      source: SOURCES.loud,
    };
  });
  events.push(...longest(loud));

  const silence = frameRuns(classes.silent, ms(300)).map(
    (run): AudioEvent => ({
      ...span(run),
      kind: 'silence',
      description: `Silence (${((run.end - run.first) * frameSeconds).toFixed(1)} s)`,
      source: SOURCES.silence,
    }),
  );
  events.push(...longest(silence));

  const tonal = frameRuns(classes.pitched, ms(200), ms(60))
    .map((run): AudioEvent | null => {
      const { start, end } = span(run);
      if (mostlySpeech(start, end)) return null;
      const pitch = median(frameValues(run, classes.pitchHz, (f) => classes.pitched[f]));
      return { start, end, kind: 'tonal', description: `Tonal sound around ${formatHz(pitch)}`, source: SOURCES.tonal };
    })
    .filter((event): event is AudioEvent => event !== null);
  events.push(...longest(tonal));

  const noisy = frameRuns(classes.unpitched, ms(500), ms(100))
    .map((run): AudioEvent | null => {
      const { start, end } = span(run);
      if (mostlySpeech(start, end)) return null;
      const centroid = median(frameValues(run, features.centroidHz, (f) => classes.unpitched[f]));
      return {
        start,
        end,
        kind: 'noisy',
        description: `Noise-like sound, no clear pitch (${describeBrightness(centroid)}, centroid ${formatHz(centroid)})`,
        source: SOURCES.noisy,
      };
    })
    .filter((event): event is AudioEvent => event !== null);
  events.push(...longest(noisy));

  return events.sort((a, b) => a.start - b.start || a.end - b.end);
}
