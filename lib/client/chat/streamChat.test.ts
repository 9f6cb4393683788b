import { describe, expect, it } from 'vitest';
import type { ChatEvent, ChatRequest } from '@/lib/shared/chat';
import { ChatRequestError, EXPIRED_RESULT_MESSAGE, streamChat } from './streamChat';

const request: ChatRequest = {
  resultId: 'r1',
  messages: [{ role: 'user', content: 'What is in this image?' }],
  source: { kind: 'builtin' },
};

/** A response body that delivers `text` in chunks of `size` bytes, splitting multi-byte characters too. */
function ndjsonResponse(text: string, size = 7): Response {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
}

async function collect(iterable: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

async function failure(iterable: AsyncIterable<ChatEvent>): Promise<ChatRequestError> {
  try {
    await collect(iterable);
  } catch (error) {
    if (error instanceof ChatRequestError) return error;
    throw error;
  }
  throw new Error('expected a ChatRequestError');
}

describe('streamChat', () => {
  const events: ChatEvent[] = [
    { type: 'source', kind: 'builtin', label: 'Built-in' },
    { type: 'token', text: 'I see a café ☕ and ' },
    { type: 'token', text: 'two people.' },
    { type: 'links', spans: [{ start: 24, end: 34, entityIds: ['e1', 'e2'], method: 'plural', text: 'two people' }] },
    { type: 'done' },
  ];

  it('posts the request as JSON and yields validated events in order', async () => {
    let sent: { url: string; init?: RequestInit } | null = null;
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      sent = { url, init };
      return ndjsonResponse(events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    }) as typeof fetch;
    expect(await collect(streamChat(request, undefined, fakeFetch))).toEqual(events);
    expect(sent!.url).toBe('/api/chat');
    expect(sent!.init?.method).toBe('POST');
    expect(JSON.parse(String(sent!.init?.body))).toEqual(request);
  });

  it('turns a 404 into advice to analyse the image again', async () => {
    const fakeFetch = (async () =>
      new Response(JSON.stringify({ error: { code: 'unknown_result', message: 'No result r1' } }), {
        status: 404,
      })) as typeof fetch;
    const error = await failure(streamChat(request, undefined, fakeFetch));
    expect(error.detail).toEqual({ code: 'unknown_result', message: EXPIRED_RESULT_MESSAGE });
  });

  it('shows the server message of other 4xx answers, and the status line for non-JSON ones', async () => {
    const badRequest = (async () =>
      new Response(JSON.stringify({ error: { code: 'bad_request', message: 'messages: too long' } }), {
        status: 400,
      })) as typeof fetch;
    expect((await failure(streamChat(request, undefined, badRequest))).detail).toEqual({
      code: 'bad_request',
      message: 'messages: too long',
    });
    const gateway = (async () =>
      new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch;
    expect((await failure(streamChat(request, undefined, gateway))).detail).toEqual({
      code: 'http_502',
      message: 'The server answered 502 Bad Gateway',
    });
  });

  it('reports a network failure and a line that breaks the contract', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await failure(streamChat(request, undefined, offline))).detail.code).toBe('network');
    const junk = (async () => ndjsonResponse('{"type":"token","text":"hi"}\n{"type":"token"}\n')) as typeof fetch;
    const error = await failure(streamChat(request, undefined, junk));
    expect(error.detail.code).toBe('bad_stream');
    expect(error.message).toMatch(/Line 2/);
  });

  it('re-throws an abort untouched', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async (_url: string, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      return ndjsonResponse('');
    }) as typeof fetch;
    await expect(collect(streamChat(request, controller.signal, aborting))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
