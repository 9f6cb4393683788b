/** The street sample's horse head check, shared by the mask tests of both detectors. */
import type { Scene } from '@/lib/scene/types';
import { decodeRleInBox } from '@/lib/shared/rle';

/** The share of the right of the horse box's upper half (where its head is) that the horse's mask covers. */
export function horseHeadCovered(scene: Scene): number {
  const horse = scene.entities.find((e) => e.label === 'horse')!;
  const [x, y, w, h] = horse.box;
  const band = decodeRleInBox(horse.mask!.rle, [x + 0.85 * w, y + 0.05 * h, 0.15 * w, 0.45 * h]);
  return band.bits.reduce((sum, bit) => sum + bit, 0) / band.bits.length;
}
