/**
 * Issue #19's mask check on the street sample: the man on the cart, whose detector box also holds the cart's
 * stake and boards, gets a mask that reaches his head (the top of his box) and leaves the stake at the box's
 * left edge; the horse keeps its head, which the box of the red car behind it also spans (occluded-mask.ts). The
 * strip width and shares below were read off this one photo: a regression check, not a tuning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { MISSES_TOP } from '@/lib/analysis/mask-reprompt';
import { decodeImage } from '@/lib/image/decode';
import { decodeRleInBox } from '@/lib/shared/rle';
import type { Scene } from '@/lib/scene/types';
import { horseHeadCovered } from './horse-head';

const IMAGE = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '08_street_horse_cart_cars.jpg');
/** The stake stands in the leftmost eighth of his box; the old mask put a sixth of its pixels there. */
const STAKE_STRIP = 0.12;
const STAKE_SHARE = 0.05;
/** His cap and face fill the top eighth of the box: 3.9% of the mask there now, 1.8% when the cap was missed. */
const HEAD_BAND = 0.12;
const HEAD_SHARE = 0.03;
/** The horse's head: 75 % of its band was the horse's mask before the car's mask gave it back, 81 % now. */
const HORSE_HEAD_COVERED = 0.8;

describe('the street man’s mask', () => {
  let scene: Scene;
  beforeAll(async () => {
    const decoded = await decodeImage(new Uint8Array(fs.readFileSync(IMAGE)));
    scene = await runAnalysis(
      { image: { decoded, decodeMs: 0 } },
      'street-man',
      () => {},
      new AbortController().signal,
    );
  });

  it('reaches his head and leaves the cart’s stake out', () => {
    const man = scene.entities.filter((e) => e.label === 'person').sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    const mask = man.mask!;
    expect(mask.bbox[1] - man.box[1]).toBeLessThanOrEqual(MISSES_TOP * man.box[3]);
    const part = decodeRleInBox(mask.rle, mask.bbox);
    const stripEnd = man.box[0] + STAKE_STRIP * man.box[2];
    const bandEnd = man.box[1] + HEAD_BAND * man.box[3];
    let inStrip = 0;
    let inBand = 0;
    for (let y = 0; y < part.height; y++)
      for (let x = 0; x < part.width; x++) {
        if (!part.bits[y * part.width + x]) continue;
        if (part.x0 + x < stripEnd) inStrip++;
        if (part.y0 + y < bandEnd) inBand++;
      }
    expect(inStrip / mask.area).toBeLessThan(STAKE_SHARE);
    expect(inBand / mask.area).toBeGreaterThan(HEAD_SHARE);
  });

  it('leaves the horse its head, which the box of the car behind it spans', () => {
    expect(horseHeadCovered(scene)).toBeGreaterThanOrEqual(HORSE_HEAD_COVERED);
  });
});
