/**
 * The side thread gives what the model gives in the calling thread, while the calling thread stays free to do
 * other work (the point of it), and a model file that does not load is reported as corrupt, not retried forever.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEEPLAB_ADE151, MOSAIC_ADE32 } from '../ade-segmenter';
import { ModelCorruptError, manifestEntry } from '../manifest';
import { getSession, ort } from '../session';
import { sideThreadSession } from '.';

const S = DEEPLAB_ADE151.inputSize;
const OUTPUTS = ['logits_lowres'];

function noiseImage(): Record<string, ort.Tensor> {
  const pixels = new Uint8Array(S * S * 3);
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) pixels[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return { image: new ort.Tensor('uint8', pixels, [1, S, S, 3]) };
}

describe('sideThreadSession', () => {
  it('gives the same outputs as the model run in the calling thread', async () => {
    const feeds = noiseImage();
    const here = await (await getSession(DEEPLAB_ADE151.modelId)).run(feeds, OUTPUTS);
    const beside = await (await sideThreadSession(DEEPLAB_ADE151.modelId)).run(feeds, OUTPUTS);
    const a = beside.logits_lowres.data as Float32Array;
    const b = here.logits_lowres.data as Float32Array;
    expect(a.length).toBe(b.length);
    expect(a.every((value, i) => Math.abs(value - b[i]) < 1e-4)).toBe(true);
  });

  it('leaves the calling thread free while the model runs', async () => {
    const session = await sideThreadSession(DEEPLAB_ADE151.modelId);
    let done = false;
    const running = session.run(noiseImage(), OUTPUTS).then(() => (done = true));
    let turns = 0;
    // An in-thread run holds the event loop for its whole length: it would finish within a turn or two.
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    await running;
    expect(turns).toBeGreaterThan(20);
  });

  describe('with a model file that does not load', () => {
    const previous = process.env.MODELS_DIR;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-side-thread-'));
    fs.writeFileSync(path.join(dir, manifestEntry(MOSAIC_ADE32.modelId).file), 'not an onnx model');
    afterAll(() => {
      if (previous === undefined) delete process.env.MODELS_DIR;
      else process.env.MODELS_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('rejects with ModelCorruptError each time it is asked for', async () => {
      process.env.MODELS_DIR = dir;
      await expect(sideThreadSession(MOSAIC_ADE32.modelId)).rejects.toBeInstanceOf(ModelCorruptError);
      await expect(sideThreadSession(MOSAIC_ADE32.modelId)).rejects.toBeInstanceOf(ModelCorruptError);
    });
  });
});
