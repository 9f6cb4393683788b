/**
 * A worker's warm-up: one full analysis of a committed gallery photo. Loading the sessions is only part of a
 * first request's cost: ORT also plans memory and picks kernels on each model's first run, so every image
 * stage runs once here (the photo has things to mask, so the encoder and decoder run too). Sound models are
 * loaded, not run: their first run is cheap. A missing optional model is the stages' business, not an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EFFICIENTAT_ID } from '../../models/efficientat';
import { getSession } from '../../models/session';
import { SILERO_VAD_ID } from '../../models/silero-vad';
import { decodeImage } from '../../image/decode';
import { runAnalysis } from '../../analysis/orchestrator';

const WARM_UP_PHOTO = path.join(process.cwd(), 'models', 'gallery', 'images', '01_truck.jpg');

/** Resolves with the warm-up's duration in ms. */
export async function warmUpWorker(): Promise<number> {
  const started = performance.now();
  const decoded = await decodeImage(new Uint8Array(fs.readFileSync(WARM_UP_PHOTO)));
  await runAnalysis({ image: { decoded, decodeMs: 0 } }, 'warm-up', () => {}, new AbortController().signal);
  await Promise.allSettled([SILERO_VAD_ID, EFFICIENTAT_ID].map((id) => getSession(id)));
  return performance.now() - started;
}
