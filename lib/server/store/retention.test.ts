/**
 * Retention by count and by bytes, oldest first, and the byte-bounded hot cache, on results stored directly (no
 * models): each carries a noise PNG of about 100 kB, so the byte bounds decide how many fit.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeImage } from '../../image/decode';
import type { Scene } from '../../scene/types';
import { appendChatTurns, chatQuestionCount, getStoredResult, loadResult, newResultId, storeResult } from '../results';
import { closeResultsDb } from './db';

let root = '';
let dataDir = '';

/** Random pixels do not compress: a 180² PNG of them is about 100 kB. */
async function noisePng(): Promise<Uint8Array> {
  const side = 180;
  const rgb = randomBytes(side * side * 3);
  return new Uint8Array(
    await sharp(rgb, { raw: { width: side, height: side, channels: 3 } })
      .png()
      .toBuffer(),
  );
}

async function storeScene(name: string): Promise<Scene> {
  const bytes = await noisePng();
  const scene = {
    resultId: newResultId(),
    image: await decodeImage(bytes),
    tags: [],
    entities: [],
    soundSourceIds: [],
  };
  await storeResult(scene, [{ type: 'done', resultId: scene.resultId, totalMs: 1 }], {
    image: bytes,
    imageName: `${name}.png`,
  });
  return scene;
}

const storeOne = async (name: string) => (await storeScene(name)).resultId;

const kept = (ids: string[]) =>
  Promise.all(
    ids.map(
      async (id) => (await getStoredResult(id)) !== undefined && fs.existsSync(path.join(dataDir, 'results', id)),
    ),
  );

beforeAll(() => {
  // Read when the hot cache is first made: room for two scenes of 97 kB of pixels each, not three.
  process.env.STRIX_RESULTS_MB = '0.25';
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-retention-'));
});

beforeEach(() => {
  // A fresh store per case: another folder under the temporary DATA_DIR.
  closeResultsDb();
  dataDir = fs.mkdtempSync(path.join(root, 'case-'));
  process.env.DATA_DIR = dataDir;
});

afterAll(() => {
  closeResultsDb();
  fs.rmSync(root, { recursive: true, force: true });
  for (const name of ['DATA_DIR', 'STRIX_KEEP_RESULTS', 'STRIX_KEEP_MB', 'STRIX_RESULTS_MB']) delete process.env[name];
});

describe('retention', () => {
  it('keeps the newest STRIX_KEEP_RESULTS results', async () => {
    process.env.STRIX_KEEP_RESULTS = '3';
    process.env.STRIX_KEEP_MB = '100';
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await storeOne(`count-${i}`));
    expect(await kept(ids)).toEqual([false, false, true, true, true]);
  });

  it('drops the oldest results once the stored bytes pass STRIX_KEEP_MB', async () => {
    process.env.STRIX_KEEP_RESULTS = '100';
    process.env.STRIX_KEEP_MB = '0.25'; // 262 kB: two ~100 kB results fit, three do not
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await storeOne(`bytes-${i}`));
    expect(await kept(ids)).toEqual([false, false, true, true]);
  });

  it('keeps the newest result even when it alone is over the byte bound', async () => {
    process.env.STRIX_KEEP_RESULTS = '100';
    process.env.STRIX_KEEP_MB = '0.01';
    const ids = [await storeOne('small'), await storeOne('alone')];
    expect(await kept(ids)).toEqual([false, true]);
  });
});

describe('a result that grows', () => {
  it('counts chat turns in retention: a long conversation on an old result drops the older ones, never itself', async () => {
    process.env.STRIX_KEEP_RESULTS = '100';
    process.env.STRIX_KEEP_MB = '0.4'; // 419 kB: three ~100 kB results fit
    const ids = [await storeOne('first'), await storeOne('second'), await storeOne('third')];
    expect(await kept(ids)).toEqual([true, true, true]);
    const answer = { role: 'assistant' as const, content: 'words '.repeat(2000), source: 'built-in', links: [] };
    for (let i = 0; i < 12; i++) await appendChatTurns(ids[1], [{ role: 'user', content: 'and?' }, answer]);
    expect(await kept(ids)).toEqual([false, true, true]);
    expect(await chatQuestionCount(ids[1])).toBe(12);
  });
});

describe('hot cache', () => {
  it('holds scenes up to STRIX_RESULTS_MB of pixels and JSON; an evicted one is rebuilt from disk', async () => {
    process.env.STRIX_KEEP_RESULTS = '100';
    process.env.STRIX_KEEP_MB = '100';
    const scenes = [await storeScene('a'), await storeScene('b'), await storeScene('c')];
    const loaded = await Promise.all(scenes.map((scene) => loadResult(scene.resultId)));
    expect(loaded[0]).not.toBe(scenes[0]); // evicted: decoded again from the stored PNG
    expect(loaded[0]?.image?.rgb).toEqual(scenes[0].image?.rgb);
    expect(loaded[2]).toBe(scenes[2]); // still in memory
  });
});
