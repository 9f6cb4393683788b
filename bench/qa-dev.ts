/**
 * `npx tsx bench/qa-dev.ts [--family x] [--id d012] [--all] [--fresh]`: the dev.json table by family and the
 * wrong answers (all answers with --all). Analysed scenes are cached in .cache/qa-dev/ (gitignored) so only
 * the answerer re-runs; --fresh re-analyses the photos, --analyse-only only fills the cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatTable, loadDevItems, photoFor, runItem, type DevResult } from './qa/dev-runner';

const CACHE = path.resolve(process.env.QA_DEV_CACHE ?? path.join(process.cwd(), '.cache', 'qa-dev'));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  if (process.argv.includes('--fresh')) fs.rmSync(CACHE, { recursive: true, force: true });
  const family = arg('--family');
  const id = arg('--id');
  const items = loadDevItems().filter((i) => (!family || i.family === family) && (!id || i.id === id));
  if (process.argv.includes('--analyse-only')) {
    for (const image of new Set(items.map((i) => i.image))) await photoFor(image, CACHE);
    process.exit(0);
  }
  const results: DevResult[] = [];
  for (const item of items) results.push(await runItem(item, CACHE));
  for (const r of results.filter((r) => process.argv.includes('--all') || !r.right)) {
    const q = [...(r.item.history ?? []), r.item.question].join(' / ');
    console.log(
      `${r.right ? '✓' : '✗'} ${r.item.id} [${r.item.family}] ${path.basename(r.item.image)}: ${q}\n    → ${r.answer}\n    ${r.problems.join('; ')}`,
    );
  }
  console.log(formatTable(results));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `answer time median ${times[times.length >> 1]?.toFixed(2)} ms, max ${times[times.length - 1]?.toFixed(1)} ms`,
  );
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
