/**
 * How inference uses the machine's cores: `workers` worker threads (lib/server/inference), each running one
 * job at a time with ORT sessions of `ortThreads` intra-op threads. One job on all cores finishes sooner than
 * two sharing them, so workers only multiply once each can have its own ORT_THREADS cores.
 * On the 2-core machine: one worker, two threads.
 */
import os from 'node:os';

/** Past four threads a MobileSAM-class encoder gains little; more cores serve more workers instead. */
const DEFAULT_MAX_THREADS = 4;

export function inferenceSizing(): { workers: number; ortThreads: number } {
  const cores = Math.max(1, os.availableParallelism());
  const ortThreads = positiveInt(process.env.ORT_THREADS) ?? Math.min(cores, DEFAULT_MAX_THREADS);
  const workers = positiveInt(process.env.STRIX_WORKERS) ?? Math.max(1, Math.floor(cores / ortThreads));
  return { workers, ortThreads };
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
