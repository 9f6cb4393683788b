/**
 * `npm run eval`: detection on the annotated samples (tests/eval/annotations.json) and on the COCO regression
 * set (../shared/benchmarks/coco; the detector was trained on those photos, so its figures there are optimistic),
 * before (raw detector: full view + tiles, older duplicate rule) and after (lib/analysis/detect.ts: tile re-finds
 * dropped, animal confusions merged, calibrated scores): precision and recall at the default threshold, AP50,
 * small-object recall, false boxes per photo; stuff naming with both ADE20K segmenters on the samples.
 * With everything-mode coverage (bench/everything-coverage.ts). Writes bench/results/eval.json; `EVAL_SETS=samples`
 * runs only the samples' detection (any of samples, coco, everything).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEEPLAB_ADE151, MOSAIC_ADE32 } from '../lib/models/ade-segmenter';
import { loadCoco } from './eval/coco';
import { evaluate, samplesSet, totals, type EvalOptions, type EvalSet } from './eval/run-eval';
import { everythingCoverage } from './everything-coverage';

const SETS: Array<[string, () => EvalSet]> = [
  ['samples', samplesSet],
  ['coco128 (regression set, seen in training)', loadCoco],
];
const CONFIGS: Array<[string, EvalOptions]> = [
  ['before: raw detector', { trusted: false }],
  ['after: trusted boxes', {}],
  ['after + votes (classifier, segmenter)', { votes: true }],
];

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const wanted = (process.env.EVAL_SETS ?? 'samples,coco,everything').split(',');
  const report: Record<string, unknown> = { date: new Date().toISOString() };
  for (const [setName, load] of SETS.filter(([name]) => wanted.some((w) => name.startsWith(w)))) {
    const set = load();
    console.log(`\n${setName}: ${Object.keys(set.images).length} photos`);
    console.log(
      'config'.padEnd(30),
      'P'.padStart(5),
      'R'.padStart(5),
      'AP50'.padStart(5),
      'small R'.padStart(12),
      'false/photo',
      'median detect ms',
    );
    for (const [name, options] of CONFIGS) {
      const results = await evaluate(options, set);
      const t = totals(results);
      console.log(
        name.padEnd(30),
        pct(t.precision).padStart(5),
        pct(t.recall).padStart(5),
        pct(t.ap50).padStart(5),
        `${pct(t.smallRecall)} (${t.smallFound}/${t.small})`.padStart(12),
        t.falsePerPhoto.toFixed(2).padStart(11),
        median(results.map((r) => r.detectMs))
          .toFixed(0)
          .padStart(16),
      );
      report[`${setName} — ${name}`] = { totals: t, images: results.map(({ matches, ...r }) => r) };
    }
  }
  if (wanted.includes('samples')) {
    console.log('\nstuff named on the samples (main stuff of each scene)');
    for (const segmenter of [DEEPLAB_ADE151, MOSAIC_ADE32]) {
      const t = totals(await evaluate({ segmenter }));
      console.log(`${segmenter.modelId.padEnd(30)} ${pct(t.stuffRecall)} of ${t.stuffExpected}`);
      report[`stuff — ${segmenter.modelId}`] = t.stuffRecall;
    }
  }
  if (wanted.includes('everything')) report.everything = await everythingCoverage();
  const file = path.resolve(process.cwd(), 'bench', 'results', 'eval.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
