import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WaveFile } from 'wavefile';
import { decodeAudio, mixToMono } from './decode';
import { AudioInputError } from './errors';
import { FIXTURES_DIR, SAMPLES_DIR, rms, sine, zeroCrossingHz } from './test-signals';

const read = (file: string) => new Uint8Array(fs.readFileSync(file));
const sample = (name: string) => read(path.join(SAMPLES_DIR, name));

async function expectInputError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toBeInstanceOf(AudioInputError);
  await expect(promise).rejects.toMatchObject({ code });
}

/** Keeps the first `keep` bytes (the header) and overwrites the rest with a deterministic pattern. */
function garble(bytes: Uint8Array, keep: number): Uint8Array {
  const out = bytes.slice(0, Math.min(bytes.length, 4096));
  for (let i = keep; i < out.length; i++) out[i] = (i * 7919 + 13) & 0xff;
  return out;
}

describe('decodeAudio: one real file per format', () => {
  const cases: [string, string, number, number][] = [
    // file, format, original rate, duration (s)
    ['speech_jfk.wav', 'wav', 44100, 11.0],
    ['speech_prompt.mp3', 'mp3', 48000, 2.54],
    ['trumpet_solo.ogg', 'ogg-vorbis', 44100, 5.33],
    ['music_brahms_orchestra_excerpt.flac', 'flac', 44100, 10.0],
  ];
  it.each(cases)('%s → 16 kHz mono', async (file, format, rate, seconds) => {
    const audio = await decodeAudio(sample(file));
    expect(audio.format).toBe(format);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.originalSampleRate).toBe(rate);
    expect(audio.durationSeconds).toBeCloseTo(seconds, 1);
    expect(audio.samples.length / 16000).toBeCloseTo(seconds, 1);
    expect(audio.truncated).toBe(false);
    expect(rms(audio.samples)).toBeGreaterThan(0.01);
  });

  it('decodes Ogg Opus (fixture: 1 s of 440 Hz made with opusenc)', async () => {
    const audio = await decodeAudio(read(path.join(FIXTURES_DIR, 'tone_440hz_1s.opus')));
    expect(audio.format).toBe('ogg-opus');
    expect(audio.originalSampleRate).toBe(48000);
    expect(audio.durationSeconds).toBeCloseTo(1, 1);
    expect(zeroCrossingHz(audio.samples.subarray(2000, 14000), 16000)).toBeCloseTo(440, -1);
  });
});

describe('decodeAudio: caps and errors', () => {
  it('keeps only the first maxSeconds and says so (WAV: exact duration)', async () => {
    const audio = await decodeAudio(sample('speech_jfk.wav'), 3);
    expect(audio.samples.length).toBe(48000);
    expect(audio.truncated).toBe(true);
    expect(audio.durationSeconds).toBeCloseTo(11, 2);
    expect(audio.durationEstimated).toBe(false);
  });

  it('stops decoding compressed audio at the cap and estimates the duration', async () => {
    const audio = await decodeAudio(sample('music_brahms_orchestra_excerpt.flac'), 3);
    expect(audio.samples.length).toBe(48000);
    expect(audio.truncated).toBe(true);
    expect(audio.durationEstimated).toBe(true);
    expect(audio.durationSeconds).toBeGreaterThan(7);
    expect(audio.durationSeconds).toBeLessThan(13);
  });

  it('rejects empty input', async () => {
    await expectInputError(decodeAudio(new Uint8Array(0)), 'empty_audio');
  });

  it('rejects WebM with a message about converting to WAV', async () => {
    const webm = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]);
    await expectInputError(decodeAudio(webm), 'unsupported_type');
    await expect(decodeAudio(webm)).rejects.toThrow(/WAV/);
  });

  it('rejects unknown bytes as unsupported', async () => {
    await expectInputError(
      decodeAudio(new TextEncoder().encode('hello, this is not audio at all')),
      'unsupported_type',
    );
  });

  it.each([
    ['speech_jfk.wav', 12],
    ['speech_prompt.mp3', 10],
    ['trumpet_solo.ogg', 40],
    ['music_brahms_orchestra_excerpt.flac', 8],
  ])('rejects a garbled %s as corrupt', async (file, headerBytes) => {
    await expectInputError(decodeAudio(garble(sample(file), headerBytes)), 'corrupt_audio');
  });

  it('rejects a garbled Opus file as corrupt', async () => {
    await expectInputError(
      decodeAudio(garble(read(path.join(FIXTURES_DIR, 'tone_440hz_1s.opus')), 40)),
      'corrupt_audio',
    );
  });

  it('rejects a WAV header with no samples as empty', async () => {
    const wav = new WaveFile();
    wav.fromScratch(1, 16000, '16', []);
    await expectInputError(decodeAudio(wav.toBuffer()), 'empty_audio');
  });
});

describe('decodeAudio: WAV sample formats', () => {
  const tone = Array.from(sine(440, 0.5, 16000, 0.5));
  const scale: Record<string, (x: number) => number> = {
    '8': (x) => Math.round(x * 127 + 128),
    '16': (x) => Math.round(x * 32767),
    '24': (x) => Math.round(x * 8388607),
    '32': (x) => Math.round(x * 2147483647),
    '32f': (x) => x,
  };
  it.each(Object.keys(scale))('reads %s-bit samples at the right level', async (depth) => {
    const wav = new WaveFile();
    wav.fromScratch(1, 16000, depth, tone.map(scale[depth]));
    const audio = await decodeAudio(wav.toBuffer());
    expect(audio.samples.length).toBe(8000);
    expect(rms(audio.samples, 500, 7500)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(audio.peak).toBeCloseTo(0.5, 2);
  });

  it('averages stereo channels to mono', async () => {
    const wav = new WaveFile();
    const left = tone.map(scale['16']);
    wav.fromScratch(2, 16000, '16', [left, left.map(() => 0)]);
    const audio = await decodeAudio(wav.toBuffer());
    expect(audio.channels).toBe(2);
    expect(rms(audio.samples, 500, 7500)).toBeCloseTo(0.25 / Math.SQRT2, 2);
  });

  it('counts runs of full-scale samples as clipping', async () => {
    const wav = new WaveFile();
    wav.fromScratch(
      1,
      16000,
      '16',
      tone.map((x) => Math.max(-32768, Math.min(32767, Math.round(x * 4 * 32767)))),
    );
    const audio = await decodeAudio(wav.toBuffer());
    expect(audio.clippedFraction).toBeGreaterThan(0.3);
    const clean = new WaveFile();
    clean.fromScratch(1, 16000, '16', tone.map(scale['16']));
    expect((await decodeAudio(clean.toBuffer())).clippedFraction).toBe(0);
  });

  it('mixToMono leaves a single channel as it is', () => {
    const channel = Float32Array.from([0.1, 0.2]);
    expect(mixToMono([channel])).toBe(channel);
  });
});
