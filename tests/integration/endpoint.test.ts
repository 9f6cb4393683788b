/**
 * The endpoint client and the fallback against a scripted OpenAI-compatible server on 127.0.0.1. Timeouts are
 * short (tens to hundreds of ms) so stall tests finish quickly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answerWithFallback, FALLBACK_SEPARATOR, type AnswerEvent } from '@/lib/answer/answer-with-fallback';
import { composeBuiltinAnswer } from '@/lib/answer/builtin/answer-builtin';
import { EndpointError } from '@/lib/answer/endpoint/errors';
import { streamChatCompletion } from '@/lib/answer/endpoint/stream-chat-completion';
import { streetScene } from '@/lib/scene/test-fixtures';
import type { ChatMessage } from '@/lib/shared/chat';
import {
  endpointSource,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeScript,
} from '../helpers/fake-openai-server';

const IMAGE = 'data:image/jpeg;base64,/9j/AAAA';
const QUESTION: ChatMessage[] = [{ role: 'user', content: 'What is in the image?' }];

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(script: FakeScript): Promise<FakeOpenAIServer> {
  server = await startFakeOpenAIServer(script);
  return server;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const tokensOf = (events: AnswerEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');

async function streamError(iterable: AsyncIterable<string>): Promise<EndpointError> {
  try {
    await collect(iterable);
  } catch (error) {
    if (error instanceof EndpointError) return error;
    throw error;
  }
  throw new Error('expected the stream to fail');
}

describe('streamChatCompletion', () => {
  it('streams tokens in order, handles [DONE], and accepts a base URL without /v1', async () => {
    const fake = await start({ kind: 'stream', tokens: ['The ', 'red ', 'car.'], splitMidLine: true });
    const chunks = await collect(
      streamChatCompletion({
        baseUrl: `${fake.origin}/`,
        model: 'fake-model',
        apiKey: 'sk-test',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect(chunks).toEqual(['The ', 'red ', 'car.']);
    const [request] = fake.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({ model: 'fake-model', stream: true });
  });

  it('turns HTTP 500 into an EndpointError with the status for the user and the body only for the log', async () => {
    const fake = await start({ kind: 'http-error', status: 500, body: { error: { message: 'model crashed' } } });
    const error = await streamError(streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [] }));
    expect(error.code).toBe('http_error');
    expect(error.status).toBe(500);
    expect(error.message).toBe('The endpoint answered HTTP 500.');
    expect(error.bodyExcerpt).toContain('model crashed');
  });

  it('rejects a junk (non-SSE) body', async () => {
    const fake = await start({ kind: 'junk', body: '<html><body>Welcome to nginx</body></html>' });
    const error = await streamError(streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [] }));
    expect(error.code).toBe('bad_response');
  });

  it('reports an error object streamed mid-way', async () => {
    const fake = await start({
      kind: 'stream',
      tokens: ['a', 'b'],
      inject: { at: 1, data: '{"error":{"message":"out of memory"}}' },
    });
    const error = await streamError(streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [] }));
    expect(error.code).toBe('model_error');
    expect(error.message).not.toContain('out of memory'); // the remote text is logged, never shown
  });

  it('accepts a non-streaming JSON completion', async () => {
    const fake = await start({ kind: 'json', content: 'Whole answer.' });
    expect(await collect(streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [] }))).toEqual([
      'Whole answer.',
    ]);
  });

  it('times out on a slow first token', async () => {
    const fake = await start({ kind: 'stream', tokens: ['late'], firstTokenDelayMs: 1000 });
    const error = await streamError(
      streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [], firstTokenTimeoutMs: 100 }),
    );
    expect(error.code).toBe('first_token_timeout');
  });

  it('times out when the stream stalls, even with keep-alive comments', async () => {
    const fake = await start({ kind: 'stream', tokens: ['a', 'b', 'c'], stallAfter: 1, keepAliveWhileStalled: true });
    const error = await streamError(
      streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [], idleTimeoutMs: 150 }),
    );
    expect(error.code).toBe('idle_timeout');
    await fake.requests[0].closed;
    expect(fake.requests[0].clientAborted).toBe(true);
  });

  it('flags a stream that ends without [DONE] or finish_reason', async () => {
    const fake = await start({ kind: 'stream', tokens: ['a'], omitDone: true });
    expect((await streamError(streamChatCompletion({ baseUrl: fake.url, model: 'm', messages: [] }))).code).toBe(
      'incomplete',
    );
  });

  it('reports an unreachable server', async () => {
    const fake = await start({ kind: 'json', content: '' });
    const url = fake.url;
    await fake.close();
    server = undefined;
    expect((await streamError(streamChatCompletion({ baseUrl: url, model: 'm', messages: [] }))).code).toBe(
      'unreachable',
    );
  });

  it('aborts the upstream request when the caller aborts', async () => {
    const fake = await start({ kind: 'stream', tokens: ['a', 'b', 'c', 'd'], stallAfter: 2 });
    const controller = new AbortController();
    const received: string[] = [];
    const run = (async () => {
      for await (const chunk of streamChatCompletion({
        baseUrl: fake.url,
        model: 'm',
        messages: [],
        signal: controller.signal,
      })) {
        received.push(chunk);
        if (received.length === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow();
    await fake.requests[0].closed;
    expect(fake.requests[0].clientAborted).toBe(true);
    expect(received).toEqual(['a', 'b']);
  });
});

describe('answerWithFallback', () => {
  const scene = streetScene();
  const builtinText = composeBuiltinAnswer(scene, QUESTION);

  it('streams the endpoint answer and sends the image, history and entity context', async () => {
    const fake = await start({ kind: 'stream', tokens: ['I see ', 'a red car.'] });
    const history: ChatMessage[] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'What is in the image?' },
    ];
    const events = await collect(
      answerWithFallback({ source: endpointSource(fake.url), scene, messages: history, image: IMAGE }),
    );
    expect(events[0]).toMatchObject({ type: 'source', kind: 'endpoint', model: 'fake-model' });
    expect(tokensOf(events)).toBe('I see a red car.');
    expect(events.some((e) => e.type === 'fallback')).toBe(false);

    const sent = fake.requests[0].body.messages;
    expect(sent[0].role).toBe('system');
    expect(sent[0].content).toContain('e1: car, 0.90, [2, 50, 42, 86], at the bottom left, red');
    expect(sent[1].content).toEqual([
      { type: 'image_url', image_url: { url: IMAGE } },
      { type: 'text', text: 'Hi' },
    ]);
    expect(sent.slice(2)).toEqual([
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'What is in the image?' },
    ]);
    expect(fake.requests[0].body).toMatchObject({ temperature: 0.2, top_p: 0.9, max_tokens: 300 });
  });

  it('sends the sound as an input_audio part only when the source says the model takes audio', async () => {
    const fake = await start({ kind: 'stream', tokens: ['Speech.'] });
    const audio = 'UklGRg==';
    await collect(
      answerWithFallback({
        source: endpointSource(fake.url, { audioInput: true }),
        scene,
        messages: QUESTION,
        image: IMAGE,
        audioWavBase64: audio,
      }),
    );
    await collect(
      answerWithFallback({
        source: endpointSource(fake.url),
        scene,
        messages: QUESTION,
        image: IMAGE,
        audioWavBase64: audio,
      }),
    );
    const [withAudio, without] = fake.requests.map((r) => r.body.messages[1].content);
    expect(withAudio).toContainEqual({ type: 'input_audio', input_audio: { data: audio, format: 'wav' } });
    expect(without).not.toContainEqual(expect.objectContaining({ type: 'input_audio' }));
  });

  it('falls back to the built-in answer on HTTP 500', async () => {
    const fake = await start({ kind: 'http-error', status: 500, body: { error: 'boom' } });
    const events = await collect(
      answerWithFallback({ source: endpointSource(fake.url), scene, messages: QUESTION, image: IMAGE }),
    );
    const fallback = events.find((e) => e.type === 'fallback');
    expect(fallback).toMatchObject({ reason: expect.stringContaining('HTTP 500') });
    expect(events.filter((e) => e.type === 'source').map((e) => e.type === 'source' && e.kind)).toEqual([
      'endpoint',
      'builtin',
    ]);
    expect(tokensOf(events)).toBe(builtinText);
  });

  it('falls back on junk', async () => {
    const fake = await start({ kind: 'junk', body: 'not an event stream\n' });
    const events = await collect(answerWithFallback({ source: endpointSource(fake.url), scene, messages: QUESTION }));
    expect(events.some((e) => e.type === 'fallback')).toBe(true);
    expect(tokensOf(events)).toBe(builtinText);
  });

  it('falls back after a stall, keeping what was streamed and marking the switch', async () => {
    const fake = await start({ kind: 'stream', tokens: ['I see ', 'a red ', 'car'], stallAfter: 2 });
    const events = await collect(
      answerWithFallback({ source: endpointSource(fake.url), scene, messages: QUESTION, idleTimeoutMs: 150 }),
    );
    const fallback = events.find((e) => e.type === 'fallback');
    expect(fallback && fallback.type === 'fallback' && fallback.reason).toMatch(
      /stopped sending tokens.*after 12 characters/,
    );
    expect(tokensOf(events)).toBe(`I see a red ${FALLBACK_SEPARATOR}${builtinText}`);
  });

  it('stops quietly when the caller aborts, and the server sees the connection closed', async () => {
    const fake = await start({ kind: 'stream', tokens: ['a ', 'b ', 'c'], stallAfter: 1 });
    const controller = new AbortController();
    const events: AnswerEvent[] = [];
    for await (const event of answerWithFallback({
      source: endpointSource(fake.url),
      scene,
      messages: QUESTION,
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === 'token') controller.abort();
    }
    expect(events.some((e) => e.type === 'fallback')).toBe(false);
    await fake.requests[0].closed;
    expect(fake.requests[0].clientAborted).toBe(true);
  });

  it('extracts the grounding block, hides it from the answer and scales boxes to the analysed image', async () => {
    const block =
      '```json\n[{"bbox_2d": [4, 100, 84, 172], "label": "red car"}, {"bbox_2d": [1, 2, 3], "label": "bad"}]\n```';
    const fake = await start({
      kind: 'stream',
      tokens: ['There is ', 'a red car.\n\n', block.slice(0, 10), block.slice(10)],
    });
    const events = await collect(
      answerWithFallback({
        source: endpointSource(fake.url, { grounding: true }),
        scene,
        messages: QUESTION,
        image: { dataUrl: IMAGE, width: 240, height: 180 },
      }),
    );
    expect(tokensOf(events)).toBe('There is a red car.\n\n');
    expect(events.find((e) => e.type === 'grounded')).toEqual({
      type: 'grounded',
      boxes: [{ label: 'red car', box: [2, 50, 40, 36] }],
    });
    expect(fake.requests[0].body.messages[0].content).toContain('bbox_2d');
    expect(fake.requests[0].body.messages[0].content).toContain('[4, 100, 84, 172]'); // entity boxes in sent pixels
  });

  it('answers with the built-in answerer when that is the source', async () => {
    const events = await collect(answerWithFallback({ source: { kind: 'builtin' }, scene, messages: QUESTION }));
    expect(events[0]).toMatchObject({ type: 'source', kind: 'builtin' });
    expect(tokensOf(events)).toBe(builtinText);
  });
});
