/**
 * Without the tagger's weights the sound is still analysed: speech (silero-vad) and the measures stand, and
 * the summary says the tagger is off and how to turn it on. MODELS_DIR points at a folder holding every
 * resolved file except the tagger's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@/lib/audio/test-signals';
import { manifestEntry, modelsDir } from '@/lib/models/manifest';
import { EFFICIENTAT_ID } from '@/lib/models/efficientat';
import { analyseAudio } from './audio';

describe('analyseAudio without the tagger model', () => {
  const previous = process.env.MODELS_DIR;
  let dir = '';
  beforeAll(() => {
    const real = modelsDir();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-no-tagger-'));
    const missing = manifestEntry(EFFICIENTAT_ID).file;
    for (const file of fs.readdirSync(real))
      if (file !== missing) fs.symlinkSync(path.join(real, file), path.join(dir, file));
    process.env.MODELS_DIR = dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.MODELS_DIR;
    else process.env.MODELS_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps speech and says the tagger is off, naming the fix', async () => {
    const summary = await analyseAudio(new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, 'speech_jfk.wav'))));
    expect(summary.soundEvents.length).toBeGreaterThan(0);
    expect(summary.soundEvents.every((e) => e.source === 'silero-vad')).toBe(true);
    expect(summary.plainSummary).toMatch(/^Speech from .+ The sound tagger is off: .*npm run models/);
    expect(summary.description).toMatch(/^Speech from/);
  });
});
