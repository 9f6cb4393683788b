import { describe, expect, it } from 'vitest';
import type { Entity } from '@/lib/shared/analysis';
import { colorForIndex } from '@/lib/shared/palette';
import { decodeRle, encodeRle } from '@/lib/shared/rle';
import { cocoExport } from './coco-export';
import { decodeMask } from './masks';

describe('cocoExport', () => {
  it('writes one category per label and each mask back at full-image size', () => {
    const width = 6;
    const height = 4;
    const pixels = new Uint8Array(width * height);
    pixels[1 * width + 2] = pixels[1 * width + 3] = pixels[2 * width + 3] = 1;
    const wire = { rle: encodeRle(pixels, height, width), area: 3, bbox: [2, 1, 2, 2] as [number, number, number, number], predictedIou: 0.9, source: 'sam' };
    const entity = (id: string, label: string): Entity => ({ id, label, score: 0.8, box: [2, 1, 2, 2], color: colorForIndex(0), source: 'yolox-nano', kind: 'thing' });
    const mask = decodeMask('e1', wire)!;
    const result = cocoExport({ name: 'x.png', width, height }, [entity('e1', 'dog'), entity('e2', 'dog'), entity('e3', 'cat')], { e1: mask });

    expect(result.categories).toEqual([{ id: 1, name: 'dog' }, { id: 2, name: 'cat' }]);
    expect(result.annotations.map((a) => a.category_id)).toEqual([1, 1, 2]);
    expect(Array.from(decodeRle(result.annotations[0].segmentation!))).toEqual(Array.from(pixels));
    expect(result.annotations[0]).toMatchObject({ area: 3, strix: { entityId: 'e1', maskSource: 'sam' } });
    expect(result.annotations[1].segmentation).toBeUndefined();
  });
});
