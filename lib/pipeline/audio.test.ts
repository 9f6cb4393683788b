import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WaveFile } from 'wavefile';
import { AudioSummarySchema } from '@/lib/shared/audio';
import { AudioInputError } from '@/lib/audio/errors';
import { SAMPLES_DIR, clicks } from '@/lib/audio/test-signals';
import { analyseAudio } from './audio';

const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, name)));

describe('analyseAudio', () => {
  it('summarises speech_jfk.wav: speech with times, a person keyword, a valid wire object', async () => {
    const summary = await analyseAudio(sample('speech_jfk.wav'));
    expect(AudioSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.format).toBe('wav');
    expect(summary.keywords).toEqual(['person']);
    expect(summary.description).toMatch(/^Speech from 0\.\d s to 10\.\d s/);
    expect(summary.events.filter((e) => e.kind === 'speech').length).toBeGreaterThan(0);
    expect(summary.events.every((e) => e.source.length > 0)).toBe(true);
    expect(summary.waveform.peaks.length).toBeLessThanOrEqual(1000);
    expect(summary.silent).toBe(false);
  });

  it('names no source for a tonal sound without speech (no invented labels)', async () => {
    const summary = await analyseAudio(sample('trumpet_solo.ogg'));
    expect(summary.keywords).toEqual([]);
    expect(summary.tonality.label).toBe('tonal');
    expect(summary.description).toMatch(/tonal around \d+ Hz/);
  });

  it('describes clicks with their times', async () => {
    const wav = new WaveFile();
    wav.fromScratch(1, 16000, '32f', Array.from(clicks([0.5, 1.5], 2, 16000)));
    const summary = await analyseAudio(wav.toBuffer());
    expect(summary.description).toContain('2 short, sharp sounds at 0.5 s and 1.5 s');
  });

  it('reports a silent file as silent, and truncation when capped', async () => {
    const wav = new WaveFile();
    wav.fromScratch(1, 16000, '16', new Array(16000 * 3).fill(0));
    const summary = await analyseAudio(wav.toBuffer(), 2);
    expect(summary.silent).toBe(true);
    expect(summary.truncated).toBe(true);
    expect(summary.analysedSeconds).toBe(2);
    expect(summary.description).toMatch(/^Silence/);
    expect(summary.description).toContain('Only the first 2.0 s of 3.0 s were analysed.');
  });

  it('passes AudioInputError through for the route to map', async () => {
    await expect(analyseAudio(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toBeInstanceOf(AudioInputError);
  });
});
