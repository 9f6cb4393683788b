/**
 * The bad-input corpus of issue 10, against the route handlers in-process: every case gets a clear 4xx (a
 * code and a sentence, no path or stack trace), and the server analyses and answers normally afterwards.
 * Two inputs are not errors by design and are checked for bounded handling instead: a 10-minute WAV is cut
 * to its first 60 s (lib/audio/decode.ts), and a silent WAV is analysed as silence.
 */
import { samEncoderModelId } from '@/lib/models/sam';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { POST as chat } from '@/app/api/chat/route';
import { DELETE as remove } from '@/app/api/results/[id]/route';
import { PUT as display } from '@/app/api/results/[id]/display/route';
import { POST as entities } from '@/app/api/results/[id]/entities/route';
import { POST as points } from '@/app/api/results/[id]/points/route';
import { GET as health } from '@/app/api/health/route';
import { HealthSchema } from '@/lib/shared/health';
import type { AnalyzeEvent } from '@/lib/shared/analysis';
import { streamedEvents } from '../helpers/analyze-route';
import { ChatEventSchema } from '@/lib/shared/chat';
import { encodeWav16 } from '@/lib/shared/wav';
import { closeInferencePool } from '@/lib/server/inference/pool';
import { appendChatTurns, MAX_CHAT_QUESTIONS, newResultId, storeResult } from '@/lib/server/results';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../helpers/fake-openai-server';
import { cutMov, hugeFrameClip, soundOnlyMp4, twoHourClip } from '../helpers/video-fixtures';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples');
const sample = (file: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
type Upload = { bytes: Uint8Array; name: string; type?: string };

function analyzeRequest(files: Record<string, Upload>): Request {
  const form = new FormData();
  for (const [field, file] of Object.entries(files))
    form.append(field, new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? '' }));
  return new Request('http://localhost/api/analyze', { method: 'POST', body: form });
}

function chatRequest(body: unknown, contentType = 'application/json'): Request {
  return new Request('http://localhost/api/chat', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': contentType },
  });
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
  return streamedEvents(response);
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
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** The longest the event loop was blocked (ms, sampled every 10 ms) while `work` ran. */
async function maxStallDuring(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await work();
  clearInterval(timer);
  // Work that never let the timer fire blocked the loop for all of its time.
  return Math.max(worst, performance.now() - last - 10, worst === 0 ? performance.now() - started - 10 : 0);
}

const wav = (seconds: number, sampleRate: number, signal: (t: number) => number) =>
  encodeWav16(
    [Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => signal(i / sampleRate))],
    sampleRate,
  );

/** The sample's first page (its headers), then noise where the audio pages should be. */
function corruptOgg(): Uint8Array {
  const ogg = sample('audio/trumpet_solo.ogg');
  return ogg.map((byte, i) => (i < 200 ? byte : (i * 2654435761) >>> 24));
}

const ask = (resultId: string, extra: object = {}) => ({
  resultId,
  messages: [{ role: 'user', content: 'What is in the image?' }],
  ...extra,
});
const endpoint = (baseUrl: string) => ({ kind: 'endpoint', baseUrl, model: 'm' });
const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});
afterAll(() => closeInferencePool());

