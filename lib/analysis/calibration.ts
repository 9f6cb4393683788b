/**
 * Score calibration: the detector's raw scores mean different things per class (a 0.35 person is usually
 * right, a 0.35 dining table often not) and per view (tile boxes are wrong more often than full-view ones).
 * A logistic (Platt) curve per class and view, p = σ(a·logit(score) + b), estimates how often a box is right;
 * it is fitted by bench/fit-calibration.ts per detector and stored in calibration-table[-<detector>].json. Classes with few examples
 * are pulled toward their view's curve (a penalty on the distance from it), so they fall back to it.
 * The score shown is p rescaled so that the default threshold 0.30 sits at MARGINAL_PRECISION for every
 * class: at the slider's default a box is right about that often, and boxes above it more often.
 */
import { SERVER_SCORE_FLOOR } from '../shared/analysis';
import type { Detection } from '../models/detection';
import { type DetectorId, detectorModelId } from '../models/detector';
import yoloxTable from './calibration-table.json';
import yolov5Table from './calibration-table-yolov5s.json';

export const DEFAULT_THRESHOLD = 0.3;

export interface PlattCurve {
  a: number;
  b: number;
  /** Examples (right + false boxes) the curve was fitted on. */
  n: number;
}

export interface CalibrationTable {
  about: string;
  /** The probability of being right that the default threshold stands for. */
  marginalPrecision: number;
  views: Record<'full' | 'tile', PlattCurve>;
  /** Keyed "full:person", "tile:person"; a missing key uses its view's curve. */
  classes: Record<string, PlattCurve>;
}

/** Each detector's scores mean something of their own, so each has its own fitted table. */
const TABLES: Record<DetectorId, CalibrationTable> = { 'yolox-nano': yoloxTable, yolov5s: yolov5Table };

export const calibrationFile = (detector: DetectorId) =>
  detector === 'yolox-nano' ? 'calibration-table.json' : `calibration-table-${detector}.json`;

export function loadCalibration(detector: DetectorId = detectorModelId()): CalibrationTable {
  return TABLES[detector];
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

export function rightProbability(table: CalibrationTable, label: string, rawScore: number, fromTile: boolean): number {
  const view = fromTile ? 'tile' : 'full';
  const curve = table.classes[`${view}:${label}`] ?? table.views[view];
  return 1 / (1 + Math.exp(-(curve.a * logit(rawScore) + curve.b)));
}

/** Monotone map of p so that p = marginalPrecision lands on the default threshold. */
export function displayScore(p: number, marginalPrecision: number): number {
  return p <= marginalPrecision
    ? (DEFAULT_THRESHOLD * p) / marginalPrecision
    : DEFAULT_THRESHOLD + ((1 - DEFAULT_THRESHOLD) * (p - marginalPrecision)) / (1 - marginalPrecision);
}

/** Calibrated copies, best first; boxes that fall under the server's floor are dropped as before. */
export function calibrateDetections(detections: readonly Detection[], table: CalibrationTable): Detection[] {
  const score = (label: string, raw: number, fromTile = false) =>
    displayScore(rightProbability(table, label, raw, fromTile), table.marginalPrecision);
  return detections
    .map((d) => ({
      ...d,
      score: score(d.label, d.score, d.fromTile),
      ...(d.alternatives && {
        alternatives: d.alternatives.map((a) => ({
          ...a,
          score: a.score === null ? null : score(a.label, a.score, d.fromTile),
        })),
      }),
    }))
    .filter((d) => d.score >= SERVER_SCORE_FLOOR)
    .sort((a, b) => b.score - a.score);
}
