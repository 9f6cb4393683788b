/**
 * YOLOv5s (STRIX_DETECTOR=yolov5s), converted from the npm package by `npm run models`, end to end on the street
 * sample: its car box reaches behind the horse (the whole car, as COCO boxes are drawn), and the masks still cut
 * the red car as red and leave the horse its head (occluded-mask.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { decodeImage } from '@/lib/image/decode';
import { detectorModelId, setDetector } from '@/lib/models/detector';
import { graphOf } from '@/lib/scene/graph/build';
import type { Scene } from '@/lib/scene/types';
import { horseHeadCovered } from './horse-head';

const IMAGE = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '08_street_horse_cart_cars.jpg');
/** A point on the red car's visible body, right of the horse's head. */
const RED_CAR_BODY = [880, 455];
/** The UI's default score slider: the car shown there (a weak box of its visible half is not shown). */
const THRESHOLD = 0.3;
/** With yolov5s's horse box: 70 % of the head band is the horse's mask, 15 % when the car's mask took the head. */
const HORSE_HEAD_COVERED = 0.6;

describe('yolov5s on the street sample', () => {
  let scene: Scene;
  const before = detectorModelId();
  beforeAll(async () => {
    setDetector('yolov5s');
    const decoded = await decodeImage(new Uint8Array(fs.readFileSync(IMAGE)));
    scene = await runAnalysis({ image: { decoded, decodeMs: 0 } }, 'street-v5', () => {}, new AbortController().signal);
  });
  afterAll(() => setDetector(before));

  it('finds the boxes with yolov5s and cuts the red car, not the horse in front of it', () => {
    expect(scene.entities.some((e) => e.source === 'yolov5s')).toBe(true);
    const [px, py] = RED_CAR_BODY;
    const cars = graphOf(scene).nodes.filter(
      (n) =>
        n.label === 'car' &&
        (n.score ?? 0) >= THRESHOLD &&
        n.box[0] < px &&
        px < n.box[0] + n.box[2] &&
        n.box[1] < py &&
        py < n.box[1] + n.box[3],
    );
    // Its faded paint sits on the colour table's red / pink border (mean L 59–60 against the border's 60, whichever
    // mask): the check is that the mask is the car's, not the horse's brown or the white car's beside it.
    expect(cars.length).toBe(1);
    expect(['red', 'pink']).toContain(cars[0].colour);
  });

  it('leaves the horse its head', () => {
    expect(horseHeadCovered(scene)).toBeGreaterThanOrEqual(HORSE_HEAD_COVERED);
  });
});
