import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudio } from '@/lib/audio/decode';
import { SAMPLES_DIR, sine, whiteNoise } from '@/lib/audio/test-signals';
import { detectSpeech } from './index';

describe('detectSpeech (silero-vad)', () => {
  it('finds speech covering most of 0.5–10.5 s in speech_jfk.wav', async () => {
    const audio = await decodeAudio(new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, 'speech_jfk.wav'))));
    const { segments, probabilities } = await detectSpeech(audio.samples);
    expect(segments.length).toBeGreaterThan(0);
    expect(segments[0].start).toBeLessThan(0.6);
    expect(segments[segments.length - 1].end).toBeGreaterThan(10.3);
    const covered = segments.reduce((sum, s) => sum + Math.max(0, Math.min(10.5, s.end) - Math.max(0.5, s.start)), 0);
    expect(covered / 10).toBeGreaterThan(0.6);
    expect(Math.max(...probabilities)).toBeGreaterThan(0.9);
  });

  it('finds no speech in a pure tone or in white noise', async () => {
    expect((await detectSpeech(sine(440, 3, 16000))).segments).toEqual([]);
    expect((await detectSpeech(whiteNoise(3, 16000))).segments).toEqual([]);
  });

  it('returns no segments for a clip shorter than one window', async () => {
    const result = await detectSpeech(new Float32Array(100));
    expect(result.segments).toEqual([]);
    expect(result.probabilities).toHaveLength(1);
  });
});
