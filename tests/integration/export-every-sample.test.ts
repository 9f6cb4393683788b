/**
 * Every export format for every sample photo answers 200: the overlay once crashed on the showcase photos
 * (a label with no free spot) and on a NUL in a user's label. Each photo is analysed once; a last result is
 * the first photo again with labels full of odd characters (NUL, markup, emoji, right-to-left, lone surrogate).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInferencePool } from '@/lib/server/inference/pool';
import { GET as exportRoute } from '@/app/api/results/[id]/export/[format]/route';
import { GET as cutoutRoute } from '@/app/api/results/[id]/cutout/[entityId]/route';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { decodeImage } from '@/lib/image/decode';
import type { Scene } from '@/lib/scene/types';
import { storeResult } from '@/lib/server/results';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const PHOTOS = fs
  .readdirSync(SAMPLES)
  .filter((name) => /\.(jpe?g|png|webp)$/i.test(name))
  .sort();
const ODD_LABELS = [
  'nul\u0000here',
  '<b>&"\'</b>',
  '🦉🐈‍⬛ owl',
  'שלום עולם مرحبا',
  'lone \ud800 half',
  '\u0007\u001b',
];

/** A 22-character result id (ResultIdSchema) per photo. */
const idFor = (index: number) => `everySample${String(index).padStart(11, '0')}`;
const exportOf = (id: string, format: string) =>
  exportRoute(new Request(`http://localhost/api/results/${id}/export/${format}?threshold=0`), {
    params: Promise.resolve({ id, format }),
  });
const cutoutOf = (id: string, entityId: string) =>
  cutoutRoute(new Request(`http://localhost/api/results/${id}/cutout/${entityId}.png`), {
    params: Promise.resolve({ id, entityId: `${entityId}.png` }),
  });

const results: Array<{ name: string; id: string; scene: Scene }> = [];

beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-every-export-'));
  for (const [index, name] of PHOTOS.entries()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));
    const decoded = await decodeImage(bytes);
    const scene = await runAnalysis(
      { image: { decoded, decodeMs: 0 } },
      idFor(index),
      () => {},
      new AbortController().signal,
    );
    await storeResult(scene, [], { image: bytes });
    results.push({ name, id: idFor(index), scene });
  }
  const first = results[0];
  const odd: Scene = {
    ...first.scene,
    resultId: idFor(PHOTOS.length),
    entities: first.scene.entities.map((e, i) => ({ ...e, label: ODD_LABELS[i % ODD_LABELS.length] })),
  };
  await storeResult(odd, [], {});
  results.push({ name: `${first.name} with odd labels`, id: odd.resultId, scene: odd });
}, 600_000);

// The PNGs are rendered by the inference workers: let them go at the end.
afterAll(() => closeInferencePool());

describe('every export of every sample photo', () => {
  it('has the samples', () => {
    expect(PHOTOS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(PHOTOS.concat('odd labels').map((_, index) => index))(
    'photo #%i: every format and every cut-out answer 200',
    async (index) => {
      const { name, id, scene } = results[index];
      for (const format of ['coco.json', 'label-studio.json', 'overlay.png']) {
        const response = await exportOf(id, format);
        expect(response.status, `${name} ${format}: ${response.status === 200 ? '' : await response.text()}`).toBe(200);
        await response.arrayBuffer();
      }
      const masked = scene.entities.filter((e) => e.mask);
      expect(masked.length).toBeGreaterThan(0);
      for (const entity of masked) {
        const response = await cutoutOf(id, entity.id);
        expect(response.status, `${name} cut-out of ${entity.id} (${entity.label})`).toBe(200);
        await response.arrayBuffer();
      }
    },
  );
});
