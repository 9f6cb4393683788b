/**
 * Detection metrics from one greedy matching (best score first, IoU ≥ 0.5, class in the object's accepted
 * labels): because matching goes best first, the matches among boxes scoring ≥ t are the same whatever the
 * floor, so one pass at the server's floor gives precision/recall at any threshold and the AP50 curve.
 * Pure functions: no models.
 */

import { isSmall, MATCH_IOU, type AnnotatedImage, type ScoredDetection } from './score';
import { boxIou, insideShare } from '@/lib/shared/box';

/** One detection's verdict: a hit, a false box, or neither (on an ignore box or an ignored label). */
export interface RankedMatch {
  label: string;
  score: number;
  hit: boolean;
  ignored: boolean;
  fromTile?: boolean;
}

export interface ImageMatches {
  ranked: RankedMatch[];
  annotated: number;
  /** For each annotated object: the score of the detection that matched it, or -1. */
  matchedScore: number[];
  small: boolean[];
}

export function matchImage(
  truth: AnnotatedImage,
  detections: (ScoredDetection & { fromTile?: boolean })[],
  width: number,
  height: number,
): ImageMatches {
  const matchedScore = truth.objects.map(() => -1);
  const ranked: RankedMatch[] = [];
  for (const d of [...detections].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = MATCH_IOU;
    truth.objects.forEach((o, i) => {
      const overlap = boxIou(o.box, d.box);
      if (matchedScore[i] < 0 && o.labels.includes(d.label) && overlap >= bestIou) [best, bestIou] = [i, overlap];
    });
    if (best >= 0) matchedScore[best] = d.score;
    const ignored =
      best < 0 &&
      (!!truth.ignoreLabels?.includes(d.label) || truth.ignore.some((g) => insideShare(d.box, g.box) >= 0.5));
    ranked.push({ label: d.label, score: d.score, hit: best >= 0, ignored, fromTile: d.fromTile });
  }
  return {
    ranked,
    annotated: truth.objects.length,
    matchedScore,
    small: truth.objects.map((o) => isSmall(o.box, width, height)),
  };
}

export interface DetectionSummary {
  precision: number;
  recall: number;
  ap50: number;
  smallRecall: number;
  falsePerPhoto: number;
  found: number;
  annotated: number;
  falseBoxes: number;
  small: number;
  smallFound: number;
  photos: number;
}

/** Precision, recall, small recall and false boxes at `threshold`; AP50 over all scores (pooled over classes). */
export function summarize(images: ImageMatches[], threshold: number): DetectionSummary {
  const all = images.flatMap((m) => m.ranked).filter((r) => !r.ignored);
  const kept = all.filter((r) => r.score >= threshold - 1e-9);
  const found = kept.filter((r) => r.hit).length;
  const annotated = images.reduce((s, m) => s + m.annotated, 0);
  const smallScores = images.flatMap((m) => m.matchedScore.filter((_, i) => m.small[i]));
  const smallFound = smallScores.filter((s) => s >= threshold - 1e-9).length;
  return {
    precision: kept.length ? found / kept.length : 0,
    recall: annotated ? found / annotated : 0,
    ap50: averagePrecision(all, annotated),
    smallRecall: smallScores.length ? smallFound / smallScores.length : 0,
    falsePerPhoto: images.length ? (kept.length - found) / images.length : 0,
    found,
    annotated,
    falseBoxes: kept.length - found,
    small: smallScores.length,
    smallFound,
    photos: images.length,
  };
}

/** VOC/COCO-style AP: area under the precision envelope, sampled at 101 recall points as COCO does. */
export function averagePrecision(ranked: RankedMatch[], annotated: number): number {
  if (annotated === 0) return 0;
  const sorted = [...ranked].sort((a, b) => b.score - a.score);
  const recall: number[] = [];
  const precision: number[] = [];
  let hits = 0;
  sorted.forEach((r, i) => {
    if (r.hit) hits++;
    recall.push(hits / annotated);
    precision.push(hits / (i + 1));
  });
  for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i], precision[i + 1]);
  let sum = 0;
  for (let k = 0; k <= 100; k++) {
    const at = recall.findIndex((r) => r >= k / 100);
    sum += at >= 0 ? precision[at] : 0;
  }
  return sum / 101;
}
