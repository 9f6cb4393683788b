/**
 * One onnxruntime-node session per model per process. The loading promise lives on globalThis so that
 * Next.js dev reloads and several route modules share it instead of loading the weights again.
 */
import * as ort from 'onnxruntime-node';
import { modelPath } from './manifest';

type SessionCache = Map<string, Promise<ort.InferenceSession>>;
const globalStore = globalThis as typeof globalThis & { __strixSessions?: SessionCache };

/** Threads per session: the machines this runs on have 2 cores; override with ORT_THREADS. */
const THREADS = Number(process.env.ORT_THREADS ?? 2);

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
    loading = ort.InferenceSession.create(modelPath(modelId), {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: THREADS,
      interOpNumThreads: 1,
      ...options,
    });
    // A failed load must not stay cached: the next request retries (e.g. after `npm run models`).
    loading.catch(() => cache.delete(modelId));
    cache.set(modelId, loading);
  }
  return loading;
}

export { ort };
