/**
 * Fits the calibration table of the detector in use (STRIX_DETECTOR; lib/analysis/calibration-table[-<id>].json): per (view, class) Platt curves p = σ(a·logit(score) + b) of "this box
 * is right" (IoU ≥ 0.5 with an annotated object of its class) on the uncalibrated boxes (after tile re-finds
 * and duplicates are removed) of the COCO regression set and the annotated samples. Boxes on ignore regions
 * are left out. Each view's curve is fitted first; each class's curve is then fitted with a penalty
 * PRIOR_WEIGHT·|θ − θ_view|², so a class with few boxes stays near its view's curve. `npx tsx bench/fit-calibration.ts`
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CalibrationTable, calibrationFile, type PlattCurve } from '../lib/analysis/calibration';
import { detectorModelId } from '../lib/models/detector';
import { loadCoco } from './eval/coco';
import type { RankedMatch } from './eval/metrics';
import { evaluate, samplesSet } from './eval/run-eval';

/** How often a box at the default threshold should be right (boxes above it are right more often). */
const MARGINAL_PRECISION = 0.4;
/** Pseudo-weight of the view's curve in each class's fit: about this many boxes' worth. */
const PRIOR_WEIGHT = 4;
/** Classes with fewer boxes than this keep their view's curve outright. */
const MIN_CLASS_BOXES = 6;

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

/** Penalised logistic regression on x = logit(score) by Newton steps (2 parameters: closed-form inverse). */
function fitPlatt(examples: RankedMatch[], prior: { a: number; b: number }, weight: number): PlattCurve {
  let [a, b] = [prior.a, prior.b];
  for (let step = 0; step < 50; step++) {
    let [ga, gb, haa, hab, hbb] = [weight * (a - prior.a), weight * (b - prior.b), weight, 0, weight];
    for (const e of examples) {
      const x = logit(e.score);
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const r = p - (e.hit ? 1 : 0);
      const w = p * (1 - p);
      [ga, gb, haa, hab, hbb] = [ga + r * x, gb + r, haa + w * x * x, hab + w * x, hbb + w];
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const [da, db] = [(hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det];
    [a, b] = [a - da, b - db];
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return { a: round(a), b: round(b), n: examples.length };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

async function main() {
  const examples: RankedMatch[] = [];
  for (const set of [samplesSet(), loadCoco()]) {
    for (const r of await evaluate({ calibration: null }, set))
      examples.push(...r.matches.ranked.filter((m) => !m.ignored));
  }
  const views = {} as CalibrationTable['views'];
  const classes: CalibrationTable['classes'] = {};
  for (const view of ['full', 'tile'] as const) {
    const inView = examples.filter((e) => !!e.fromTile === (view === 'tile'));
    views[view] = fitPlatt(inView, { a: 1, b: 0 }, 1e-3);
    const byClass = new Map<string, RankedMatch[]>();
    for (const e of inView) byClass.set(e.label, [...(byClass.get(e.label) ?? []), e]);
    for (const [label, boxes] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
      const curve = boxes.length >= MIN_CLASS_BOXES ? fitPlatt(boxes, views[view], PRIOR_WEIGHT) : undefined;
      // A curve must rise with the score; one that does not has too little data to mean anything.
      if (curve && curve.a > 0) classes[`${view}:${label}`] = curve;
    }
  }
  const table: CalibrationTable = {
    about:
      `Platt curves p(right | raw ${detectorModelId()} score) per view and class, fitted by bench/fit-calibration.ts on the COCO regression set ` +
      '(128 train2017 photos, seen by the detector in training) and the annotated samples; see lib/analysis/calibration.ts.',
    marginalPrecision: MARGINAL_PRECISION,
    views,
    classes,
  };
  const file = path.resolve(process.cwd(), 'lib', 'analysis', calibrationFile(detectorModelId()));
  fs.writeFileSync(file, JSON.stringify(table, null, 1) + '\n');
  console.log(
    `${examples.length} boxes; views`,
    views,
    `; ${Object.keys(classes).length} class curves → ${path.relative(process.cwd(), file)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
