/**
 * The fetch the `openai` SDK is given for an endpoint: it decides what leaves this server and how much comes
 * back, whatever the SDK would add.
 * - Only the headers the protocol needs: the content type, what we accept and the user's own key. Not the
 *   SDK's platform headers (X-Stainless-*: OS, architecture, Node version) nor anything it reads from this
 *   server's environment (OPENAI_ORG_ID, OPENAI_CUSTOM_HEADERS…), which a user-typed endpoint must never see.
 * - Redirects are not followed: one could point anywhere, including where the endpoint policy would never let
 *   a request go.
 * - At most MAX_RESPONSE_BYTES is read from one response.
 * `base` is, for a user-typed endpoint, the guarded fetch (lib/server/endpoint-guard.ts) whose connection
 * checks the address it connects to, so DNS rebinding stays closed under the SDK.
 */
import { EndpointError } from './errors';

/** Bytes read from one response at most: far above any answer of 4096 tokens, far below a memory problem. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function endpointTransport(base: typeof fetch, apiKey: string | undefined): typeof fetch {
  return async (input, init) => {
    const headers = new Headers({ 'content-type': 'application/json', accept: 'text/event-stream, application/json' });
    if (apiKey) headers.set('authorization', `Bearer ${apiKey}`);
    const response = await base(input, { ...init, headers, cache: 'no-store', redirect: 'manual' });
    return capped(response, MAX_RESPONSE_BYTES);
  };
}

/** The same response, its body erroring once more than `maxBytes` have come. */
function capped(response: Response, maxBytes: number): Response {
  if (!response.body) return response;
  let bytes = 0;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes)
          controller.error(new EndpointError('bad_response', 'The endpoint sent more than an answer can hold.'));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
