/**
 * The visible entities as a COCO-style results file: one image, a category per label, an annotation per
 * entity with its box, score and mask as uncompressed RLE (pycocotools reads it as is). The extra
 * `strix` fields keep what COCO has no place for: entity id, colour and which model produced box and mask.
 */
import type { Box, Entity, Rle } from '@/lib/shared/analysis';
import { encodeRle } from '@/lib/shared/rle';
import type { ClientMask } from './masks';

export interface CocoAnnotation {
  id: number;
  image_id: 1;
  category_id: number;
  bbox: Box;
  area: number;
  /** Absent when the box's source gives no confidence (an endpoint's box): COCO tools read no score as none. */
  score?: number;
  iscrowd: 0;
  segmentation?: Rle;
  strix: { entityId: string; color: string; boxSource: string; maskSource?: string; predictedIou?: number };
}

export interface CocoExport {
  info: { description: string; date_created: string };
  images: [{ id: 1; file_name: string; width: number; height: number }];
  categories: { id: number; name: string }[];
  annotations: CocoAnnotation[];
}

/** A cropped client mask back to a full-image RLE. */
function fullImageRle(mask: ClientMask, width: number, height: number): Rle {
  const full = new Uint8Array(width * height);
  const [bx, by, bw, bh] = mask.bbox;
  for (let y = 0; y < bh; y++) full.set(mask.bits.subarray(y * bw, (y + 1) * bw), (by + y) * width + bx);
  return encodeRle(full, height, width);
}

export function cocoExport(
  image: { name: string; width: number; height: number },
  entities: Entity[],
  masks: Record<string, ClientMask | undefined>,
  now = new Date(),
): CocoExport {
  const labels = [...new Set(entities.map((e) => e.label))];
  return {
    info: { description: 'Strix grounding (tags, boxes, SAM masks)', date_created: now.toISOString() },
    images: [{ id: 1, file_name: image.name, width: image.width, height: image.height }],
    categories: labels.map((name, i) => ({ id: i + 1, name })),
    annotations: entities.map((entity, i) => {
      const mask = masks[entity.id];
      return {
        id: i + 1,
        image_id: 1,
        category_id: labels.indexOf(entity.label) + 1,
        bbox: entity.box,
        area: mask ? mask.area : Math.round(entity.box[2] * entity.box[3]),
        ...(entity.score !== null && { score: entity.score }),
        iscrowd: 0,
        ...(mask && { segmentation: fullImageRle(mask, image.width, image.height) }),
        strix: { entityId: entity.id, color: entity.color.strong, boxSource: entity.source, maskSource: mask?.source, predictedIou: mask?.predictedIou },
      };
    }),
  };
}
