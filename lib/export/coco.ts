/**
 * The exported entities as a COCO-style results file: one image, a category per label, an annotation per
 * entity with its box, score and mask as uncompressed RLE (pycocotools reads it as is).
 *
 * What COCO has no place for goes in `strix` fields: on each annotation the entity id, kind, colour, which
 * models produced box and mask, the fine name and the alternative labels; at the top level the sound events.
 * Stuff regions (wall, sky…) are marked the way COCO panoptic does, `isthing: 0` on their category, plus
 * `strix.kind: 'stuff'`; `iscrowd` stays 0 because COCO evaluation would otherwise ignore them as crowd regions.
 */
import type { Box, NamedLabel, Rle } from '@/lib/shared/analysis';
import { encodeRleInBox } from '@/lib/shared/rle';
import type { ExportScene, ExportSound } from './scene';

export interface CocoAnnotation {
  id: number;
  image_id: 1;
  category_id: number;
  bbox: Box;
  area: number;
  /** Absent when the box's source gives no confidence (an endpoint's box, a user's points). */
  score?: number;
  iscrowd: 0;
  segmentation?: Rle;
  strix: {
    entityId: string;
    kind: 'thing' | 'stuff' | 'user';
    color: string;
    boxSource: string;
    maskSource?: string;
    predictedIou?: number;
    fineName?: NamedLabel;
    alternatives?: NamedLabel[];
    areaShare?: number;
  };
}

export interface CocoCategory {
  id: number;
  name: string;
  /** COCO panoptic's flag: 1 for countable things (and user-made entities), 0 for stuff regions. */
  isthing: 0 | 1;
}

export interface CocoExport {
  info: { description: string; date_created: string };
  images: [{ id: 1; file_name: string; width: number; height: number }];
  categories: CocoCategory[];
  annotations: CocoAnnotation[];
  /** The sound's named events over time, whole-clip tags and plain summary, when a sound was analysed. */
  strix?: { sound: ExportSound };
}

export function cocoExport(scene: ExportScene, now = new Date()): CocoExport {
  const { image, entities, masks, sound } = scene;
  const labels = [...new Set(entities.map((e) => e.label))];
  const isStuff = (label: string) => entities.every((e) => e.label !== label || e.kind === 'stuff');
  return {
    info: { description: 'Strix grounding (tags, boxes, SAM masks)', date_created: now.toISOString() },
    images: [{ id: 1, file_name: image.name, width: image.width, height: image.height }],
    categories: labels.map((name, i) => ({ id: i + 1, name, isthing: isStuff(name) ? 0 : 1 })),
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
        ...(mask && { segmentation: encodeRleInBox(mask.bits, mask.bbox, image.height, image.width) }),
        strix: {
          entityId: entity.id,
          kind: entity.kind,
          color: entity.color.strong,
          boxSource: entity.source,
          ...(mask && { maskSource: mask.source, predictedIou: mask.predictedIou }),
          ...(entity.fineName && { fineName: entity.fineName }),
          ...(entity.alternatives?.length && { alternatives: entity.alternatives }),
          ...(entity.areaShare !== undefined && { areaShare: entity.areaShare }),
        },
      };
    }),
    ...(sound && { strix: { sound } }),
  };
}
