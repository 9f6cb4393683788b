/**
 * `npm run loadtest [-- --base-url http://127.0.0.1:3000 --clients 8,20 --requests 24 --seconds 90]`
 * Concurrent analyses against a running server, loopback only. Without --base-url it starts `next start` on
 * a free loopback port (build first: `npm run build`) and stops it at the end. For each client count it
 * reports the requests accepted and refused (429), p50/p95 of accepted ones (upload to last event),
 * throughput against one request alone in the same run, the server's peak RSS and the event loop's worst
 * stall (both from /api/health, which this polls every 250 ms), beside the worst stall of the idle server
 * over 10 s in the same run (on a shared machine the OS's scheduling shows up there too). `--fleet N` (with
 * REDIS_URL set) also starts N `strix worker` processes and the analyses run on them (bench/fleet.ts). Bounded: at most
 * --requests per level and --seconds per level; `--clients 0` skips the levels. `--memory 32` also runs 32 analyses of a 40 MP single-colour PNG and reports RSS.
 * `--probes` runs issue 18's stall and memory probes (bench/probes.ts); the server it starts then lets
 * user endpoints reach loopback, where the probes' junk endpoint listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import type { Health } from '../lib/shared/health';
import { assertLoopbackRedis, startWorkers, waitForWorkers } from './fleet';
import { runProbes } from './probes';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CLIENTS = (flag('--clients') ?? '8,20')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const MAX_REQUESTS = Number(flag('--requests') ?? 24);
const MAX_SECONDS = Number(flag('--seconds') ?? 90);
const MEMORY_RUNS = Number(flag('--memory') ?? 0);
const FLEET = Number(flag('--fleet') ?? 0);
const PROBES = args.includes('--probes');
const IDLE_SECONDS = 10;
const IMAGE =
  flag('--image') ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '08_street_horse_cart_cars.jpg');

function assertLoopback(base: string): void {
  const host = new URL(base).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new Error(`loadtest talks to loopback only, not ${host}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const env = PROBES ? { ...process.env, STRIX_ENDPOINT_HOSTS: '127.0.0.1' } : process.env;
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { base, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('next start did not answer within 60 s (run `npm run build` first)');
}

async function health(base: string, reset = false): Promise<Health> {
  return (await (await fetch(`${base}/api/health${reset ? '?resetEventLoop=1' : ''}`)).json()) as Health;
}

/** One analysis: status, and ms from sending to the stream's end. */
async function analyse(base: string, bytes: Uint8Array, name: string): Promise<{ status: number; ms: number }> {
  const form = new FormData();
  form.append(
    'image',
    new File([Buffer.from(bytes)], name, { type: name.endsWith('.png') ? 'image/png' : 'image/jpeg' }),
  );
  const started = performance.now();
  const response = await fetch(`${base}/api/analyze`, { method: 'POST', body: form });
  const text = await response.text();
  if (response.status === 200 && !text.includes('"type":"done"'))
    return { status: 500, ms: performance.now() - started };
  return { status: response.status, ms: performance.now() - started };
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Polls /api/health while `work` runs: peak RSS seen. */
async function watched<T>(base: string, work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      peak = Math.max(peak, (await health(base).catch(() => undefined))?.memory.rssMb ?? 0);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const value = await work();
  running = false;
  await poll;
  return { value, peakRssMb: peak };
}

async function level(base: string, clients: number, bytes: Uint8Array, single: number) {
  await health(base, true);
  const deadline = performance.now() + MAX_SECONDS * 1000;
  let sent = 0;
  const results: { status: number; ms: number }[] = [];
  const started = performance.now();
  const { peakRssMb } = await watched(base, () =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        while (sent < MAX_REQUESTS && performance.now() < deadline) {
          sent++;
          const result = await analyse(base, bytes, path.basename(IMAGE));
          results.push(result);
          if (result.status === 429) await new Promise((r) => setTimeout(r, 250)); // a polite client backs off
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const accepted = results.filter((r) => r.status === 200);
  const after = await health(base);
  const throughput = accepted.length / seconds;
  return {
    clients,
    sent: results.length,
    accepted: accepted.length,
    refused429: results.filter((r) => r.status === 429).length,
    other: results.filter((r) => r.status !== 200 && r.status !== 429).length,
    p50Ms: Math.round(
      percentile(
        accepted.map((r) => r.ms),
        50,
      ),
    ),
    p95Ms: Math.round(
      percentile(
        accepted.map((r) => r.ms),
        95,
      ),
    ),
    perSecond: Math.round(throughput * 100) / 100,
    vsSingle: Math.round((throughput / single) * 100) / 100,
    peakRssMb,
    worstStallMs: after.eventLoop.maxMs,
  };
}

async function memoryCheck(base: string, runs: number) {
  // A 40 MP single-colour PNG is tiny on the wire and 120 MB decoded: what a stored result must not keep.
  const png = new Uint8Array(
    await sharp({ create: { width: 8000, height: 5000, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer(),
  );
  const { value, peakRssMb } = await watched(base, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < runs; i++) statuses.push((await analyse(base, png, `flat${i}.png`)).status);
    return statuses;
  });
  return {
    runs,
    pngKb: Math.round(png.length / 1024),
    ok: value.filter((s) => s === 200).length,
    peakRssMb,
    rssAfterMb: (await health(base)).memory.rssMb,
  };
}

async function main(): Promise<void> {
  const given = flag('--base-url');
  if (given) assertLoopback(given);
  if (FLEET > 0) assertLoopbackRedis();
  const server = given ? { base: given, child: undefined } : await startServer();
  const workers = startWorkers(FLEET);
  try {
    if (FLEET > 0) await waitForWorkers(server.base, FLEET);
    const bytes = new Uint8Array(fs.readFileSync(IMAGE));
    await analyse(server.base, bytes, 'warm-up.jpg'); // loads the models in the worker
    const alone = await analyse(server.base, bytes, path.basename(IMAGE));
    const single = 1000 / alone.ms;
    await health(server.base, true);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idle = await health(server.base);
    console.log(
      `server ${server.base}: ${idle.cluster ? `${idle.cluster.workers.length} fleet worker process(es)` : `${idle.queue.workers} worker(s) × ${idle.queue.ortThreads} ORT threads`}; one request alone ${Math.round(alone.ms)} ms ` +
        `(${single.toFixed(2)}/s); idle for ${IDLE_SECONDS} s: worst stall ${idle.eventLoop.maxMs} ms, RSS ${idle.memory.rssMb} MB`,
    );
    const rows = [];
    for (const clients of CLIENTS) rows.push(await level(server.base, clients, bytes, single));
    if (rows.length) console.table(rows);
    if (MEMORY_RUNS > 0) console.table([await memoryCheck(server.base, MEMORY_RUNS)]);
    if (PROBES) console.table(await runProbes(server.base, bytes, health, watched));
  } finally {
    server.child?.kill();
    for (const worker of workers) worker.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
