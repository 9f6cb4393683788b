/** Image ↔ screen geometry shared by the canvas, its wrapper's test attributes and the hover logic. */
import type { Entity } from '@/lib/shared/analysis';
import { pickHoverPoint, type ClientMask } from '../shared/mask-bitmap';

/** Largest scale that fits the image in the box, never enlarging more than `maxUpscale` (small images blur). */
export function fitScale(
  imageWidth: number,
  imageHeight: number,
  maxWidth: number,
  maxHeight: number,
  maxUpscale = 2,
): number {
  if (imageWidth <= 0 || imageHeight <= 0 || maxWidth <= 0 || maxHeight <= 0) return 0;
  return Math.min(maxWidth / imageWidth, maxHeight / imageHeight, maxUpscale);
}

/**
 * Per visible entity, a point in CSS pixels (relative to the stage's top-left) where hovering picks that
 * entity: inside its mask and clear of smaller masks on top; the box centre when it has no mask yet.
 * Entities whose mask is entirely covered by smaller ones are left out: no point can reach them.
 */
export function entityHoverPoints(
  visible: readonly Entity[],
  masks: Readonly<Record<string, ClientMask>>,
  scale: number,
): Record<string, [number, number]> {
  const visibleMasks = visible.map((e) => masks[e.id]).filter((m): m is ClientMask => Boolean(m));
  // The margin, in image pixels, covers rounding between CSS pixels and image pixels.
  const margin = Math.ceil(2 / Math.max(scale, 1e-6));
  const scores = new Map(visible.map((e) => [e.id, e.score]));
  const scoreOf = (id: string) => scores.get(id) ?? 0;
  const points: Record<string, [number, number]> = {};
  for (const entity of visible) {
    const mask = masks[entity.id];
    const [x, y, w, h] = entity.box;
    const point = mask ? pickHoverPoint(mask, visibleMasks, margin, scoreOf) : [x + w / 2, y + h / 2];
    if (point) points[entity.id] = [round1(point[0] * scale), round1(point[1] * scale)];
  }
  return points;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
