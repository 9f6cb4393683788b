/**
 * The main thread's door to the inference workers (piscina): one pool per process, sized by
 * lib/models/threads.ts, and the model queue (lib/server/queue.ts) in front of it so that every admitted job
 * has a worker of its own and the rest get 429. A job whose client goes away leaves the queue, or, once
 * running, is told to stop at the next stage.
 */
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { AnalyzeEvent, Box, Mask } from '../../shared/analysis';
import type { TextRegion } from '../../models/ppocr';
import type { PointClick } from '../../models/sam';
import type { DecodedImage } from '../../image/types';
import type { Scene } from '../../scene/types';
import type { RenderRequest } from '../../export/render';
import { inferenceSizing } from '../../models/threads';
import { applyInferenceHeapFlags } from './heap';
import { modelQueue } from '../queue';
import { watchModelStatus } from './model-status';
import {
  WorkerFailure,
  type AnalysisMessage,
  type ImageSize,
  type PointMask,
  type ResultFiles,
  type TaskResult,
  type WorkerTask,
} from './protocol';

type PoolStore = { __strixPool?: Piscina };

/** The built worker (scripts/bundle-server.mjs); under `next dev`, the TypeScript sources through tsx. */
function workerFile(): string {
  return process.env.NODE_ENV === 'development'
    ? path.join(process.cwd(), 'lib', 'server', 'inference', 'dev-worker.mjs')
    : path.join(process.cwd(), 'dist', 'inference-worker.cjs');
}

function pool(): Piscina {
  const store = globalThis as typeof globalThis & PoolStore;
  if (!store.__strixPool) {
    const { workers } = inferenceSizing();
    watchModelStatus();
    applyInferenceHeapFlags();
    store.__strixPool = new Piscina({
      // Found by path at run time so Next's bundler leaves the worker (and the models it loads) alone.
      filename: workerFile(),
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      // Workers keep their loaded sessions: never retire them for idleness.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      // A worker parked in Atomics.wait between tasks could hold back its port's last messages; stay on the event loop.
      atomics: 'disabled',
    });
  }
  return store.__strixPool;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // a rejection nobody waits for (the client left) is not an unhandled one
  return { promise, resolve, reject };
}

const internalFailure = () =>
  new WorkerFailure({
    kind: 'internal',
    code: 'analysis_failed',
    message: 'The analysis failed on the server; see its log.',
  });

export interface AnalysisInputBytes {
  resultId: string;
  image?: Uint8Array<ArrayBuffer>;
  audio?: Uint8Array<ArrayBuffer>;
  everything?: boolean;
  find?: string[];
  video?: Uint8Array<ArrayBuffer>;
}

/** The scene to store, and the files to store with it when they are not the upload (a video's keyframe and sound). */
export interface FinishedAnalysis {
  scene: Scene;
  uploads?: ResultFiles;
}

export interface StartedAnalysis {
  /** Replays the events so far, then streams the rest; resolves with what to store. */
  stream(emit: (event: AnalyzeEvent) => void, signal: AbortSignal): Promise<FinishedAnalysis>;
}

/**
 * Waits for a worker (QueueFullError / QueueLeftError), sends it the upload, and resolves once the input has
 * decoded and the models have loaded — or rejects with a WorkerFailure (bad input, missing model) while an
 * HTTP status can still be chosen. The upload's buffers are moved to the worker, not copied.
 */
