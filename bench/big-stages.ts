/**
 * `tsx bench/big-stages.ts [--images 01,02 --runs 3]`: each photo at 12 MP (4000×3000) and at 1 MP (1155×866),
 * cold, alternating, with per-stage medians, so what a big photo still costs beyond its small version shows
 * stage by stage (the `--big` rows of bench/run.ts give only the totals).
 */
import os from 'node:os';
import sharp from 'sharp';
import { samEncoderVariant } from '../lib/models/sam';
import { analyseTimed, STAGES, type RunTimings } from './analyse';
import { median, samplePhotos } from './util';

const argv = process.argv.slice(2);
const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const runs = Number(value('--runs') ?? 3);
const photos = samplePhotos(value('--images')?.split(',').filter(Boolean) ?? ['01', '02', '03']);
const COLUMNS = [...STAGES, 'total'] as const;
const variant = samEncoderVariant();

async function main() {
  const sizes = [
    ['12MP', 4000, 3000],
    ['1MP', 1155, 866],
  ] as const;
  const all: RunTimings[][] = [[], []];
  await analyseTimed(photos[0].bytes, variant, true); // loads the sessions
  console.log(
    `load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const ratios: number[] = [];
  for (const { file, bytes } of photos) {
    const jpegs = await Promise.all(
      sizes.map(
        async ([, w, h]) =>
          new Uint8Array(await sharp(bytes).resize(w, h, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()),
      ),
    );
    const mine: RunTimings[][] = [[], []];
    for (let run = 0; run < runs; run++) {
      for (const i of run % 2 ? [1, 0] : [0, 1]) {
        const { timings } = await analyseTimed(jpegs[i], variant, true);
        mine[i].push(timings);
        all[i].push(timings);
      }
    }
    const [big, small] = mine.map((t) => median(t.map((x) => x.total)));
    ratios.push(big / small);
    console.log(`${file}: 12 MP ${Math.round(big)} ms, 1 MP ${Math.round(small)} ms: ${(big / small).toFixed(2)}×`);
  }
  console.log(['size'.padEnd(6), ...COLUMNS.map((c) => c.slice(0, 11).padStart(12))].join(' '));
  sizes.forEach(([label], i) =>
    console.log(
      [label.padEnd(6), ...COLUMNS.map((c) => String(Math.round(median(all[i].map((t) => t[c])))).padStart(12))].join(
        ' ',
      ),
    ),
  );
  console.log(
    `median ratio ${median(ratios).toFixed(2)}×; load average at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
