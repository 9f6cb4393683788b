import { describe, expect, it } from 'vitest';
import { decodeRle } from '@/lib/shared/rle';
import { cocoExport } from './coco';
import { exportFixture } from './test-fixtures';

describe('cocoExport', () => {
  const { scene, fullMasks } = exportFixture();
  const coco = cocoExport(scene, new Date('2026-01-01T00:00:00Z'));

  it('round-trips every mask exactly through its RLE segmentation', () => {
    for (const annotation of coco.annotations) {
      const expected = fullMasks[annotation.strix.entityId];
      if (!expected) {
        expect(annotation.segmentation).toBeUndefined();
        continue;
      }
      expect(annotation.segmentation!.size).toEqual([scene.image.height, scene.image.width]);
      expect(Buffer.from(decodeRle(annotation.segmentation!)).equals(Buffer.from(expected))).toBe(true);
      expect(annotation.area).toBe(expected.reduce((sum, v) => sum + v, 0));
    }
  });

  it('writes one category per label, stuff marked as COCO panoptic does', () => {
    expect(coco.categories).toEqual([
      { id: 1, name: 'truck', isthing: 1 },
      { id: 2, name: 'dog', isthing: 1 },
      { id: 3, name: 'sky', isthing: 0 },
    ]);
    expect(coco.annotations.map((a) => a.category_id)).toEqual([1, 2, 3, 2]);
    expect(coco.annotations[2]).toMatchObject({ iscrowd: 0, strix: { kind: 'stuff', areaShare: 1 } });
  });

  it('keeps fine names and alternatives, and writes no score where the source gives none', () => {
    expect(coco.annotations[0].strix.fineName).toEqual({
      label: 'pickup',
      score: 0.71,
      source: 'imagenet-mobilenetv2',
    });
    expect(coco.annotations[0].strix.alternatives).toEqual([{ label: 'car', score: 0.58, source: 'yolox-nano' }]);
    expect(coco.annotations[0].score).toBe(0.8);
    expect('score' in coco.annotations[1]).toBe(false);
    expect(coco.annotations[3]).toMatchObject({ area: 1200, bbox: [10, 20, 30, 40] });
  });

  it('carries the sound events in its strix section', () => {
    expect(coco.strix?.sound.soundEvents).toEqual(scene.sound!.soundEvents);
    expect(cocoExport({ ...scene, sound: undefined }).strix).toBeUndefined();
  });
});
