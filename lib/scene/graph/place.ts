/**
 * Where an entity is, in words people use. Left / centre / right and top / middle / bottom are thirds of the
 * frame (the rule-of-thirds split people already think in). Front / back comes from ground-plane perspective:
 * with the camera roughly level, things standing on the ground are nearer the lower their bottom edge sits in
 * the frame, and a thing filling much of the frame is near. The cut-offs are geometric, not fitted to samples:
 * a bottom edge in the lowest tenth of the frame, or an area over 15 %, is "front"; a bottom edge above the
 * frame's middle with an area under 5 % (the "small" size class) is "back".
 */
import type { Box } from '@/lib/shared/analysis';
import type { DepthZone, HorizontalZone, SizeClass, VerticalZone } from './types';

/** Area thresholds as a fraction of the image: under 5 % is small, under 25 % medium, else large. */
export const SMALL_AREA_FRACTION = 0.05;
export const LARGE_AREA_FRACTION = 0.25;
const FRONT_BOTTOM_EDGE = 0.9;
const FRONT_MIN_AREA = 0.15;
const BACK_BOTTOM_EDGE = 0.5;

export function horizontalZone(x: number, width: number): HorizontalZone {
  if (x < width / 3) return 'left';
  if (x > (2 * width) / 3) return 'right';
  return 'centre';
}

export function verticalZone(y: number, height: number): VerticalZone {
  if (y < height / 3) return 'top';
  if (y > (2 * height) / 3) return 'bottom';
  return 'middle';
}

export function describePosition(h: HorizontalZone, v: VerticalZone): string {
  if (v === 'middle') return h === 'centre' ? 'in the centre' : `on the ${h}`;
  if (h === 'centre') return `at the ${v}`;
  return `at the ${v} ${h}`;
}

export function sizeClass(areaFraction: number): SizeClass {
  if (areaFraction < SMALL_AREA_FRACTION) return 'small';
  if (areaFraction < LARGE_AREA_FRACTION) return 'medium';
  return 'large';
}

export function depthZone(box: Box, areaFraction: number, imageHeight: number): DepthZone {
  const bottom = (box[1] + box[3]) / Math.max(1, imageHeight);
  if (bottom >= FRONT_BOTTOM_EDGE || areaFraction >= FRONT_MIN_AREA) return 'front';
  if (bottom < BACK_BOTTOM_EDGE && areaFraction < SMALL_AREA_FRACTION) return 'back';
  return 'middle';
}
