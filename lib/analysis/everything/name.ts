/**
 * Names for everything-mode regions, only from what the models say: a detector box the region coincides with
 * (its COCO class), else the segmenter's class under most of the region (ADE20K), and then the ImageNet
 * classifier on the region's crop as a finer name, kept only when WordNet puts it under that name (as fine
 * names are, fine-names.ts). A region no model names stays "region", with no name made up.
 */
import type { NamedLabel } from '../../shared/analysis';
import type { SceneSegmentation } from '../../models/ade-segmenter';
import { SAM_INPUT_SIZE, SAM_LOW_RES_SIZE } from '../../models/sam/preprocess';

import type { Detection } from '../../models/detection';
import type { GeneratedRegion } from './generate';
import { boxIou } from '@/lib/shared/box';

export const UNNAMED_REGION = 'region';
/** A region whose box overlaps a detection this much is that object (as SAM's box prompt would cut it). */
const SAME_OBJECT_IOU = 0.7;
/** The segmenter's class must cover this share of the region to name it (a clear majority, not a border). */
const MIN_CLASS_SHARE = 0.6;

export interface RegionName {
  label: string;
  score: number | null;
  source: string;
  /** The detection it coincides with (its thing entity already has a mask). */
  detection?: Detection;
  /** Other models' names for it, when they differ. */
  alternatives: NamedLabel[];
  stuff: boolean;
}

/** The segmenter's majority class over the region's positive low-res cells, with its share. */
export function segmenterClassUnder(
  region: GeneratedRegion,
  seg: SceneSegmentation,
  width: number,
  height: number,
): { label: string; share: number } | undefined {
  const { geometry, classes, labels } = seg;
  const S = geometry.inputSize;
  // Low-res cell → SAM's 1024 frame → image pixels → segmenter input pixels.
  const samScale = Math.max(width, height) / SAM_INPUT_SIZE;
  const cell = SAM_INPUT_SIZE / SAM_LOW_RES_SIZE;
  const toSegX = geometry.resizedWidth / width,
    toSegY = geometry.resizedHeight / height;
  const votes = new Map<number, number>();
  let total = 0;
  for (let y = 0; y < SAM_LOW_RES_SIZE; y++) {
    for (let x = 0; x < SAM_LOW_RES_SIZE; x++) {
      if (region.lowRes[y * SAM_LOW_RES_SIZE + x] <= 0) continue;
      const ix = (x + 0.5) * cell * samScale,
        iy = (y + 0.5) * cell * samScale;
      if (ix >= width || iy >= height) continue;
      const c = classes[Math.min(S - 1, Math.floor(iy * toSegY)) * S + Math.min(S - 1, Math.floor(ix * toSegX))];
      votes.set(c, (votes.get(c) ?? 0) + 1);
      total++;
    }
  }
  const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  // Class 0 is ADE20K's "other": no name.
  return best > 0 && total > 0 ? { label: labels[best], share: count / total } : undefined;
}

export function nameRegion(
  region: GeneratedRegion,
  detections: readonly Detection[],
  seg: SceneSegmentation | undefined,
  width: number,
  height: number,
  isStuff: (label: string) => boolean,
): RegionName {
  const detection = detections.find((d) => boxIou(d.box, region.box) >= SAME_OBJECT_IOU);
  const under = seg && segmenterClassUnder(region, seg, width, height);
  const segName =
    under && under.share >= MIN_CLASS_SHARE
      ? { label: under.label, score: under.share, source: seg!.spec.modelId }
      : undefined;
  if (detection) {
    const alternatives = segName && segName.label !== detection.label ? [segName] : [];
    return {
      label: detection.label,
      score: detection.score,
      source: detection.source,
      detection,
      alternatives,
      stuff: false,
    };
  }
  if (segName) return { ...segName, alternatives: [], stuff: isStuff(segName.label) };
  return { label: UNNAMED_REGION, score: null, source: 'none', alternatives: [], stuff: false };
}
