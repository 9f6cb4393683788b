/**
 * PP-OCRv4 on the real models and sample photos: words that are plainly legible must be read, photos with
 * no text must give nothing, and every box must lie inside its image. Words, not exact floats.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoxSchema } from '@/lib/shared/analysis';
import { decodeImage } from '@/lib/image/decode';
import { readText, type TextRegion } from '@/lib/models/ppocr';
import type { DecodedImage } from '@/lib/image/types';

const IMAGES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

async function load(name: string): Promise<DecodedImage> {
  return decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES, name))));
}

function expectWellFormed(regions: TextRegion[], image: DecodedImage): void {
  for (const r of regions) {
    BoxSchema.parse(r.box);
    const [x, y, w, h] = r.box;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(image.width + 1e-6);
    expect(y + h).toBeLessThanOrEqual(image.height + 1e-6);
    expect(w * h).toBeGreaterThan(0);
    expect(r.text.trim()).not.toBe('');
    expect(r.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.source).toBe('pp-ocrv4');
  }
  // Reading order: tops never go up by more than PaddleOCR's same-line tolerance.
  for (let i = 1; i < regions.length; i++) expect(regions[i].box[1]).toBeGreaterThan(regions[i - 1].box[1] - 10);
}

const texts = (regions: TextRegion[]) => regions.map((r) => r.text.toLowerCase());

describe('readText (PP-OCRv4)', () => {
  it('reads the Portuguese billboard in the street photo', async () => {
    const image = await load('08_street_horse_cart_cars.jpg');
    const regions = await readText(image);
    expectWellFormed(regions, image);
    expect(texts(regions).some((t) => t.includes('acabamento'))).toBe(true);
    // "Iluminação": the dictionary has no ç/ã, so match the letters it can spell.
    expect(texts(regions).some((t) => t.startsWith('ilumina'))).toBe(true);
    // The billboard is in the upper-left quarter of the photo.
    const word = regions.find((r) => r.text.toLowerCase().includes('acabamento'))!;
    expect(word.box[0] + word.box[2]).toBeLessThan(image.width / 2);
    expect(word.box[1] + word.box[3]).toBeLessThan(image.height / 2);
  });

  it('reads Chinese signs, horizontal and vertical, in the restaurant photo', async () => {
    const image = await load('12_restaurant_kitchen_bowls.jpg');
    const regions = await readText(image);
    expectWellFormed(regions, image);
    const all = regions.map((r) => r.text);
    expect(all.some((t) => t.includes('空调开放'))).toBe(true);
    // The red vertical sign (鼓楼客栈) is read after rotating its tall crop.
    const vertical = regions.find((r) => r.text.includes('客栈'));
    expect(vertical).toBeDefined();
    expect(vertical!.box[3]).toBeGreaterThan(vertical!.box[2]);
  });

  it('keeps the largest lines when capped', async () => {
    const image = await load('12_restaurant_kitchen_bowls.jpg');
    const regions = await readText(image, { maxRegions: 1 });
    expect(regions.map((r) => r.text)).toEqual(['空调开放']);
  });

  it('finds no text in photos without any', async () => {
    for (const name of ['01_truck.jpg', '10_person_laptop_office.jpg']) {
      expect(await readText(await load(name))).toEqual([]);
    }
  });

  it('returns lower-confidence lines when asked', async () => {
    const image = await load('08_street_horse_cart_cars.jpg');
    const strict = await readText(image);
    const loose = await readText(image, { minConfidence: 0 });
    expect(loose.length).toBeGreaterThanOrEqual(strict.length);
    expectWellFormed(strict, image);
  });
});
