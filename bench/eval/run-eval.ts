/**
 * Runs the detector (with or without tiles) and a segmenter on every annotated sample and scores them
 * (score.ts). Shared by `npm run eval` (bench/eval.ts, before/after tables) and the CI test (eval.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_SCORE_FLOOR } from '@/lib/shared/analysis';
import { detectObjects } from '@/lib/models/yolox';
import { segmentScene, type SegmenterSpec } from '@/lib/models/ade-segmenter';
import { decodeImage } from '@/lib/image/decode';
import { mergeCrossClassDuplicates } from '@/lib/analysis/duplicates';
import { buildRegions } from '@/lib/analysis/regions/build';
import { AnnotationsSchema, scoreDetections, scoreStuff, type DetectionScore, type StuffScore } from './score';

/** The UI's default score slider (DEFAULT_VIEW in components/analysis/AnalysisProvider.tsx). */
export const DEFAULT_THRESHOLD = 0.3;
export const IMAGES_DIR = process.env.SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');

export function loadAnnotations() {
  return AnnotationsSchema.parse(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'tests', 'eval', 'annotations.json'), 'utf8')));
}

export interface EvalOptions {
  tiles: boolean;
  /** Undefined: no regions (stuff naming scores zero). */
  segmenter?: SegmenterSpec;
  threshold?: number;
}

export interface ImageEval {
  image: string;
  detection: DetectionScore;
  stuff: StuffScore;
  detectMs: number;
  segmentMs: number;
}

export async function evaluate(options: EvalOptions): Promise<ImageEval[]> {
  const { images } = loadAnnotations();
  const results: ImageEval[] = [];
  for (const [name, truth] of Object.entries(images)) {
    const image = await decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES_DIR, name))));
    let started = performance.now();
    const detections = mergeCrossClassDuplicates(await detectObjects(image, SERVER_SCORE_FLOOR, { tiles: options.tiles }));
    const detectMs = performance.now() - started;
    started = performance.now();
    // Without SAM masks here: regions are scored on the segmenter's own class map (subtracting things
    // changes their outline, not which classes are named).
    const regions = options.segmenter
      ? buildRegions(await segmentScene(image, options.segmenter), image.width, image.height, [], 0).regions.map((r) => r.entity.label)
      : [];
    const segmentMs = performance.now() - started;
    results.push({
      image: name,
      detection: scoreDetections(truth, detections, options.threshold ?? DEFAULT_THRESHOLD, image.width, image.height),
      stuff: scoreStuff(truth, regions),
      detectMs,
      segmentMs,
    });
  }
  return results;
}

export function totals(results: ImageEval[]) {
  const sum = (pick: (r: ImageEval) => number) => results.reduce((s, r) => s + pick(r), 0);
  const annotated = sum((r) => r.detection.annotated);
  const found = sum((r) => r.detection.found);
  const wrong = sum((r) => r.detection.wrong);
  const small = sum((r) => r.detection.small);
  const stuffExpected = sum((r) => r.stuff.expected);
  return {
    recall: found / annotated,
    precision: found + wrong > 0 ? found / (found + wrong) : 0,
    smallRecall: small ? sum((r) => r.detection.smallFound) / small : 0,
    stuffRecall: stuffExpected ? sum((r) => r.stuff.named) / stuffExpected : 0,
    annotated,
    found,
    wrong,
    small,
    stuffExpected,
  };
}
