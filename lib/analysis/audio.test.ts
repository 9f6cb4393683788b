import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WaveFile } from 'wavefile';
import { AudioSummarySchema } from '@/lib/shared/audio';
import { AudioInputError } from '@/lib/audio/errors';
import { loadOntology } from '@/lib/models/efficientat/ontology';
import { SAMPLES_DIR, clicks, whiteNoise } from '@/lib/audio/test-signals';
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
    // Speech on the timeline comes from silero-vad, not the tagger.
    expect(summary.soundEvents.filter((e) => e.group === 'Speech').every((e) => e.source === 'silero-vad')).toBe(true);
    expect(summary.plainSummary).toMatch(/^Speech from 0\.\d to 10\.\d s in \d stretches\.$/);
    expect(summary.silent).toBe(false);
  });

  it('names the trumpet from the tagger, points at its player, and keeps the measures in the description', async () => {
    const summary = await analyseAudio(sample('trumpet_solo.ogg'));
    expect(summary.soundEvents.map((e) => e.label)).toContain('Trumpet');
    expect(summary.soundEvents.every((e) => e.source === 'efficientat-mn04-as')).toBe(true);
    expect(summary.clipTags[0]).toMatchObject({ label: 'Trumpet' });
    // Instruments are played by someone: the source table points at a person (see lib/lexicon/sound-source-table.ts).
    expect(summary.keywords).toEqual(['person']);
    expect(summary.plainSummary).toMatch(/^Brass instrument \(trumpet\) from 0\.0 to \d\.\d s; no speech\.$/);
    expect(summary.plainSummary).not.toMatch(/dBFS|Hz|centroid/);
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
    expect(summary.plainSummary).toBe('No sound above the noise floor.');
    expect(summary.soundEvents).toEqual([]);
    expect(summary.description).toContain('Only the first 2.0 s of 3.0 s were analysed.');
  });

  it('calls white noise noise: every named event is a kind of noise, and nothing is a source', async () => {
    const wav = new WaveFile();
    wav.fromScratch(1, 16000, '32f', Array.from(whiteNoise(3, 16000)));
    const summary = await analyseAudio(wav.toBuffer());
    const ontology = loadOntology();
    const noise = new Set([ontology.midOf('Noise')!]);
    expect(summary.soundEvents.every((e) => ontology.isUnder(e.mid, noise))).toBe(true);
    expect(summary.keywords).toEqual([]);
    expect(summary.plainSummary).toMatch(/no speech\.$/);
  });

  it('passes AudioInputError through for the route to map', async () => {
    await expect(analyseAudio(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toBeInstanceOf(AudioInputError);
  });
});
