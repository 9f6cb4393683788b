/**
 * `npm run loadtest -- --fleet N`: N `strix worker` processes (ORT_THREADS 1, one inference thread each, as on
 * the 2-core machine) beside the web server, which takes REDIS_URL (loopback only) from the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Health } from '../lib/shared/health';

export function assertLoopbackRedis(): void {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('--fleet needs REDIS_URL (e.g. redis://127.0.0.1:6379; `.ci/services` starts one)');
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost'].includes(host)) throw new Error(`loadtest talks to loopback only, not ${host}`);
}

export function startWorkers(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, [path.join('bin', 'strix.mjs'), 'worker'], {
      env: { ...process.env, ORT_THREADS: '1', STRIX_WORKERS: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

/** Waits until the web server sees `count` live workers (each loads its models first). */
export async function waitForWorkers(base: string, count: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const health = (await fetch(`${base}/api/health`).then(
      (r) => r.json(),
      () => undefined,
    )) as Health | undefined;
    if ((health?.cluster?.workers.length ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${count} worker(s) did not start within 120 s`);
}
