/**
 * `npm run eval`: detection recall/precision (threshold 0.30, IoU ≥ 0.5) and stuff naming on the annotated
 * samples (tests/eval/annotations.json), before (full view only, no regions) and after (tiles, regions),
 * with both ADE20K segmenters. Writes bench/results/eval.json and prints the tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEEPLAB_ADE151, MOSAIC_ADE32 } from '../lib/models/ade-segmenter';
import { evaluate, totals, type EvalOptions, type ImageEval } from './eval/run-eval';

const CONFIGS: Array<[string, EvalOptions]> = [
  ['before: full view, no regions', { tiles: false }],
  ['after: tiles + deeplab regions', { tiles: true, segmenter: DEEPLAB_ADE151 }],
  ['after: tiles + mosaic regions', { tiles: true, segmenter: MOSAIC_ADE32 }],
];

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const report: Record<string, unknown> = { date: new Date().toISOString() };
  for (const [name, options] of CONFIGS) {
    const results: ImageEval[] = await evaluate(options);
    const t = totals(results);
    console.log(`\n${name}`);
    console.log('image'.padEnd(34), 'found/annotated', 'wrong', 'small', 'stuff', 'missing stuff'.padEnd(22), 'detect ms', 'segment ms');
    for (const r of results) {
      const d = r.detection;
      console.log(
        r.image.padEnd(34),
        `${d.found}/${d.annotated}`.padStart(15),
        String(d.wrong).padStart(5),
        `${d.smallFound}/${d.small}`.padStart(5),
        `${r.stuff.named}/${r.stuff.expected}`.padStart(5),
        r.stuff.missing.join(',').padEnd(22),
        r.detectMs.toFixed(0).padStart(9),
        r.segmentMs.toFixed(0).padStart(10),
      );
    }
    console.log(
      `recall ${pct(t.recall)} (${t.found}/${t.annotated}), precision ${pct(t.precision)} (${t.wrong} wrong), small recall ${pct(t.smallRecall)} of ${t.small}, ` +
        `stuff named ${pct(t.stuffRecall)} of ${t.stuffExpected}; median detect ${median(results.map((r) => r.detectMs)).toFixed(0)} ms, segment ${median(results.map((r) => r.segmentMs)).toFixed(0)} ms`,
    );
    report[name] = { totals: t, images: results };
  }
  const file = path.resolve(process.cwd(), 'bench', 'results', 'eval.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
