/**
 * The COCO regression set (../shared/benchmarks/coco: 128 train2017 photos and their instances.json) in the
 * samples' annotation form. The detector was trained on these photos, so its figures here are optimistic: a
 * regression check, not a claim about new photos. Crowd annotations become ignore boxes, as COCO's own
 * evaluation treats them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnnotatedImage } from './score';

export const COCO_DIR = process.env.COCO_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'benchmarks', 'coco');

interface Instances {
  images: { id: number; file_name: string }[];
  annotations: { image_id: number; category_id: number; bbox: [number, number, number, number]; iscrowd: number }[];
  categories: { id: number; name: string }[];
}

export function loadCoco(): { dir: string; images: Record<string, AnnotatedImage> } {
  const data = JSON.parse(fs.readFileSync(path.join(COCO_DIR, 'instances.json'), 'utf8')) as Instances;
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  const byId = new Map<number, AnnotatedImage>(data.images.map((i) => [i.id, { objects: [], ignore: [], stuff: [] }]));
  for (const a of data.annotations) {
    const image = byId.get(a.image_id)!;
    // COCO names match yolox's class list (both are COCO's 80), so labels need no mapping.
    if (a.iscrowd) image.ignore.push({ box: a.bbox, why: `crowd of ${names.get(a.category_id)}` });
    else image.objects.push({ labels: [names.get(a.category_id)!], box: a.bbox });
  }
  const images: Record<string, AnnotatedImage> = {};
  for (const i of [...data.images].sort((a, b) => a.file_name.localeCompare(b.file_name)))
    images[i.file_name] = byId.get(i.id)!;
  return { dir: path.join(COCO_DIR, 'images'), images };
}
