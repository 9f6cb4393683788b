/**
 * PNG exports are rendered at a bounded size whatever the photo's: a 6000×4000 result comes out with a
 * MAX_RENDER_SIDE long side, its boxes and masks scaled with it, and the cut-out is the scaled mask box.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@/lib/shared/analysis';
import { encodeRle } from '@/lib/shared/rle';
import type { SceneEntity } from '@/lib/scene/types';
import { MAX_RENDER_SIDE, renderExportPng, scaleExportScene } from './render';
import type { ExportScene } from './scene';

const W = 6000;
const H = 4000;

function scene(): ExportScene {
  // A 2000×1000 block mask at (1000, 1000).
  const bits = new Uint8Array(2000 * 1000).fill(1);
  const entity: Entity = {
    id: 'e1',
    label: 'block',
    score: 0.9,
    box: [1000, 1000, 2000, 1000],
    color: { name: 'red', strong: '#c0392b', light: '#f5b7b1' },
    source: 'test',
    kind: 'thing',
  };
  return {
    image: { name: 'big.jpg', width: W, height: H },
    entities: [entity],
    masks: { e1: { bbox: [1000, 1000, 2000, 1000], bits, area: bits.length, predictedIou: 0.9, source: 'sam' } },
  };
}

describe('bounded PNG exports', () => {
  it('scales boxes and masks together', () => {
    const scaled = scaleExportScene(scene(), 0.5);
    expect(scaled.image).toMatchObject({ width: 3000, height: 2000 });
    expect(scaled.entities[0].box).toEqual([500, 500, 1000, 500]);
    expect(scaled.masks.e1?.bbox).toEqual([500, 500, 1000, 500]);
    expect(scaled.masks.e1?.area).toBe(1000 * 500);
  });

  it('renders a 24 MP photo’s overlay and cut-out within MAX_RENDER_SIDE, decoding the wire masks itself', async () => {
    const photo = new Uint8Array(
      await sharp({ create: { width: W, height: H, channels: 3, background: '#336699' } })
        .jpeg()
        .toBuffer(),
    );
    const full = new Uint8Array(W * H);
    for (let y = 1000; y < 2000; y++) full.fill(1, y * W + 1000, y * W + 3000);
    const entity: SceneEntity = {
      ...scene().entities[0],
      mask: {
        rle: encodeRle(full, H, W),
        area: 2000 * 1000,
        bbox: [1000, 1000, 2000, 1000],
        predictedIou: 0.9,
        source: 'sam',
      },
    };
    const request = { photo, entities: [entity], image: scene().image, threshold: 0 };
    const overlay = await sharp(Buffer.from(await renderExportPng({ ...request, png: 'overlay' }))).metadata();
    expect([overlay.width, overlay.height]).toEqual([MAX_RENDER_SIDE, Math.round((H * MAX_RENDER_SIDE) / W)]);
    const cutout = await sharp(
      Buffer.from(await renderExportPng({ ...request, png: 'cutout', entityId: 'e1' })),
    ).metadata();
    expect(cutout.width).toBeLessThanOrEqual(Math.ceil((2000 * MAX_RENDER_SIDE) / W) + 1);
    expect(cutout.hasAlpha).toBe(true);
  });
});
