/**
 * Facts about a scene that answers can be built from: where each entity is, how big, what colour, how many of
 * each label, and how entities relate. Computed once per question from the entities above the user's
 * threshold; pure, so the built-in answerer and the endpoint prompt agree on what is in the image.
 */
import type { Box } from '@/lib/shared/analysis';
import { boxCoreMask, decodeRleCropped, maskCentroid } from './cropped-mask';
import { dominantColourName, type ColourName } from './colour-names';
import { computeRelations, type Relation } from './relations';
import type { AnswerSceneInput, SoundSummaryInput, TextInput } from './types';

export type HorizontalZone = 'left' | 'centre' | 'right';
export type VerticalZone = 'top' | 'middle' | 'bottom';
export type SizeClass = 'small' | 'medium' | 'large';

/** Area thresholds as a fraction of the image: under 5% is small, under 25% medium, else large. */
export const SMALL_AREA_FRACTION = 0.05;
export const LARGE_AREA_FRACTION = 0.25;

export interface EntityFacts {
  id: string;
  label: string;
  score: number | null;
  box: Box;
  /** Mask centroid when there is a mask (the box centre of a tilted object can lie off it), else box centre. */
  centre: [number, number];
  horizontal: HorizontalZone;
  vertical: VerticalZone;
  /** Plain words for the position: "on the left", "at the top right", "in the centre". */
  position: string;
  /** Mask area (box area without a mask) over image area. */
  areaFraction: number;
  size: SizeClass;
  /** 1 = the biggest entity in the scene. */
  sizeRank: number;
  /** Dominant colour of the mask's pixels (of the box's central half when there is no mask). */
  colour: ColourName | null;
  colourFromMask: boolean;
}

export interface LabelCount {
  label: string;
  count: number;
}

export interface SceneFacts {
  width: number;
  height: number;
  /** In the caller's order (highest score first is the convention). */
  entities: EntityFacts[];
  /** Most frequent label first, ties in order of first appearance. */
  counts: LabelCount[];
  relations: Relation[];
  /** Entity ids; null when the scene is empty. */
  leftMostId: string | null;
  rightMostId: string | null;
  biggestId: string | null;
  smallestId: string | null;
  sound?: SoundSummaryInput;
  texts?: TextInput[];
}

/** Thirds of the frame: the usual way people say left / centre / right. */
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

export function computeSceneFacts(input: AnswerSceneInput): SceneFacts {
  const { width, height, rgb } = input.image;
  const imageArea = Math.max(1, width * height);
  const decoded = input.entities.map((entity) => {
    const mask = entity.mask;
    // A mask of another size (should not happen) cannot be laid over these pixels: treat it as absent.
    const usable = mask && mask.area > 0 && mask.rle.size[0] === height && mask.rle.size[1] === width;
    return usable ? decodeRleCropped(mask.rle, mask.bbox) : undefined;
  });

  const entities: EntityFacts[] = input.entities.map((entity, index) => {
    const mask = decoded[index];
    const [bx, by, bw, bh] = entity.box;
    const centre = (mask && maskCentroid(mask)) || ([bx + bw / 2, by + bh / 2] as [number, number]);
    const horizontal = horizontalZone(centre[0], width);
    const vertical = verticalZone(centre[1], height);
    const area = mask && entity.mask ? entity.mask.area : bw * bh;
    const areaFraction = area / imageArea;
    const vote = dominantColourName(rgb, width, mask ?? boxCoreMask(entity.box, width, height));
    return {
      id: entity.id,
      label: entity.label,
      score: entity.score,
      box: entity.box,
      centre,
      horizontal,
      vertical,
      position: describePosition(horizontal, vertical),
      areaFraction,
      size: sizeClass(areaFraction),
      sizeRank: 0,
      colour: vote?.name ?? null,
      colourFromMask: Boolean(mask),
    };
  });

  const bySize = [...entities].sort((a, b) => b.areaFraction - a.areaFraction);
  bySize.forEach((facts, rank) => (facts.sizeRank = rank + 1));
  const byX = [...entities].sort((a, b) => a.centre[0] - b.centre[0]);

  const relations = computeRelations(
    input.entities.map((entity, index) => ({ id: entity.id, box: entity.box, mask: decoded[index] })),
  );

  return {
    width,
    height,
    entities,
    counts: countLabels(entities),
    relations,
    leftMostId: byX[0]?.id ?? null,
    rightMostId: byX[byX.length - 1]?.id ?? null,
    biggestId: bySize[0]?.id ?? null,
    smallestId: bySize[bySize.length - 1]?.id ?? null,
    sound: input.soundSummary,
    texts: input.texts,
  };
}

export function countLabels(entities: { label: string }[]): LabelCount[] {
  const counts = new Map<string, number>();
  for (const { label } of entities) counts.set(label, (counts.get(label) ?? 0) + 1);
  // Map keeps insertion order and sort is stable, so ties stay in order of first appearance.
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

export function entityById(facts: SceneFacts, id: string | null): EntityFacts | undefined {
  return id ? facts.entities.find((entity) => entity.id === id) : undefined;
}
