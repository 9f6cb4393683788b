/**
 * The new scene stages through the real orchestrator on the living room: stuff regions with masks, furniture
 * the detector lacks, fine names only under the detector's class, scene tags with their source, unique ids,
 * and every event valid on the wire. A missing segmenter or classifier skips its stage with the fix named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { decodeImage } from '@/lib/image/decode';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { regionsStage } from '@/lib/analysis/stages/regions';
import { fineNamesStage } from '@/lib/analysis/stages/fine-names';
import type { PipelineContext } from '@/lib/analysis/stages/types';
import type { Scene } from '@/lib/scene/types';

const IMAGES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

describe('scene stages on the living room', () => {
  const events: AnalyzeEvent[] = [];
  let scene: Scene;
  beforeAll(async () => {
    const decoded = await decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES, '09_living_room.jpg'))));
    scene = await runAnalysis(
      { image: { decoded, decodeMs: 0 } },
      'scene-test',
      (e) => events.push(AnalyzeEventSchema.parse(e)),
      new AbortController().signal,
    );
  });

  it('names and outlines the stuff, with masks and area shares, beside unique thing ids', () => {
    const stuff = scene.entities.filter((e) => e.kind === 'stuff');
    const names = stuff.map((e) => e.label);
    for (const name of ['wall', 'floor', 'ceiling', 'rug']) expect(names).toContain(name);
    for (const region of stuff) {
      expect(region.id).toMatch(/^s\d+$/);
      expect(region.source).toBe('ade20k-deeplab');
      expect(region.mask?.area).toBeGreaterThan(0);
      expect(region.areaShare).toBeGreaterThanOrEqual(0.005);
    }
    const ids = scene.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      scene.entities.some((e) => e.kind === 'thing' && e.source === 'ade20k-deeplab' && /bookcase|shelf/.test(e.label)),
    ).toBe(true);
    expect(events.filter((e) => e.type === 'mask').map((e) => e.entityId)).toEqual(
      expect.arrayContaining(stuff.map((s) => s.id)),
    );
  });

  it('keeps fine names only under the detector class, and adds the classifier’s scene tags with their source', () => {
    for (const thing of scene.entities.filter((e) => e.fineName))
      expect(thing.fineName!.source).toBe('imagenet-mobilenetv2');
    expect(scene.tags.some((t) => t.source === 'imagenet-mobilenetv2' && t.label === 'bookcase')).toBe(true);
    const stages = events
      .filter((e) => e.type === 'stage' && e.status === 'done')
      .map((e) => e.type === 'stage' && e.stage);
    expect(stages).toEqual(expect.arrayContaining(['tagging', 'grounding', 'fine-names', 'segmentation', 'regions']));
  });

  it('skips the stages whose weights are missing, naming the fix', () => {
    const saved = process.env.MODELS_DIR;
    process.env.MODELS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-no-models-'));
    try {
      const ctx = { scene: { entities: [] } } as unknown as PipelineContext;
      expect(regionsStage.skipReason!(ctx)).toMatch(/npm run models/);
      expect(fineNamesStage.skipReason!(ctx)).toMatch(/MODELS_MIRROR/);
    } finally {
      if (saved === undefined) delete process.env.MODELS_DIR;
      else process.env.MODELS_DIR = saved;
    }
  });
});
