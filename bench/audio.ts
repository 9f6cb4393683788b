/**
 * Audio rows of `npm run bench`: on a 10 s sample clip, after one warm-up that loads the models, the median
 * of N runs of
 *  - tag-clip: one tagger pass over the whole 10 s at 32 kHz (the figure the ≤ 100 ms goal is about);
 *  - tag-windows: the 1 s / 0.5 s windows in one batched run (19 windows = 19 s of audio);
 *  - tag-all: resampling to 32 kHz + windows + whole-clip pass, i.e. what the audio stage spends on tagging;
 *  - stage: the whole audio stage (decode, resample, silero-vad, DSP features, tagger, summary).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../lib/audio/decode';
import { tagSpans, TAGGER_SAMPLE_RATE, toTaggerRate, windowSpans } from '../lib/models/efficientat';
import { analyseAudioClip } from '../lib/analysis/stages/audio';
import { HOP_SECONDS, tagClip, WINDOW_SECONDS } from '../lib/analysis/sound-events';

const AUDIO_DIR = process.env.AUDIO_SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'audio');
export const AUDIO_BENCH_CLIP = 'music_brahms_orchestra_excerpt.flac';
const ROWS = ['tag-clip', 'tag-windows', 'tag-all', 'stage'] as const;
export type AudioTimings = Record<(typeof ROWS)[number], number>;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function benchAudio(runs: number, median: (values: number[]) => number) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(AUDIO_DIR, AUDIO_BENCH_CLIP)));
  const decoded = await decodeAudio(bytes);
  const clip32k = toTaggerRate(decoded.original.samples, decoded.original.sampleRate);
  const seconds = clip32k.length / TAGGER_SAMPLE_RATE;
  const windows = windowSpans(seconds, WINDOW_SECONDS, HOP_SECONDS);
  await analyseAudioClip(bytes); // warm-up: loads silero-vad and the tagger

  const samples: AudioTimings[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push({
      'tag-clip': await timed(() => tagSpans(clip32k, [{ start: 0, end: seconds }])),
      'tag-windows': await timed(() => tagSpans(clip32k, windows)),
      'tag-all': await timed(() => tagClip(decoded.original.samples, decoded.original.sampleRate)),
      stage: await timed(() => analyseAudioClip(bytes)),
    });
  }
  const pick = (f: (values: number[]) => number) =>
    Object.fromEntries(ROWS.map((row) => [row, Math.round(f(samples.map((s) => s[row])))])) as AudioTimings;
  const medians = pick(median);
  console.log(
    `\naudio: ${AUDIO_BENCH_CLIP} (${seconds.toFixed(1)} s, ${windows.length} windows), median of ${runs} runs, ms`,
  );
  for (const row of ROWS) console.log(`  ${row.padEnd(12)} ${String(medians[row]).padStart(6)}`);
  return {
    clip: AUDIO_BENCH_CLIP,
    seconds: Math.round(seconds * 10) / 10,
    windows: windows.length,
    medianMs: medians,
    bestMs: pick((v) => Math.min(...v)),
  };
}
