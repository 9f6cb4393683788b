/**
 * The other models vote on each detection. The ImageNet classifier contradicts a box when it is confident
 * (top class ≥ CONFIDENT) about its crop and WordNet puts none of its probable classes under the box's label;
 * the ADE20K segmenter contradicts it when the classes it has for that label (find/vocabulary.ts) cover almost
 * none of the box. A model with nothing to say abstains (a segmenter without a "tie" class cannot object to a
 * tie). Only when both contradict is the box demoted: its score is scaled down (it stays, under the default
 * threshold) and the two models' names become its alternatives.
 */
import type { NamedLabel } from '../shared/analysis';
import type { SceneSegmentation } from '../models/ade-segmenter';
import { classifyCrops, imagenetClasses, MOBILENET_SOURCE } from '../models/mobilenet';
import { boxWithMargin } from '../image/crop';
import type { DecodedImage } from '../image/types';
import { fineNameFor } from './stages/fine-names';
import { classesForWord } from './find/vocabulary';
import type { Box } from '../shared/analysis';

/** The classifier's top class must be at least this probable to count as a contradiction. */
const CONFIDENT = 0.4;
/** The segmenter contradicts when the label's classes cover less than this share of the box. */
const MIN_SHARE = 0.1;
/** Context around each box, as for fine names (stages/fine-names.ts). */
const CROP_MARGIN = 0.1;
/** A demoted box keeps this share of its score. */
export const DEMOTION = 0.5;

export interface Vote {
  contradicted: boolean;
  alternatives: NamedLabel[];
}

function classifierVote(probabilities: Float32Array, label: string): NamedLabel | undefined {
  let top = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[top]) top = i;
  if (
    probabilities[top] < CONFIDENT ||
    fineNameFor(probabilities, label) ||
    imagenetClasses()[top].names[0].toLowerCase() === label
  )
    return undefined;
  return { label: imagenetClasses()[top].names[0], score: probabilities[top], source: MOBILENET_SOURCE };
}

/** The box's share of each segmenter class, over the class map's pixels inside it. */
function segmenterVote(
  seg: SceneSegmentation,
  box: Box,
  label: string,
  width: number,
  height: number,
): NamedLabel | undefined {
  const own = new Set(
    classesForWord(label)
      .classes.filter((c) => c.model === seg.spec.source)
      .map((c) => seg.labels.indexOf(c.label)),
  );
  if (own.size === 0) return undefined; // the segmenter has no class for it: abstain
  const { geometry, classes } = seg;
  const S = geometry.inputSize,
    sx = geometry.resizedWidth / width,
    sy = geometry.resizedHeight / height;
  const counts = new Map<number, number>();
  let total = 0,
    inside = 0;
  for (let y = Math.floor(box[1] * sy); y < Math.min(geometry.resizedHeight, Math.ceil((box[1] + box[3]) * sy)); y++) {
    for (let x = Math.floor(box[0] * sx); x < Math.min(geometry.resizedWidth, Math.ceil((box[0] + box[2]) * sx)); x++) {
      const c = classes[y * S + x];
      counts.set(c, (counts.get(c) ?? 0) + 1);
      total++;
      if (own.has(c)) inside++;
    }
  }
  if (total === 0 || inside / total >= MIN_SHARE) return undefined;
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best > 0 ? { label: seg.labels[best], score: count / total, source: seg.spec.source } : undefined;
}

export function voteOn(
  label: string,
  box: Box,
  crop: Float32Array | undefined,
  seg: SceneSegmentation | undefined,
  width: number,
  height: number,
): Vote {
  const byClassifier = crop && classifierVote(crop, label);
  const bySegmenter = byClassifier && seg && segmenterVote(seg, box, label, width, height);
  return byClassifier && bySegmenter
    ? { contradicted: true, alternatives: [byClassifier, bySegmenter] }
    : { contradicted: false, alternatives: [] };
}

/**
 * Votes on every box at or above `threshold` (boxes under it are not shown anyway), one classifier batch:
 * contradicted ones come back demoted, with the voters' names added to their alternatives.
 */
export async function demoteContradicted<
  T extends { label: string; score: number | null; box: Box; alternatives?: NamedLabel[] },
>(image: DecodedImage, items: T[], seg: SceneSegmentation | undefined, threshold: number): Promise<Set<T>> {
  const candidates = items.filter((d) => (d.score ?? 0) >= threshold);
  const crops = await classifyCrops(
    image,
    candidates.map((d) => boxWithMargin(d.box, CROP_MARGIN, image.width, image.height)),
  );
  const demoted = new Set<T>();
  candidates.forEach((d, i) => {
    const vote = voteOn(d.label, d.box, crops[i], seg, image.width, image.height);
    if (!vote.contradicted) return;
    d.score = (d.score ?? 0) * DEMOTION;
    d.alternatives = [
      ...(d.alternatives ?? []),
      ...vote.alternatives.filter((a) => !d.alternatives?.some((b) => b.label === a.label)),
    ];
    demoted.add(d);
  });
  return demoted;
}
