/**
 * The export routes called directly on a real analysis (YOLOX + SAM on a sample photo): COCO and Label Studio
 * masks decode back to exactly the stored masks, the PNGs have the photo's size, and every bad path is a 404.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInferencePool } from '@/lib/server/inference/pool';
import { GET as exportRoute } from '@/app/api/results/[id]/export/[format]/route';
import { GET as cutoutRoute } from '@/app/api/results/[id]/cutout/[entityId]/route';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { decodeImage } from '@/lib/image/decode';
import type { Scene } from '@/lib/scene/types';
import { storeResult } from '@/lib/server/results';
import { decodeRle } from '@/lib/shared/rle';
import { decodeBrushRle } from '@/lib/export/brush-rle';
import type { CocoExport } from '@/lib/export/coco';
import type { BrushRegion, LabelStudioTask } from '@/lib/export/label-studio';

const SAMPLE = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '02_dog_bowl_person.jpg');
const STORED_ID = 'exportTestStoredImage1'; // 22 characters, as ResultIdSchema wants
const MEMORY_ID = 'exportTestMemoryOnly01';

const get = (id: string, format: string, query = '') =>
  exportRoute(new Request(`http://localhost/api/results/${id}/export/${format}${query}`), {
    params: Promise.resolve({ id, format }),
  });
const cutout = (id: string, entityId: string) =>
  cutoutRoute(new Request(`http://localhost/api/results/${id}/cutout/${entityId}`), {
    params: Promise.resolve({ id, entityId }),
  });

const sameMask = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

// The PNGs are rendered by the inference workers: let them go at the end.
afterAll(() => closeInferencePool());

describe('export routes', () => {
  let scene: Scene;

  beforeAll(async () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-export-'));
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const decoded = await decodeImage(bytes);
    scene = await runAnalysis({ image: { decoded, decodeMs: 0 } }, STORED_ID, () => {}, new AbortController().signal);
    await storeResult(scene, [], { image: bytes });
    // Stored without its file: the PNGs then come from the scene's own copy of the pixels.
    await storeResult({ ...scene, resultId: MEMORY_ID }, [], {});
  });

  it('COCO JSON: every exported mask decodes to exactly the stored one', async () => {
    const response = await get(STORED_ID, 'coco.json', '?threshold=0');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="strix-${STORED_ID}.coco.json"`);
    const coco = (await response.json()) as CocoExport;
    expect(coco.images[0]).toMatchObject({ width: 800, height: 534 });
    expect(coco.annotations).toHaveLength(scene.entities.length);
    const masked = scene.entities.filter((e) => e.mask);
    expect(masked.length).toBeGreaterThan(2);
    for (const entity of masked) {
      const annotation = coco.annotations.find((a) => a.strix.entityId === entity.id)!;
      expect(sameMask(decodeRle(annotation.segmentation!), decodeRle(entity.mask!.rle))).toBe(true);
    }
    const strict = (await (await get(STORED_ID, 'coco.json', '?threshold=0.9')).json()) as CocoExport;
    expect(strict.annotations.length).toBe(scene.entities.filter((e) => e.score === null || e.score >= 0.9).length);
  });

  it('Label Studio JSON: brush masks decode to exactly the stored ones, the image by URL', async () => {
    const response = await get(STORED_ID, 'label-studio.json', '?threshold=0');
    const [task] = (await response.json()) as LabelStudioTask[];
    expect(task.data.image).toBe(`http://localhost/api/results/${STORED_ID}/image`);
    const brushes = task.predictions[0].result.filter((r): r is BrushRegion => r.type === 'brushlabels');
    expect(brushes.length).toBe(scene.entities.filter((e) => e.mask).length);
    for (const brush of brushes) {
      const entity = scene.entities.find((e) => `${e.id}-mask` === brush.id)!;
      expect(sameMask(decodeBrushRle(brush.value.rle, 800, 534), decodeRle(entity.mask!.rle))).toBe(true);
    }
  });

  it('overlay PNG at the photo size, from the stored file or the scene when no file is stored', async () => {
    for (const id of [STORED_ID, MEMORY_ID]) {
      const response = await get(id, 'overlay.png');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([800, 534]);
    }
  });

  it('cut-out PNG of one entity: its mask box, with transparency', async () => {
    const entity = scene.entities.find((e) => e.mask && e.label === 'dog')!;
    const response = await cutout(STORED_ID, `${entity.id}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`-${entity.id}-dog.png`);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([entity.mask!.bbox[2], entity.mask!.bbox[3], true]);
  });

  it.each([
    ['a malformed id', () => get('../../etc/passwd', 'coco.json')],
    ['an unknown id', () => get('AAAAAAAAAAAAAAAAAAAAAA', 'coco.json')],
    ['an unknown format', () => get(STORED_ID, 'coco.xml')],
    ['an unknown entity', () => cutout(STORED_ID, 'e999.png')],
    ['a malformed entity', () => cutout(STORED_ID, '..%2Fimage.png')],
  ])('answers %s with a JSON 404', async (_name, call) => {
    const response = await call();
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it('refuses a threshold that is not a number from 0 to 1', async () => {
    expect((await get(STORED_ID, 'coco.json', '?threshold=abc')).status).toBe(400);
    expect((await get(STORED_ID, 'coco.json', '?threshold=2')).status).toBe(400);
  });
});
