/**
 * The requests issue 18 found could stall the whole server or blow up its memory, run against a live server
 * (`npm run loadtest -- --probes`): each reports its status, time, the event loop's worst stall while it ran
 * and the peak RSS. The budget for each: no stall over 200 ms, RSS under 1.5 GB.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { Health } from '../lib/shared/health';

type HealthOf = (base: string, reset?: boolean) => Promise<Health>;
type Watched = <T>(base: string, work: () => Promise<T>) => Promise<{ value: T; peakRssMb: number }>;

/** A loopback OpenAI-compatible endpoint that streams `content` as one SSE chunk per 64 kB. */
async function junkEndpoint(content: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let i = 0; i < content.length; i += 65536) {
      response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: content.slice(i, i + 65536) } }] })}\n\n`);
    }
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => server.close() };
}

async function analyseForId(base: string, bytes: Uint8Array, name: string): Promise<string> {
  const form = new FormData();
  form.append('image', new File([Buffer.from(bytes)], name));
  const text = await (await fetch(`${base}/api/analyze`, { method: 'POST', body: form })).text();
  const done = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((event) => event.type === 'done');
  if (!done) throw new Error(`analysis of ${name} did not finish: ${text.slice(-300)}`);
  return done.resultId as string;
}

function tinyFields(megabytes: number): Request {
  const part = '--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nx\r\n';
  const body = part.repeat(Math.floor((megabytes * 1024 * 1024) / part.length)) + '--b--\r\n';
  return new Request('http://x/', {
    method: 'POST',
    body,
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
  });
}

export async function runProbes(base: string, photo: Uint8Array, healthOf: HealthOf, watched: Watched) {
  const rows: Array<{ probe: string; status: string; ms: number; worstStallMs: number; peakRssMb: number }> = [];
  const probe = async (name: string, work: () => Promise<number[]>) => {
    await healthOf(base, true);
    const started = performance.now();
    const { value, peakRssMb } = await watched(base, work);
    const after = await healthOf(base);
    rows.push({
      probe: name,
      status: [...new Set(value)].join(','),
      ms: Math.round(performance.now() - started),
      worstStallMs: after.eventLoop.maxMs,
      peakRssMb,
    });
  };
  const post = (path: string, init: RequestInit) =>
    fetch(`${base}${path}`, init).then(async (r) => (await r.arrayBuffer(), r.status));

  const tiny = tinyFields(36);
  await probe('36 MB of tiny form fields', async () => [
    await post('/api/analyze', {
      method: 'POST',
      body: await tiny.arrayBuffer(),
      headers: { 'content-type': tiny.headers.get('content-type')! },
    }),
  ]);
  await probe('an empty WAV alone', async () => {
    const form = new FormData();
    form.append('audio', new File([new Uint8Array(44)], 'empty.wav'));
    return [await post('/api/analyze', { method: 'POST', body: form })];
  });
  await probe('malformed % in a result URL', async () => [(await fetch(`${base}/api/results/%zz`)).status]);

  const big = new Uint8Array(
    await sharp({ create: { width: 8000, height: 5000, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer(),
  );
  const bigId = await analyseForId(base, big, 'flat-40mp.jpg');
  await probe('10 overlay PNGs of a 40 MP result at once', () =>
    Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${base}/api/results/${bigId}/export/overlay.png?threshold=0.${i}`).then(
          async (r) => (await r.arrayBuffer(), r.status),
        ),
      ),
    ),
  );

  const id = await analyseForId(base, photo, 'photo.jpg');
  await probe('text/plain to /points', async () => [
    await post(`/api/results/${id}/points`, {
      method: 'POST',
      body: '{"points":[]}',
      headers: { 'content-type': 'text/plain' },
    }),
  ]);
  for (const [name, content] of [
    ['endpoint answer: one 3 MB word', 'x'.repeat(3 * 1024 * 1024)],
    ['endpoint answer: 4 MB of words', 'the brown dog sits by a person. '.repeat(131072)],
  ] as const) {
    const endpoint = await junkEndpoint(content);
    const body = JSON.stringify({
      resultId: id,
      messages: [{ role: 'user', content: 'What is here?' }],
      source: { kind: 'endpoint', baseUrl: endpoint.url, model: 'm', maxTokens: 4096 },
    });
    await probe(name, async () => [
      await post('/api/chat', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
    ]);
    endpoint.close();
  }
  return rows;
}
