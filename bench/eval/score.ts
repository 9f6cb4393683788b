/**
 * Scoring against tests/eval/annotations.json: detection recall and precision at one score threshold
 * (greedy matching, best score first, IoU ≥ 0.5 with an unmatched annotation of an accepted class), and
 * stuff naming (which of the scene's main stuff classes some region names). Pure functions: no models.
 */
import { z } from 'zod';
import type { Box } from '@/lib/shared/analysis';
import { boxIou, insideShare } from '@/lib/shared/box';

export const MATCH_IOU = 0.5;
/** COCO's "small" (under 32² px) for its ~640-px photos, scaled to each photo's long side. */
const SMALL_SIDE_AT_640 = 32;

const AnnotatedImageSchema = z.object({
  objects: z.array(
    z.object({ labels: z.array(z.string()).min(1), box: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
  ),
  ignore: z.array(z.object({ box: z.tuple([z.number(), z.number(), z.number(), z.number()]), why: z.string() })),
  ignoreLabels: z.array(z.string()).optional(),
  stuff: z.array(z.array(z.string()).min(1)),
});
export const AnnotationsSchema = z.object({ about: z.string(), images: z.record(z.string(), AnnotatedImageSchema) });
export type AnnotatedImage = z.infer<typeof AnnotatedImageSchema>;

export interface ScoredDetection {
  label: string;
  score: number;
  box: Box;
}

export interface DetectionScore {
  annotated: number;
  found: number;
  /** Detections at the threshold that matched nothing and lie on no ignore box. */
  wrong: number;
  small: number;
  smallFound: number;
}

export function isSmall(box: Box, width: number, height: number): boolean {
  const side = (SMALL_SIDE_AT_640 * Math.max(width, height)) / 640;
  return box[2] * box[3] < side * side;
}

export function scoreDetections(
  truth: AnnotatedImage,
  detections: ScoredDetection[],
  threshold: number,
  width: number,
  height: number,
): DetectionScore {
  const matched = new Set<number>();
  let wrong = 0;
  for (const d of [...detections].filter((d) => d.score >= threshold - 1e-9).sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = MATCH_IOU;
    truth.objects.forEach((o, i) => {
      const overlap = boxIou(o.box, d.box);
      if (!matched.has(i) && o.labels.includes(d.label) && overlap >= bestIou) [best, bestIou] = [i, overlap];
    });
    if (best >= 0) matched.add(best);
    else if (!truth.ignoreLabels?.includes(d.label) && !truth.ignore.some((g) => insideShare(d.box, g.box) >= 0.5))
      wrong++;
  }
  const smallIndices = truth.objects.map((o, i) => (isSmall(o.box, width, height) ? i : -1)).filter((i) => i >= 0);
  return {
    annotated: truth.objects.length,
    found: matched.size,
    wrong,
    small: smallIndices.length,
    smallFound: smallIndices.filter((i) => matched.has(i)).length,
  };
}

export interface StuffScore {
  expected: number;
  named: number;
  missing: string[];
  /** Region names not in the annotation (not necessarily wrong: only the main stuff is annotated). */
  extra: string[];
}

export function scoreStuff(truth: AnnotatedImage, regionNames: string[]): StuffScore {
  const names = new Set(regionNames);
  const missing = truth.stuff.filter((alternatives) => !alternatives.some((n) => names.has(n))).map((a) => a.join('/'));
  const annotated = new Set(truth.stuff.flat());
  return {
    expected: truth.stuff.length,
    named: truth.stuff.length - missing.length,
    missing,
    extra: [...names].filter((n) => !annotated.has(n)),
  };
}
