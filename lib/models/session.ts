/**
 * One onnxruntime-node session per model per process (per inference worker, see lib/server/inference). The
 * loading promise lives on globalThis so that Next.js dev reloads and several modules share it instead of
 * loading the weights again.
 */
import * as ort from 'onnxruntime-node';
import { ModelCorruptError, modelPath } from './manifest';
import { sessionSource } from './pruned-graph';
import { announceModelStatus as announce } from './session-status';
import { inferenceSizing } from './threads';

type SessionCache = Map<string, Promise<ort.InferenceSession>>;
const globalStore = globalThis as typeof globalThis & { __strixSessions?: SessionCache };

/**
 * CPU session options for every model (and bench/gemm.ts). ORT's intra-op threads spin while they wait for
 * work by default; on a shared 2-core machine that spinning fights the other threads for the cores. Measured
 * here with three sample photos × 3 rounds, alternating: median analysis 6.7 / 9.4 s spinning vs 2.7 / 2.2 s
 * not, and the main thread's worst stall 201 / 419 ms vs 116 / 135 ms. ORT_SPINNING=1 turns it back on for a
 * machine with cores to spare.
 */
export function cpuSessionOptions(): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: inferenceSizing().ortThreads,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: process.env.ORT_SPINNING === '1' ? '1' : '0' } } },
  };
}

async function createSession(
  modelId: string,
  options: Pick<ort.InferenceSession.SessionOptions, 'logSeverityLevel'>,
): Promise<ort.InferenceSession> {
  const file = modelPath(modelId); // ModelMissingError when absent
  try {
    const source = sessionSource(modelId, file);
    const sessionOptions = { ...cpuSessionOptions(), ...options };
    // create() has one overload for a path and one for the bytes of a cut graph.
    const session =
      typeof source === 'string'
        ? await ort.InferenceSession.create(source, sessionOptions)
        : await ort.InferenceSession.create(source, sessionOptions);
    announce({ modelId, status: 'loaded' });
    return session;
  } catch (error) {
    // ORT's message holds the file's absolute path: it goes to the log, the user gets the model id and the fix.
    console.error(`loading model ${modelId} failed`, error);
    announce({ modelId, status: 'corrupt' });
    throw new ModelCorruptError(modelId);
  }
}

/**
 * `logSeverityLevel` lets an adapter quiet a model's known, harmless warnings (3 = errors only); it applies
 * when the session is first created.
 */
export function getSession(
  modelId: string,
  options: Pick<ort.InferenceSession.SessionOptions, 'logSeverityLevel'> = {},
): Promise<ort.InferenceSession> {
  const cache = (globalStore.__strixSessions ??= new Map());
  let loading = cache.get(modelId);
  if (!loading) {
    loading = createSession(modelId, options);
    // A failed load must not stay cached: the next request retries (e.g. after `npm run models`).
    loading.catch(() => cache.delete(modelId));
    cache.set(modelId, loading);
  }
  return loading;
}

export { ort };
