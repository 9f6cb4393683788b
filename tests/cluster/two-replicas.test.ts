/**
 * Strix on more than one machine, for real: two `next start` web servers sharing PostgreSQL (no shared disk:
 * each has its own DATA_DIR) and two `strix worker` processes sharing Redis, all on 127.0.0.1. A photo analysed
 * through web A reopens, answers, points and exports (JSON, and a PNG a worker renders) through web B; a worker
 * killed mid-analysis ends the request cleanly (retried, or a `worker_lost` error) and loses nothing stored; a
 * client that leaves frees its worker.
 * Needs `npm run build` and the servers `.ci/services` starts (STRIX_TEST_DATABASE_URL, STRIX_TEST_REDIS_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '@/lib/shared/health';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { ChatEventSchema } from '@/lib/shared/chat';
import { StoredResultSchema } from '@/lib/shared/result';
import { assertBuilt, startFleetWorker, startWeb, waitFor, type Proc } from '../helpers/fleet';
import { createTestDatabase } from '../helpers/test-postgres';

const REDIS_BASE = process.env.STRIX_TEST_REDIS_URL;
if (!process.env.STRIX_TEST_DATABASE_URL || !REDIS_BASE)
  throw new Error('Set STRIX_TEST_DATABASE_URL and STRIX_TEST_REDIS_URL (.ci/services prints them).');
/** A Redis database of the test's own, emptied first: no jobs or heartbeats from anything else. */
const REDIS_URL = `${REDIS_BASE.replace(/\/\d*$/, '')}/7`;
const WEB_A = 'http://127.0.0.1:3260';
const WEB_B = 'http://127.0.0.1:3261';
const PHOTO = fs.readFileSync(
  path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '02_dog_bowl_person.jpg'),
);

const webs: Proc[] = [];
const workers: Proc[] = [];
let redis: Redis;
let dropDatabase = async () => {};
const dataDirs: string[] = [];

const health = async (base: string) => (await fetch(`${base}/api/health`)).json() as Promise<Health>;

function analyze(base: string, signal?: AbortSignal): Promise<Response> {
  const form = new FormData();
  form.set('image', new File([PHOTO], 'dog.jpg', { type: 'image/jpeg' }));
  return fetch(`${base}/api/analyze`, { method: 'POST', body: form, signal });
}

/** Reads NDJSON lines as they come; `onEvent` sees each one (the kill test acts on the first). */
async function readEvents(
  response: Response,
  onEvent: (event: AnalyzeEvent) => void = () => {},
): Promise<AnalyzeEvent[]> {
  const events: AnalyzeEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      const event = AnalyzeEventSchema.parse(JSON.parse(line));
      events.push(event);
      onEvent(event);
    }
  }
  return events;
}

const doneId = (events: AnalyzeEvent[]) => events.flatMap((e) => (e.type === 'done' ? [e.resultId] : []))[0];

beforeAll(async () => {
  assertBuilt();
  redis = new Redis(REDIS_URL);
  await redis.flushdb();
  const db = await createTestDatabase('strix_fleet');
  dropDatabase = db.drop;
  for (const port of [3260, 3261]) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-fleet-web-'));
    dataDirs.push(dataDir);
    webs.push(startWeb(port, { DATABASE_URL: db.url, REDIS_URL, DATA_DIR: dataDir }));
  }
  for (let i = 0; i < 2; i++) workers.push(startFleetWorker({ REDIS_URL, ORT_THREADS: '1', STRIX_WORKERS: '1' }));
  const all = [...webs, ...workers];
  await waitFor(
    'two live workers seen by web A',
    async () => ((await health(WEB_A)).cluster?.workers.length === 2 ? true : undefined),
    150_000,
    all,
  );
  await waitFor(
    'web B up',
    async () => ((await health(WEB_B)).backends.store === 'postgres' ? true : undefined),
    60_000,
    all,
  );
}, 240_000);

