/**
 * DNS rebinding: a name that resolves to a public address when the policy checks it and to 127.0.0.1 when
 * the connection is made is refused at the connection (lib/server/endpoint-guard.ts), and the local server
 * behind it never sees a request. Look-ups are stubbed; the "local service" is the scripted server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpoint, type EndpointPolicy } from '@/lib/server/endpoint-policy';
import { guardedFetch, type AllLookup } from '@/lib/server/endpoint-guard';
import { EndpointError } from '@/lib/answer/endpoint/errors';
import { streamChatCompletion } from '@/lib/answer/endpoint/stream-chat-completion';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../helpers/fake-openai-server';

const servers: FakeOpenAIServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const resolvesTo =
  (address: string, family = 4): AllLookup =>
  (_host, callback) =>
    callback(null, [{ address, family }]);

async function answer(baseUrl: string, transport: typeof fetch): Promise<{ text: string; error?: EndpointError }> {
  let text = '';
  try {
    for await (const delta of streamChatCompletion({
      baseUrl,
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      fetch: transport,
    }))
      text += delta;
    return { text };
  } catch (error) {
    if (error instanceof EndpointError) return { text, error };
    throw error;
  }
}

describe('DNS rebinding', () => {
  it('refuses a name that resolves to a loopback address after the check', async () => {
    const local = await startFakeOpenAIServer({ kind: 'json', content: 'secret from the local service' });
    servers.push(local);
    const port = new URL(local.url).port;
    const baseUrl = `http://rebind.example:${port}/v1`;
    const policy: EndpointPolicy = { allowUserEndpoints: true, allowedHosts: new Set() };

    // The check sees a public address…
    expect(await checkEndpoint(baseUrl, policy, async () => [{ address: '93.184.216.34' }])).toEqual({ allowed: true });
    // …the connection then resolves to loopback, and the guard refuses it.
    const { text, error } = await answer(baseUrl, guardedFetch(policy, resolvesTo('127.0.0.1')));
    expect(error?.code).toBe('unreachable');
    expect(text).toBe('');
    expect(local.requests).toHaveLength(0);

    const mapped = await answer(baseUrl, guardedFetch(policy, resolvesTo('::ffff:127.0.0.1', 6)));
    expect(mapped.error?.code).toBe('unreachable');
    expect(local.requests).toHaveLength(0);
  });

  it('lets a listed local host through the same guard, streaming as usual', async () => {
    const local = await startFakeOpenAIServer({ kind: 'stream', tokens: ['a ', 'dog'] });
    servers.push(local);
    const baseUrl = `http://ollama.lan:${new URL(local.url).port}/v1`;
    const policy: EndpointPolicy = { allowUserEndpoints: false, allowedHosts: new Set(['ollama.lan']) };
    const { text, error } = await answer(baseUrl, guardedFetch(policy, resolvesTo('127.0.0.1')));
    expect(error).toBeUndefined();
    expect(text).toBe('a dog');
  });
});
