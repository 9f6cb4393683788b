/**
 * The detector's boxes as the analysis uses them: yolox-nano on the full view and 2×2 tiles, one object per
 * entity (duplicates.ts), then, unless `trusted` is false, the checks that make the default threshold mean
 * something: tile boxes that re-find an object the full view has are dropped and scores are calibrated
 * (calibration.ts). The tagging stage, `npm run eval` and the calibration fit all call this one function.
 */
import { SERVER_SCORE_FLOOR } from '../shared/analysis';
import { detectObjects } from '../models/detector';
import { calibrateDetections, loadCalibration, type CalibrationTable } from './calibration';
import { mergeCrossClassDuplicates } from './duplicates';
import { mergeTileRefinds } from './tile-refinds';
import type { DecodedImage } from '../image/types';
import type { Detection } from '../models/detection';

export interface DetectThingsOptions {
  tiles?: boolean;
  /** false: the raw detector (the "before" of the eval, and the input of the calibration fit). */
  trusted?: boolean;
  /** A table other than the committed one; null: uncalibrated (what bench/fit-calibration.ts fits on). */
  calibration?: CalibrationTable | null;
}

export async function detectThings(image: DecodedImage, options: DetectThingsOptions = {}): Promise<Detection[]> {
  const raw = await detectObjects(image, SERVER_SCORE_FLOOR, { tiles: options.tiles });
  if (options.trusted === false) return mergeCrossClassDuplicates(raw, { animals: false });
  const merged = mergeCrossClassDuplicates(mergeTileRefinds(raw));
  if (options.calibration === null) return merged;
  return calibrateDetections(merged, options.calibration ?? loadCalibration());
}
