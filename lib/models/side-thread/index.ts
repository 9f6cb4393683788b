/**
 * A model whose runs go to a thread of their own, beside the inference worker's. ORT's `run` holds the thread
 * that calls it, and the SAM decoder, most of an analysis once the embedding is cached, keeps only one of the
 * two cores busy (a run takes 34 ms on two threads, 36 on one): the scene segmenter, which needs nothing but
 * the image, runs on the idle core meanwhile (README, speed). STRIX_SIDE_THREAD=0 runs it in the calling
 * thread instead, as before.
 *
 * One side thread per model per inference worker, started on first use and kept; it holds the process open
 * only while a run is in flight, so a CLI run still exits when its work is done.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ModelCorruptError, modelPath } from '../manifest';
import { sessionSource } from '../pruned-graph';
import { cpuSessionOptions, getSession, ort } from '../session';
import { announceModelStatus as announce } from '../session-status';

/** Plain JavaScript, found by path like the inference worker, so every way of running Strix starts it as is. */
const WORKER_FILE = path.join(process.cwd(), 'lib', 'models', 'side-thread', 'worker.mjs');

type Feeds = Record<string, ort.Tensor>;
type Outputs = Record<string, ort.Tensor>;
type PlainTensor = { type: ort.Tensor.Type; data: ort.Tensor.DataType; dims: readonly number[] };
type Reply =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { id: number; outputs: Record<string, PlainTensor> }
  | { id: number; error: string };

/** What a model adapter calls: ORT's own session, or one whose runs happen on the side thread. */
export interface RunsModel {
  run(feeds: Feeds, outputNames: string[]): Promise<Outputs>;
}

class SideThreadSession implements RunsModel {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(outputs: Outputs): void; reject(error: Error): void }>();
  private nextId = 0;
  readonly ready: Promise<void>;

  constructor(
    readonly modelId: string,
    source: string | Uint8Array,
    onGone: () => void,
  ) {
    this.worker = new Worker(WORKER_FILE, { workerData: { source, options: cpuSessionOptions() } });
    this.worker.unref();
    let started: () => void;
    let failed: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    this.ready.catch(() => {}); // awaited by run(); a load nobody waits on is no unhandled rejection
    this.worker.on('message', (reply: Reply) => {
      if ('type' in reply) {
        if (reply.type === 'ready') started();
        else failed(new Error(reply.error));
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(toTensors(reply.outputs));
    });
    const gone = (error: Error) => {
      onGone();
      failed(error);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    this.worker.on('error', gone);
    this.worker.on('exit', (code) => gone(new Error(`the side thread for ${modelId} exited (${code})`)));
  }

  async run(feeds: Feeds, outputNames: string[]): Promise<Outputs> {
    await this.ready;
    const id = this.nextId++;
    const plain = Object.fromEntries(
      Object.entries(feeds).map(([name, tensor]) => [
        name,
        { type: tensor.type, data: tensor.data, dims: tensor.dims },
      ]),
    );
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, feeds: plain, outputs: outputNames });
    });
  }
}

function toTensors(outputs: Record<string, PlainTensor>): Outputs {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, { type, data, dims }]) => [name, new ort.Tensor(type, data as never, dims)]),
  );
}

type SideThreads = Map<string, Promise<SideThreadSession>>;
const globalStore = globalThis as typeof globalThis & { __strixSideThreads?: SideThreads };

async function startSideThread(modelId: string, threads: SideThreads): Promise<SideThreadSession> {
  let session: SideThreadSession;
  try {
    session = new SideThreadSession(modelId, sessionSource(modelId, modelPath(modelId)), () => threads.delete(modelId));
    await session.ready;
  } catch (error) {
    console.error(`loading model ${modelId} on its side thread failed`, error);
    announce({ modelId, status: 'corrupt' });
    throw new ModelCorruptError(modelId);
  }
  announce({ modelId, status: 'loaded' });
  return session;
}

/** The model's side-thread session (started on first use), or its ordinary session when STRIX_SIDE_THREAD=0. */
export function sideThreadSession(modelId: string): Promise<RunsModel> {
  if (process.env.STRIX_SIDE_THREAD === '0') return getSession(modelId);
  modelPath(modelId); // ModelMissingError here, as getSession would
  const threads = (globalStore.__strixSideThreads ??= new Map());
  let starting = threads.get(modelId);
  if (!starting) {
    starting = startSideThread(modelId, threads);
    starting.catch(() => threads.delete(modelId)); // the next request tries again, as getSession's does
    threads.set(modelId, starting);
  }
  return starting;
}