afterAll(async () => {
  await Promise.all([...webs, ...workers].map((p) => p.stop()));
  redis?.disconnect();
  await dropDatabase();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two web replicas, two workers', () => {
  let id = '';
  let streamed: AnalyzeEvent[] = [];

  it('reports both backends, the queues and the live workers', async () => {
    const report = await health(WEB_B);
    expect(report.backends).toEqual({ store: 'postgres', work: 'redis' });
    expect(report.cluster?.reachable).toBe(true);
    expect(report.cluster?.queues?.analyze).toEqual({ waiting: 0, active: 0 });
    expect(report.cluster?.workers).toHaveLength(2);
  });

  it('analyses through web A; web B reopens it, serves its photo, answers, points and exports', async () => {
    const response = await analyze(WEB_A);
    expect(response.status).toBe(200);
    streamed = await readEvents(response);
    id = doneId(streamed) ?? '';
    expect(id, JSON.stringify(streamed.filter((e) => e.type === 'error'))).not.toBe('');
    const stored = StoredResultSchema.parse(await (await fetch(`${WEB_B}/api/results/${id}`)).json());
    expect(stored.events).toEqual(streamed);
    const image = await fetch(`${WEB_B}/api/results/${id}/image`);
    expect(Buffer.from(await image.arrayBuffer()).equals(PHOTO)).toBe(true);

    const chat = await fetch(`${WEB_B}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resultId: id, messages: [{ role: 'user', content: 'What is in the photo?' }] }),
    });
    expect(chat.status).toBe(200);
    const answer = (await chat.text())
      .trim()
      .split('\n')
      .map((line) => ChatEventSchema.parse(JSON.parse(line)));
    expect(answer.at(-1)?.type).toBe('done');
    // The turn is stored before `done` leaves web B, so web A reads it at once.
    expect((await (await fetch(`${WEB_A}/api/results/${id}`)).json()).chat).toHaveLength(2);

    // Point mode runs on a worker (the tasks queue) from the pixels web B restored from PostgreSQL.
    const entity = streamed.find((e): e is Extract<AnalyzeEvent, { type: 'entity' }> => e.type === 'entity')!.entity;
    const [x0, y0, x1, y1] = entity.box;
    const points = await fetch(`${WEB_B}/api/results/${id}/points`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        points: [{ x: Math.round((x0 + x1) / 2), y: Math.round((y0 + y1) / 2), positive: true }],
      }),
    });
    expect(points.status).toBe(200);
    expect((await points.json()).mask.area).toBeGreaterThan(0);

    const coco = await fetch(`${WEB_B}/api/results/${id}/export/coco.json`);
    expect(coco.status).toBe(200);
    expect((await coco.json()).annotations.length).toBeGreaterThan(0);
    // The overlay PNG is rendered by a worker too (the tasks queue), from the photo web B read from PostgreSQL.
    const overlay = await fetch(`${WEB_B}/api/results/${id}/export/overlay.png`);
    expect(overlay.status).toBe(200);
    expect(
      Buffer.from(await overlay.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  }, 120_000);

  it('a client that leaves frees its worker', async () => {
    const leave = new AbortController();
    const response = await analyze(WEB_A, leave.signal);
    await readEvents(response, () => leave.abort()).catch(() => {});
    await waitFor(
      'no analysis left running',
      async () => {
        const queues = (await health(WEB_A)).cluster?.queues;
        return queues?.analyze.active === 0 && queues.analyze.waiting === 0 ? true : undefined;
      },
      30_000,
      workers,
    );
  }, 60_000);

  it('a worker killed mid-analysis ends the request cleanly, and nothing stored is lost', async () => {
    const response = await analyze(WEB_B);
    expect(response.status).toBe(200);
    let killed = '';
    const events = await readEvents(response, () => {
      if (killed) return;
      killed = 'pending';
      // The running job's stream (the one not yet ended) names the worker that took it (host-pid): that
      // process dies without a word.
      void (async () => {
        const first = async (key: string) => JSON.parse((await redis.xrange(key, '-', '+', 'COUNT', 1))[0][1][1]);
        const last = async (key: string) => JSON.parse((await redis.xrevrange(key, '+', '-', 'COUNT', 1))[0][1][1]);
        let pid = 0;
        for (const key of await redis.keys('strix:job:*:events')) {
          if (!['result', 'failed'].includes((await last(key)).type))
            pid = Number((await first(key)).worker.split('-').pop());
        }
        workers.find((w) => w.child.pid === pid)!.child.kill('SIGKILL');
        killed = String(pid);
      })();
    });
    expect(killed).toMatch(/^\d+$/);
    const last = events.at(-1)!;
    // Either the other worker took the job over before anything was shown, or the client is told plainly.
    if (last.type === 'error') expect(last.code).toBe('worker_lost');
    else expect(last.type).toBe('done');
    const before = StoredResultSchema.parse(await (await fetch(`${WEB_A}/api/results/${id}`)).json());
    expect(before.events.length).toBeGreaterThanOrEqual(streamed.length);
    expect(before.chat).toHaveLength(2);
    // The surviving worker still takes work.
    const again = await readEvents(await analyze(WEB_A));
    expect(doneId(again)).toBeTruthy();
  }, 120_000);
});