export async function startAnalysis(input: AnalysisInputBytes, clientSignal: AbortSignal): Promise<StartedAnalysis> {
  const release = await modelQueue().acquire(clientSignal);
  const { port1, port2 } = new MessageChannel();
  const accepted = deferred<void>();
  const result = deferred<FinishedAnalysis>();
  const early: AnalyzeEvent[] = [];
  let emit: ((event: AnalyzeEvent) => void) | undefined;
  port1.on('message', (message: AnalysisMessage) => {
    if (message.type === 'accepted') accepted.resolve();
    else if (message.type === 'event') (emit ?? early.push.bind(early))(message.event);
    else if (message.type === 'result') result.resolve({ scene: message.scene, uploads: message.uploads });
    else {
      accepted.reject(new WorkerFailure(message.failure));
      result.reject(new WorkerFailure(message.failure));
    }
  });
  // The worker closes its end after its last message (or dies): nothing more will come. Settled promises
  // ignore this; one still waiting means the worker ended without an answer.
  port1.on('close', () => {
    accepted.reject(internalFailure());
    result.reject(internalFailure());
  });
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const cancel = () => Atomics.store(cancelFlag, 0, 1);
  clientSignal.addEventListener('abort', cancel, { once: true });
  const task: WorkerTask = { kind: 'analyze', port: port2, cancelFlag, ...input };
  const transferList = [port2, input.image?.buffer, input.audio?.buffer, input.video?.buffer].filter(
    (t) => t !== undefined,
  );
  pool()
    // piscina infers its TransferList type from MessagePort.postMessage, which @types/node now overloads.
    .run(task, { transferList: transferList as never })
    .catch((error) => {
      console.error('inference worker failed', error);
      accepted.reject(internalFailure());
      result.reject(internalFailure());
    })
    // The worker is free only once its task has returned. The port is not closed here: piscina's answer and
    // the port's messages travel separately, and the worker's last messages may still be on their way.
    .finally(release);
  await accepted.promise;
  return {
    stream(onEvent, signal) {
      signal.addEventListener('abort', cancel, { once: true });
      early.splice(0).forEach(onEvent);
      emit = onEvent;
      return result.promise;
    },
  };
}

async function runQueued<T>(task: WorkerTask, signal?: AbortSignal): Promise<T> {
  const release = await modelQueue().acquire(signal);
  try {
    const outcome = (await pool().run(task)) as TaskResult<T>;
    if (!outcome.ok) throw new WorkerFailure(outcome.failure);
    return outcome.value;
  } finally {
    release();
  }
}

/** PP-OCR on a stored scene's image; boxes in the original image's pixels. */
export function readTextInWorker(image: DecodedImage, size: ImageSize, signal?: AbortSignal): Promise<TextRegion[]> {
  return runQueued({ kind: 'read-text', image, size }, signal);
}

/** SAM masks for boxes (original pixels) from a stored scene's image. */
export function segmentInWorker(
  image: DecodedImage,
  size: ImageSize,
  boxes: { id: string; box: Box }[],
  signal?: AbortSignal,
): Promise<{ id: string; mask: Mask }[]> {
  return runQueued({ kind: 'segment', image, size, boxes }, signal);
}

/** Point mode's mask for clicks (original pixels) from a stored scene's image. */
export function pointsInWorker(
  image: DecodedImage,
  size: ImageSize,
  points: PointClick[],
  signal?: AbortSignal,
): Promise<PointMask> {
  return runQueued({ kind: 'points', image, size, points }, signal);
}

export type WarmState = 'cold' | 'warming' | 'ready' | 'failed';
type WarmStore = { __strixWarm?: WarmState };

/** Where the start-up warm-up stands (for /api/health). `cold` when none was started (tests, scripts). */
export function warmState(): WarmState {
  return (globalThis as typeof globalThis & WarmStore).__strixWarm ?? 'cold';
}

/**
 * Warms every worker at server start (instrumentation.ts): one warm task per worker, which piscina hands one to
 * each since a worker takes one task at a time. A request arriving meanwhile waits behind it, as behind any job.
 */
export async function warmUpInferencePool(): Promise<void> {
  const store = globalThis as typeof globalThis & WarmStore;
  if (store.__strixWarm) return;
  store.__strixWarm = 'warming';
  const started = performance.now();
  try {
    const outcomes = (await Promise.all(
      Array.from({ length: inferenceSizing().workers }, () => pool().run({ kind: 'warm' } satisfies WorkerTask)),
    )) as TaskResult<number>[];
    const failed = outcomes.find((o) => !o.ok);
    if (failed && !failed.ok) throw new WorkerFailure(failed.failure);
    store.__strixWarm = 'ready';
    console.log(`inference workers warm in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // Requests still work (they load what they need); health stops saying "warming".
    store.__strixWarm = 'failed';
    console.error('warming the inference workers failed', error);
  }
}

/** An overlay or cut-out PNG, rendered by a worker at a bounded size, waiting its turn with the model work. */
export function renderInWorker(request: RenderRequest, signal?: AbortSignal): Promise<Uint8Array> {
  return runQueued({ kind: 'render', ...request }, signal);
}

/** Shuts the workers down once their tasks have returned (tests and scripts that must exit). */
export async function closeInferencePool(): Promise<void> {
  const store = globalThis as typeof globalThis & PoolStore;
  const running = store.__strixPool;
  store.__strixPool = undefined;
  await running?.close();
}
