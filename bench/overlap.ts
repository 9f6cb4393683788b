/**
 * Does running the SAM encoder alongside the stages that do not need its embedding (detection with tiles, fine
 * names, the region segmenter's model run) pay on this machine? `npx tsx bench/overlap.ts [--runs 3]`, once
 * with ORT_THREADS=2 (each session on both cores) and once with ORT_THREADS=1 (one core per session, so two
 * sessions side by side do not fight over cores). onnxruntime-node's run holds the JS thread it is called on
 * (a timer does not fire during it), so overlapping needs a second thread: the encoder runs in
 * bench/encoder-thread.mjs while this thread does the rest. Sequential (all on this thread) and overlapped
 * runs alternate in one process; prints the median wall time of each, writes bench/results/overlap-<threads>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR } from '../lib/shared/analysis';
import { DEEPLAB_ADE151, segmentScene } from '../lib/models/ade-segmenter';
import { boxWithMargin } from '../lib/image/crop';
import { classifyCrops } from '../lib/models/mobilenet';
import { clearEmbeddingCache, encodeImage } from '../lib/models/sam';
import { inferenceSizing } from '../lib/models/threads';
import { detectObjects } from '../lib/models/detector';
import { decodeImage } from '../lib/image/decode';
import type { DecodedImage } from '../lib/image/types';
import { median, samplePhotos, timed } from './util';

/** The embedding-free work, in its pipeline order. */
async function embeddingFree(image: DecodedImage): Promise<void> {
  const detections = await detectObjects(image, SERVER_SCORE_FLOOR);
  const rects = detections
    .slice(0, MAX_MASKED_ENTITIES)
    .map((d) => boxWithMargin(d.box, 0.1, image.width, image.height));
  await classifyCrops(image, [{ x0: 0, y0: 0, x1: image.width, y1: image.height }, ...rects]);
  await segmentScene(image, DEEPLAB_ADE151);
}

const encoderThread = new Worker(path.join(process.cwd(), 'bench', 'encoder-thread.mjs'));
const encodeOnThread = (image: DecodedImage) =>
  new Promise<void>((resolve) => {
    encoderThread.once('message', () => resolve());
    encoderThread.postMessage(image);
  });

const MODES = {
  sequential: async (image: DecodedImage) => {
    await embeddingFree(image);
    await encodeImage(image);
  },
  overlapped: async (image: DecodedImage) => {
    await Promise.all([encodeOnThread(image), embeddingFree(image)]);
  },
};

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
  const photos = await Promise.all(samplePhotos().map(async (p) => decodeImage(p.bytes)));
  await MODES.sequential(photos[0]); // loads the sessions, on both threads
  await MODES.overlapped(photos[0]);
  const times: Record<keyof typeof MODES, number[]> = { sequential: [], overlapped: [] };
  for (let run = 0; run < runs; run++) {
    for (const [i, image] of photos.entries()) {
      const order = (run + i) % 2 ? (['overlapped', 'sequential'] as const) : (['sequential', 'overlapped'] as const);
      for (const mode of order) {
        clearEmbeddingCache();
        times[mode].push((await timed(() => MODES[mode](image)))[1]);
      }
    }
  }
  const { ortThreads } = inferenceSizing();
  const summary = {
    ortThreads,
    sequentialMs: Math.round(median(times.sequential)),
    overlappedMs: Math.round(median(times.overlapped)),
  };
  console.log(
    `ORT threads ${ortThreads}: sequential ${summary.sequentialMs} ms, overlapped ${summary.overlappedMs} ms (median of ${times.sequential.length})`,
  );
  const file = path.resolve(process.cwd(), 'bench', 'results', `overlap-${ortThreads}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg(), runs, summary },
      null,
      2,
    ) + '\n',
  );
  await encoderThread.terminate();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
