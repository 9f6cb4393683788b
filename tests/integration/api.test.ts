/**
 * The route handlers called directly (no server): the whole analysis stream on real models, the chat on its
 * result, and every way input can be bad — each must get a clear 4xx and leave the server serving.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { POST as chat } from '@/app/api/chat/route';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { ChatEventSchema, type ChatEvent } from '@/lib/shared/chat';
import { modelQueue } from '@/lib/server/queue';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples');
const sample = (file: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));

function analyzeRequest(files: Record<string, { bytes: Uint8Array; name: string; type?: string }>): Request {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) {
    form.append(
      field,
      new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }),
    );
  }
  return new Request('http://localhost/api/analyze', { method: 'POST', body: form });
}

async function readNdjson<T>(response: Response, parse: (line: unknown) => T): Promise<T[]> {
  const text = await response.text();
  return text
    .trim()
    .split('\n')
    .map((line) => parse(JSON.parse(line)));
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

function chatRequest(body: unknown): Request {
  return new Request('http://localhost/api/chat', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

describe('POST /api/analyze', () => {
  let resultId = '';
  let events: AnalyzeEvent[] = [];

  it('streams stages, tags, entities, masks and the sound for an image with speech', async () => {
    const response = await analyze(
      analyzeRequest({
        image: { bytes: sample('images/08_street_horse_cart_cars.jpg'), name: 'street.jpg', type: 'image/jpeg' },
        audio: { bytes: sample('audio/speech_jfk.wav'), name: 'jfk.wav', type: 'audio/wav' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    events = await readNdjson(response, (line) => AnalyzeEventSchema.parse(line));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('image');
    expect(types.at(-1)).toBe('done');
    // Entities come before their masks, and every mask belongs to a streamed entity.
    const entityIds = events.flatMap((e) => (e.type === 'entity' ? [e.entity.id] : []));
    const maskIds = events.flatMap((e) => (e.type === 'mask' ? [e.entityId] : []));
    expect(entityIds.length).toBeGreaterThan(0);
    expect(maskIds.length).toBeGreaterThan(0);
    expect(maskIds.every((id) => entityIds.includes(id))).toBe(true);
    // Each mask follows its entity (stuff regions arrive after the things' masks, each with its own).
    const firstEntityEvent = (id: string) => events.findIndex((e) => e.type === 'entity' && e.entity.id === id);
    events.forEach((e, i) => e.type === 'mask' && expect(i).toBeGreaterThan(firstEntityEvent(e.entityId)));
    const done = events.find((e) => e.type === 'done');
    resultId = done?.type === 'done' ? done.resultId : '';
    // The speech makes the persons in view the sound source.
    const audio = events.find((e) => e.type === 'audio');
    expect(audio?.type === 'audio' && audio.audio.speech.segments.length).toBeGreaterThan(0);
    const source = events.find((e) => e.type === 'sound-source');
    const persons = events.flatMap((e) => (e.type === 'entity' && e.entity.label === 'person' ? [e.entity.id] : []));
    expect(source?.type === 'sound-source' && source.entityIds.every((id) => persons.includes(id))).toBe(true);
  });

  it('answers a question about the result with links to its entities', async () => {
    const response = await chat(
      chatRequest({
        resultId,
        messages: [{ role: 'user', content: 'How many people are there?' }],
        scoreThreshold: 0.3,
      }),
    );
    expect(response.status).toBe(200);
    const chatEvents: ChatEvent[] = await readNdjson(response, (line) => ChatEventSchema.parse(line));
    const text = chatEvents.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
    const links = chatEvents.find((e) => e.type === 'links');
    // An entity may be sent again with more to say (a fine name, a demoted score): its last event counts.
    const latest = new Map(events.flatMap((e) => (e.type === 'entity' ? [[e.entity.id, e.entity] as const] : [])));
    const persons = [...latest.values()].filter((e) => e.label === 'person' && (e.score ?? 0) >= 0.3);
    expect(chatEvents[0]).toMatchObject({ type: 'source', kind: 'builtin' });
    expect(text.length).toBeGreaterThan(0);
    expect(links?.type === 'links' && links.spans.length).toBeGreaterThan(0);
    if (links?.type === 'links')
      for (const span of links.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    // One person may be phrased "only a person" (when less sure ones are counted after it).
    const one = persons.length === 1 ? '|an? person' : '';
    expect(text).toMatch(
      new RegExp(
        `\\b(${persons.length}|${['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][persons.length]}${one})\\b`,
        'i',
      ),
    );
  });

  it('reads the text in the image when a question asks about it', async () => {
    const response = await chat(
      chatRequest({ resultId, messages: [{ role: 'user', content: 'What does the sign say?' }] }),
    );
    const chatEvents: ChatEvent[] = await readNdjson(response, (line) => ChatEventSchema.parse(line));
    const text = chatEvents.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
    expect(text).toMatch(/"[^"]*\bAcabamento\b[^"]*"/); // the sign's lines read as one text
    expect(text).toContain('PP-OCRv4');
  });

  it('analyses a sound alone', async () => {
    const response = await analyze(
      analyzeRequest({ audio: { bytes: sample('audio/trumpet_solo.ogg'), name: 't.ogg' } }),
    );
    const streamed = await readNdjson(response, (line) => AnalyzeEventSchema.parse(line));
    expect(streamed.some((e) => e.type === 'audio')).toBe(true);
    expect(streamed.some((e) => e.type === 'entity')).toBe(false);
  });

  it.each([
    [
      'a text file named .jpg',
      { image: { bytes: new TextEncoder().encode('hello, not an image'), name: 'x.jpg' } },
      415,
      'unsupported_type',
    ],
    [
      'a truncated JPEG',
      { image: { bytes: sample('images/01_truck.jpg').slice(0, 4000), name: 'cut.jpg' } },
      422,
      'corrupt_image',
    ],
    ['an empty file', { image: { bytes: new Uint8Array(0), name: 'empty.png' } }, 400, 'invalid_input'],
    [
      'an image in the audio field',
      { audio: { bytes: sample('images/01_truck.jpg'), name: 'a.wav' } },
      415,
      'unsupported_type',
    ],
    ['no file at all', {}, 400, 'invalid_input'],
  ])('refuses %s with a clear 4xx', async (_name, files, status, code) => {
    const error = await errorOf(await analyze(analyzeRequest(files)));
    expect(error).toMatchObject({ status, code });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('refuses a body that is not multipart, and one that is too large', async () => {
    const json = await analyze(
      new Request('http://localhost/api/analyze', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(await errorOf(json)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const huge = new Uint8Array(40 * 1024 * 1024);
    const big = await analyze(analyzeRequest({ image: { bytes: huge, name: 'big.png' } }));
    expect(big.status).toBe(413);
  });

  it('answers 429 with Retry-After when the queue is full, and serves again afterwards', async () => {
    const queue = modelQueue();
    const held = await queue.acquire();
    const waiting: Promise<() => void>[] = [];
    for (let i = 0; i < Number(process.env.STRIX_MAX_QUEUED ?? 4); i++) waiting.push(queue.acquire());
    const busy = await analyze(
      analyzeRequest({ image: { bytes: sample('images/06_savanna_giraffes_zebras.jpg'), name: 's.jpg' } }),
    );
    expect(busy.status).toBe(429);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    held();
    // Each waiter gets the slot only when the one before it lets go.
    for (const next of waiting) (await next)();
    const ok = await analyze(
      analyzeRequest({ image: { bytes: sample('images/06_savanna_giraffes_zebras.jpg'), name: 's.jpg' } }),
    );
    expect(ok.status).toBe(200);
    await ok.text();
  });
});

describe('POST /api/chat input', () => {
  it.each([
    ['an unknown result id', { resultId: 'nope', messages: [{ role: 'user', content: 'hi' }] }, 404, 'unknown_result'],
    ['no messages', { resultId: 'x', messages: [] }, 400, 'invalid_input'],
    [
      'an assistant message last',
      { resultId: 'x', messages: [{ role: 'assistant', content: 'hi' }] },
      400,
      'invalid_input',
    ],
    [
      'a bad endpoint URL',
      {
        resultId: 'x',
        messages: [{ role: 'user', content: 'hi' }],
        source: { kind: 'endpoint', baseUrl: 'ftp://x', model: 'm' },
      },
      400,
      'invalid_input',
    ],
  ])('refuses %s', async (_name, body, status, code) => {
    expect(await errorOf(await chat(chatRequest(body)))).toMatchObject({ status, code });
  });

  it('refuses a body that is not JSON, and one not sent as JSON', async () => {
    const response = await chat(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        body: 'not json',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'bad_json' });
    const plain = await chat(new Request('http://localhost/api/chat', { method: 'POST', body: '{}' }));
    expect(await errorOf(plain)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });
});