describe('bad input to /api/analyze', () => {
  const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
  it.each<[string, Record<string, Upload>, number, string]>([
    [
      'a truncated JPEG',
      { image: { bytes: sample('images/01_truck.jpg').slice(0, 3000), name: 'cut.jpg' } },
      422,
      'corrupt_image',
    ],
    ['a zero-byte file', { image: { bytes: new Uint8Array(0), name: 'empty.jpg' } }, 400, 'invalid_input'],
    [
      'random bytes named .jpg',
      { image: { bytes: random, name: 'noise.jpg', type: 'image/jpeg' } },
      415,
      'unsupported_type',
    ],
    [
      'a PNG declaring 20000×20000',
      { image: { bytes: hugePng(), name: 'bomb.png', type: 'image/png' } },
      413,
      'too_many_pixels',
    ],
    [
      'an SVG',
      {
        image: {
          bytes: new TextEncoder().encode(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
          ),
          name: 'x.svg',
          type: 'image/svg+xml',
        },
      },
      415,
      'unsupported_type',
    ],
    [
      'a JPEG as the sound',
      { audio: { bytes: sample('images/01_truck.jpg'), name: 'a.wav', type: 'audio/wav' } },
      415,
      'unsupported_type',
    ],
    // Alone, a sound that does not decode is refused before the stream starts: nothing is stored.
    ['an empty WAV alone', { audio: { bytes: wav(0, 16000, () => 0), name: 'empty.wav' } }, 422, 'empty_audio'],
    ['a corrupt OGG alone', { audio: { bytes: corruptOgg(), name: 'bad.ogg' } }, 422, 'corrupt_audio'],
  ])('%s', async (_name, files, status, code) => {
    await expectClear4xx(await analyze(analyzeRequest(files)), status, code);
  });

  it('a 60 MB body', async () => {
    await expectClear4xx(
      await analyze(analyzeRequest({ image: { bytes: new Uint8Array(60 * 1024 * 1024), name: 'big.jpg' } })),
      413,
    );
  });

  /** A hand-made multipart body: `parts` as [name, value, filename?]. */
  const multipart = (parts: Array<[string, string, string?]>, repeat = 1) => {
    const one = parts
      .map(
        ([name, value, file]) =>
          `--b\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n\r\n${value}\r\n`,
      )
      .join('');
    const body = Buffer.from(one.repeat(repeat) + '--b--\r\n');
    return new Request('http://localhost/api/analyze', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
  };
  it.each<[string, () => Request, number]>([
    ['36 MB of tiny fields', () => multipart([['f', 'x']], (36 * 1024 * 1024) / 48), 413],
    ['a 100 kB text field', () => multipart([['note', 'x'.repeat(100_000)]]), 413],
    ['an unknown file field', () => multipart([['payload', 'x', 'x.bin']]), 400],
    [
      'two images',
      () =>
        multipart([
          ['image', 'x', 'a.jpg'],
          ['image', 'y', 'b.jpg'],
        ]),
      400,
    ],
    [
      'multipart without a boundary',
      () =>
        new Request('http://localhost/api/analyze', {
          method: 'POST',
          body: 'x',
          headers: { 'content-type': 'multipart/form-data' },
        }),
      400,
    ],
  ])('%s is refused early, without stalling the server', async (_name, build, status) => {
    const request = build();
    const stall = await maxStallDuring(async () => expectClear4xx(await analyze(request), status));
    expect(stall).toBeLessThan(200);
  });

  it('a 10-minute WAV is cut to its first minute, and a silent one is analysed as silence', async () => {
    const long = await events(
      await analyze(
        analyzeRequest({
          audio: { bytes: wav(600, 8000, (t) => 0.3 * Math.sin(2 * Math.PI * 440 * t)), name: 'long.wav' },
        }),
      ),
    );
    const summary = long.find((e) => e.type === 'audio');
    expect(summary?.type === 'audio' && summary.audio.analysedSeconds).toBeLessThanOrEqual(60);
    const silent = await events(
      await analyze(analyzeRequest({ audio: { bytes: wav(2, 16000, () => 0), name: 'silent.wav' } })),
    );
    const quiet = silent.find((e) => e.type === 'audio');
    expect(quiet?.type === 'audio' && quiet.audio.speech.segments).toEqual([]);
  });
});

describe('bad video input to /api/analyze', () => {
  const video = (bytes: Uint8Array, name: string): Record<string, Upload> => ({
    video: { bytes, name, type: 'video/mp4' },
  });
  it.each<[string, () => Record<string, Upload>, number, string]>([
    [
      'a text file as the video',
      () => video(new TextEncoder().encode('not a video at all\n'.repeat(50)), 'notes.mp4'),
      415,
      'not_video',
    ],
    ['a JPEG as the video', () => video(sample('images/01_truck.jpg'), 'photo.mp4'), 415, 'not_video'],
    [
      'a WAV as the video',
      () =>
        video(
          wav(1, 16000, (t) => Math.sin(2 * Math.PI * 440 * t)),
          'sound.mp4',
        ),
      415,
      'not_video',
    ],
    ['an MP4 with sound and no video stream', () => video(soundOnlyMp4(), 'sound.m4a'), 422, 'no_video_stream'],
    ['a MOV cut before its index', () => video(cutMov(), 'cut.mov'), 422, 'corrupt_video'],
    ['an 8000×4600 video', () => video(hugeFrameClip(), 'huge.mov'), 413, 'frame_too_large'],
    [
      'a video with an image',
      () => ({
        ...video(sample('video/v06_soccer_juggle_noaudio.mp4'), 'v.mp4'),
        image: { bytes: sample('images/01_truck.jpg'), name: 't.jpg' },
      }),
      400,
      'invalid_input',
    ],
  ])('%s', async (_name, files, status, code) => {
    await expectClear4xx(await analyze(analyzeRequest(files())), status, code);
  });

  it('an MP4 cut after its index: what decodes is analysed, and the stream says the rest is damaged', async () => {
    const streamed = await events(
      await analyze(analyzeRequest(video(sample('video/v01_dog_barking_door.mp4').slice(0, 400_000), 'cut.mp4'))),
    );
    expect(streamed.find((e) => e.type === 'error')).toMatchObject({
      code: 'video_damaged',
      message: expect.stringMatching(/after \d+\.\d s/),
    });
    expect(streamed.filter((e) => e.type === 'keyframe').length).toBeGreaterThan(0);
    expect(streamed.at(-1)?.type).toBe('done');
  }, 180_000);

  it('a 2-hour video: only its first 60 s are analysed, and the result says so', async () => {
    const streamed = await events(await analyze(analyzeRequest(video(twoHourClip(), 'long.mp4'))));
    const info = streamed.find((e) => e.type === 'video');
    expect(info?.type === 'video' && info.video).toMatchObject({ durationSec: 7200, analysedSec: 60 });
    expect(info?.type === 'video' && info.video.notes.join(' ')).toMatch(/first 60 s of 2 h 0 min/);
    expect(streamed.filter((e) => e.type === 'keyframe').length).toBeLessThanOrEqual(12);
    expect(streamed.at(-1)?.type).toBe('done');
  }, 180_000);
});

describe('bad input to /api/chat', () => {
  it.each<[string, Request, number, string]>([
    ['malformed JSON', chatRequest('{"resultId": '), 400, 'bad_json'],
    ['a text/plain body', chatRequest(ask('x'), 'text/plain'), 415, 'unsupported_media_type'],
    [
      'a 100 kB question',
      chatRequest(ask('x', { messages: [{ role: 'user', content: 'why '.repeat(25_000) }] })),
      400,
      'invalid_input',
    ],
    ['an unknown result id', chatRequest(ask('no-such-result')), 404, 'unknown_result'],
    ['a path-traversal result id', chatRequest(ask('../../../etc/passwd')), 404, 'unknown_result'],
  ])('%s', async (_name, request, status, code) => {
    await expectClear4xx(await chat(request), status, code);
  });

  it('says the real size of a body that is too large', async () => {
    const message = await expectClear4xx(
      await chat(chatRequest(ask('x', { pad: 'x'.repeat(300 * 1024) }))),
      413,
      'body_too_large',
    );
    expect(message).toContain('256 kB');
  });

  const ssrf = [
    'http://127.0.0.1:11434/v1',
    'http://localhost:8080',
    'http://10.0.0.8/v1',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:9000/',
    'http://[fd00:ec2::254]/',
  ];
  it.each(ssrf)('refuses the user endpoint %s, whether user endpoints are on or off', async (url) => {
    const off = await expectClear4xx(
      await chat(chatRequest(ask('x', { source: endpoint(url) }))),
      403,
      'endpoint_not_allowed',
    );
    process.env.STRIX_ALLOW_USER_ENDPOINTS = '1';
    const on = await expectClear4xx(
      await chat(chatRequest(ask('x', { source: endpoint(url) }))),
      403,
      'endpoint_not_allowed',
    );
    expect(on).toBe(off); // one text, whatever the reason
  });
});

describe('cross-site and non-JSON requests to the state-changing routes', () => {
  const id = 'AAAAAAAAAAAAAAAAAAAAAA'; // well-formed: the guards answer before the result is looked up
  const context = { params: Promise.resolve({ id }) };
  const json = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    new Request(`http://localhost${path}`, {
      method,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const plain = (path: string, method = 'POST') =>
    new Request(`http://localhost${path}`, { method, body: '{}', headers: { 'content-type': 'text/plain' } });
  const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

  it.each<[string, () => Promise<Response>, number, string]>([
    ['/points as text/plain', () => points(plain(`/api/results/${id}/points`), context), 415, 'unsupported_media_type'],
    [
      '/entities as text/plain',
      () => entities(plain(`/api/results/${id}/entities`), context),
      415,
      'unsupported_media_type',
    ],
    [
      '/display as text/plain',
      () => display(plain(`/api/results/${id}/display`, 'PUT'), context),
      415,
      'unsupported_media_type',
    ],
    [
      '/points from another site',
      () => points(json(`/api/results/${id}/points`, { points: [] }, evil), context),
      403,
      'cross_origin',
    ],
    [
      '/display from a sandboxed frame',
      () => display(json(`/api/results/${id}/display`, {}, { origin: 'null' }, 'PUT'), context),
      403,
      'cross_origin',
    ],
    [
      'DELETE from another site',
      () => remove(new Request(`http://localhost/api/results/${id}`, { method: 'DELETE', headers: evil }), context),
      403,
      'cross_origin',
    ],
    [
      'chat from another site',
      () => chat(json('/api/chat', ask(id), { origin: 'https://evil.example' })),
      403,
      'cross_origin',
    ],
    [
      'an upload from another site',
      async () => {
        const request = analyzeRequest({ image: { bytes: sample('images/04_horses.jpg'), name: 'h.jpg' } });
        return analyze(new Request(request, { headers: { ...Object.fromEntries(request.headers), ...evil } }));
      },
      403,
      'cross_origin',
    ],
  ])('%s is refused', async (_name, call, status, code) => {
    await expectClear4xx(await call(), status, code);
  });

  it('lets this app’s own pages through', async () => {
    const own = json('/api/chat', ask(id), { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    await expectClear4xx(await chat(own), 404, 'unknown_result');
  });
});

describe('a result at its bounds', () => {
  it('refuses another question once a result keeps MAX_CHAT_QUESTIONS', async () => {
    const resultId = newResultId();
    await storeResult({ resultId, tags: [], entities: [], soundSourceIds: [] }, [], {});
    const turn = [
      { role: 'user' as const, content: 'q' },
      { role: 'assistant' as const, content: 'a', source: 'built-in', links: [] },
    ];
    for (let i = 0; i < MAX_CHAT_QUESTIONS; i++) await appendChatTurns(resultId, turn);
    await expectClear4xx(await chat(chatRequest(ask(resultId))), 409, 'chat_full');
  });
});

describe('after the bad input', () => {
  let servers: FakeOpenAIServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('analyses, answers, never follows an allowed endpoint’s redirect, and reports health', async () => {
    const analysed = await events(
      await analyze(
        analyzeRequest({ image: { bytes: sample('images/04_horses.jpg'), name: 'h.jpg', type: 'image/jpeg' } }),
      ),
    );
    const done = analysed.at(-1);
    expect(done?.type).toBe('done');
    const resultId = done?.type === 'done' ? done.resultId : '';

    const target = await startFakeOpenAIServer({ kind: 'json', content: 'never asked' });
    const redirecting = await startFakeOpenAIServer({
      kind: 'redirect',
      status: 302,
      location: `${target.url}/chat/completions`,
    });
    servers = [target, redirecting];
    process.env.STRIX_ENDPOINT_HOSTS = '127.0.0.1';
    const response = await chat(chatRequest(ask(resultId, { source: endpoint(redirecting.url) })));
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => ChatEventSchema.parse(JSON.parse(line)));
    expect(lines.find((e) => e.type === 'fallback')).toMatchObject({
      reason: expect.stringContaining('could not be reached'),
    });
    expect(lines.at(-1)?.type).toBe('done');
    expect(target.requests).toHaveLength(0);

    const report = HealthSchema.parse(await (await health(new Request('http://localhost/api/health'))).json());
    // The encoder this CPU runs (int8 where it has VNNI, see STRIX_SAM_ENCODER) is the one loaded.
    expect(report.models.find((m) => m.id === samEncoderModelId())?.status).toBe('loaded');
    expect(report.queue.length).toBe(0);
  });
});
