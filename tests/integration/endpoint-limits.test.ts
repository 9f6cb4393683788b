/**
 * The endpoint transport's limits against the scripted server on 127.0.0.1: redirects are not followed,
 * `maxTokens` and the overall deadline are enforced on our side, and what the user reads never carries the
 * remote server's words or tells refused from unreachable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHARS_PER_TOKEN, MAX_ANSWER_CHARS, MAX_ANSWER_WORDS, MAX_WORD_CHARS } from '@/lib/answer/endpoint/answer-cap';
import { EndpointError, UNREACHABLE_MESSAGE } from '@/lib/answer/endpoint/errors';
import { streamChatCompletion, type StreamChatOptions } from '@/lib/answer/endpoint/stream-chat-completion';
import { startFakeOpenAIServer, type FakeOpenAIServer, type FakeScript } from '../helpers/fake-openai-server';

const servers: FakeOpenAIServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(script: FakeScript): Promise<FakeOpenAIServer> {
  const server = await startFakeOpenAIServer(script);
  servers.push(server);
  return server;
}

async function run(
  options: Omit<StreamChatOptions, 'model' | 'messages'>,
): Promise<{ chunks: string[]; error?: EndpointError }> {
  const chunks: string[] = [];
  try {
    for await (const chunk of streamChatCompletion({ model: 'm', messages: [], ...options })) chunks.push(chunk);
    return { chunks };
  } catch (error) {
    if (error instanceof EndpointError) return { chunks, error };
    throw error;
  }
}

describe('endpoint transport limits', () => {
  it('does not follow a redirect, and says only that the endpoint could not be reached', async () => {
    const target = await start({ kind: 'json', content: 'should never be asked' });
    const redirecting = await start({ kind: 'redirect', status: 307, location: `${target.url}/chat/completions` });
    const { error } = await run({ baseUrl: redirecting.url });
    expect(error?.code).toBe('unreachable');
    expect(error?.message).toBe(UNREACHABLE_MESSAGE);
    expect(target.requests).toHaveLength(0);
  });

  it('reads the same for a closed port and a server that never answers', async () => {
    const closed = await start({ kind: 'json', content: '' });
    const closedUrl = closed.url;
    await servers.pop()!.close();
    const hung = await start({ kind: 'stream', tokens: ['late'], firstTokenDelayMs: 2000 });
    const refused = await run({ baseUrl: closedUrl });
    const timedOut = await run({ baseUrl: hung.url, firstTokenTimeoutMs: 100 });
    expect(refused.error?.message).toBe(UNREACHABLE_MESSAGE);
    expect(timedOut.error?.message).toBe(UNREACHABLE_MESSAGE);
  });

  it('stops reading at maxTokens, counted in characters, and closes the upstream stream', async () => {
    const fake = await start({
      kind: 'stream',
      tokens: Array.from({ length: 40 }, (_, i) => `t${i} `),
      tokenDelayMs: 5,
    });
    const { chunks, error } = await run({ baseUrl: fake.url, maxTokens: 2 });
    expect(error).toBeUndefined();
    expect(chunks.join('')).toBe('t0 t1 t2 t3 '.slice(0, 2 * CHARS_PER_TOKEN));
    await fake.requests[0].closed;
    expect(fake.requests[0].clientAborted).toBe(true);
  });

  it('reads one huge chunk only up to the cap, and a word only up to the longest word', async () => {
    const huge = await start({ kind: 'stream', tokens: ['seventeen-chars! '.repeat(200_000)] });
    const big = await run({ baseUrl: huge.url, maxTokens: 4096 });
    expect(big.chunks.join('').length).toBe(MAX_ANSWER_CHARS);
    const many = await start({ kind: 'stream', tokens: ['a '.repeat(200_000)] });
    const words = await run({ baseUrl: many.url, maxTokens: 4096 });
    expect(words.chunks.join('').split(' ').filter(Boolean)).toHaveLength(MAX_ANSWER_WORDS);
    const long = await start({ kind: 'stream', tokens: ['a dog ', 'x'.repeat(80_000)] });
    const clipped = await run({ baseUrl: long.url, maxTokens: 4096 });
    expect(clipped.chunks.join('')).toBe(`a dog ${'x'.repeat(MAX_WORD_CHARS)}`);
  });

  it("sends the protocol's headers only: the user's key or none, nothing about this server or from its environment", async () => {
    const fake = await start({ kind: 'stream', tokens: ['ok'] });
    const saved = { ...process.env };
    Object.assign(process.env, {
      OPENAI_API_KEY: 'sk-server',
      OPENAI_ORG_ID: 'org-server',
      OPENAI_CUSTOM_HEADERS: 'x-secret: 1',
    });
    try {
      await run({ baseUrl: `${fake.url}?api-version=2024-06-01` });
      await run({ baseUrl: fake.url, apiKey: 'sk-user' });
    } finally {
      process.env = saved;
    }
    const [keyless, keyed] = fake.requests;
    expect(keyless.path).toBe('/v1/chat/completions?api-version=2024-06-01');
    expect(Object.keys(keyless.headers).filter((h) => /^(x-|openai-|authorization)/.test(h))).toEqual([]);
    expect(keyless.headers.accept).toBe('text/event-stream, application/json');
    expect(keyed.headers.authorization).toBe('Bearer sk-user');
    expect(JSON.stringify([keyless.headers, keyed.headers])).not.toMatch(/sk-server|org-server|x-secret|stainless/i);
  });

  it('gives up at the overall deadline although tokens keep coming', async () => {
    const fake = await start({ kind: 'stream', tokens: Array.from({ length: 100 }, () => 'x'), tokenDelayMs: 20 });
    const started = performance.now();
    const { chunks, error } = await run({ baseUrl: fake.url, deadlineMs: 300 });
    expect(error?.code).toBe('deadline');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(chunks.length).toBeGreaterThan(0);
  });
});
