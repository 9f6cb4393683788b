/**
 * Runs the detector (lib/analysis/detect.ts, as the analysis does) and a segmenter on every annotated photo of
 * a set (the samples, or the COCO regression set) and scores them (score.ts, metrics.ts). Shared by
 * `npm run eval` (bench/eval.ts), the calibration fit and the CI test (eval.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEEPLAB_ADE151, segmentScene, type SegmenterSpec } from '@/lib/models/ade-segmenter';
import { demoteContradicted } from '@/lib/analysis/votes';
import { DEFAULT_THRESHOLD } from '@/lib/analysis/calibration';
import { decodeImage } from '@/lib/image/decode';
import { detectThings, type DetectThingsOptions } from '@/lib/analysis/detect';
import { buildRegions } from '@/lib/analysis/regions/build';
import { matchImage, summarize, type ImageMatches } from './metrics';
import {
  AnnotationsSchema,
  scoreDetections,
  scoreStuff,
  type AnnotatedImage,
  type DetectionScore,
  type StuffScore,
} from './score';

/** The UI's default score slider (DEFAULT_VIEW in components/analysis/AnalysisProvider.tsx). */
export { DEFAULT_THRESHOLD };
export const IMAGES_DIR = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

export interface EvalSet {
  dir: string;
  images: Record<string, AnnotatedImage>;
}

export function loadAnnotations() {
  return AnnotationsSchema.parse(
    JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'tests', 'eval', 'annotations.json'), 'utf8')),
  );
}

export const samplesSet = (): EvalSet => ({ dir: IMAGES_DIR, images: loadAnnotations().images });

export interface EvalOptions extends DetectThingsOptions {
  /** Undefined: no regions (stuff naming scores zero). */
  segmenter?: SegmenterSpec;
  threshold?: number;
  /** The classifier's and segmenter's votes (lib/analysis/votes.ts), as the analysis applies them. */
  votes?: boolean;
}

export interface ImageEval {
  image: string;
  detection: DetectionScore;
  matches: ImageMatches;
  stuff: StuffScore;
  detectMs: number;
  segmentMs: number;
}

export async function evaluate(options: EvalOptions, set: EvalSet = samplesSet()): Promise<ImageEval[]> {
  const results: ImageEval[] = [];
  for (const [name, truth] of Object.entries(set.images)) {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(set.dir, name))));
    let started = performance.now();
    const detections = await detectThings(image, options);
    if (options.votes)
      await demoteContradicted(
        image,
        detections,
        await segmentScene(image, DEEPLAB_ADE151),
        options.threshold ?? DEFAULT_THRESHOLD,
      );
    const detectMs = performance.now() - started;
    started = performance.now();
    // Without SAM masks here: regions are scored on the segmenter's own class map (subtracting things
    // changes their outline, not which classes are named).
    const regions = options.segmenter
      ? buildRegions(await segmentScene(image, options.segmenter), image.width, image.height, [], 0).regions.map(
          (r) => r.entity.label,
        )
      : [];
    const segmentMs = performance.now() - started;
    results.push({
      image: name,
      detection: scoreDetections(truth, detections, options.threshold ?? DEFAULT_THRESHOLD, image.width, image.height),
      matches: matchImage(truth, detections, image.width, image.height),
      stuff: scoreStuff(truth, regions),
      detectMs,
      segmentMs,
    });
  }
  return results;
}

export function totals(results: ImageEval[], threshold = DEFAULT_THRESHOLD) {
  const stuffExpected = results.reduce((s, r) => s + r.stuff.expected, 0);
  const summary = summarize(
    results.map((r) => r.matches),
    threshold,
  );
  return {
    ...summary,
    wrong: summary.falseBoxes,
    stuffRecall: stuffExpected ? results.reduce((s, r) => s + r.stuff.named, 0) / stuffExpected : 0,
    stuffExpected,
  };
}
