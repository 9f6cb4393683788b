/**
 * Streams an answer from any OpenAI-compatible chat-completions server (Ollama, vLLM, LM Studio, llama.cpp,
 * hosted APIs) and yields the text deltas. Every way it can fail ends in a typed EndpointError, so the caller
 * can fall back to the built-in answerer; an abort from the caller's signal (the browser closed the tab) is
 * passed on as is and also aborts the upstream request, so the model stops generating.
 *
 * Timeouts count model progress, i.e. parsed "data:" events (a role-only first chunk, a reasoning delta, a
 * token), not bytes: a server that only sends keep-alive comments is stalled as far as the user can tell.
 * - first token: from sending the request to the first data event (covers connecting and image encoding);
 * - idle: the longest gap between data events after that;
 * - deadline: the whole answer, however steadily it streams.
 * `maxTokens` is enforced here too, whatever the server does, as characters (see answer-cap.ts, which also caps
 * words and the longest word): reading stops once the cap is reached.
 *
 * Nothing the remote server sends is shown to the user in an error: messages say what happened ("answered
 * HTTP 502"), the body goes to the server log. Refused, timed-out and unreachable all read the same, so the
 * errors cannot be used to map which hosts and ports exist. Redirects are not followed.
 */
import { AnswerCap, capLimits } from './answer-cap';
import { chatCompletionsUrl } from './base-url';
import { EndpointError, errorMessageFromBody, excerpt, UNREACHABLE_MESSAGE } from './errors';
import type { EndpointMessage } from './messages';
import { parseDataPayloads, SseParser } from './sse';

/**
 * A hung endpoint must hand over to the built-in answerer within 15 s (issue 10): the user is waiting on a
 * blank answer. A slow local vision model may need a longer first-token wait; pass firstTokenTimeoutMs.
 */
export const DEFAULT_FIRST_TOKEN_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
/** The whole answer: 300 tokens at a slow 5 tokens/s is 60 s; past 90 s the user has given up. */
export const DEFAULT_DEADLINE_MS = 90_000;
/** Bytes read from one response at most: far above any answer of 4096 tokens, far below a memory problem. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface StreamChatOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  messages: EndpointMessage[];
  signal?: AbortSignal;
  firstTokenTimeoutMs?: number;
  idleTimeoutMs?: number;
  deadlineMs?: number;
  /** The transport: a user-typed endpoint goes through one that checks the address it connects to. */
  fetch?: typeof fetch;
}

interface ChunkShape {
  error?: unknown;
  choices?: { delta?: { content?: unknown }; message?: { content?: unknown }; finish_reason?: unknown }[];
}

export async function* streamChatCompletion(options: StreamChatOptions): AsyncIterable<string> {
  const url = chatCompletionsUrl(options.baseUrl);
  const controller = new AbortController();
  const outer = options.signal;
  const forwardAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) throw outer.reason ?? new DOMException('Aborted', 'AbortError');
  outer?.addEventListener('abort', forwardAbort, { once: true });

  let timeoutError: EndpointError | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expire = (error: EndpointError) => {
    timeoutError ??= error;
    controller.abort(timeoutError);
  };
  const arm = (ms: number, code: 'first_token_timeout' | 'idle_timeout') => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const seconds = Math.round(ms / 100) / 10;
      expire(code === 'first_token_timeout' ? new EndpointError(code, UNREACHABLE_MESSAGE) : new EndpointError(code, `The endpoint stopped sending tokens for ${seconds} s.`));
    }, ms);
  };
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = setTimeout(
    () => expire(new EndpointError('deadline', `The endpoint had not finished after ${Math.round(deadlineMs / 1000)} s.`)),
    deadlineMs,
  );
  // Any failure after an abort is the abort's consequence: report the timeout, or pass the caller's abort on.
  const translate = (error: unknown): unknown => {
    if (timeoutError) return timeoutError;
    if (outer?.aborted) return error;
    if (error instanceof EndpointError) return error;
    const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
    console.warn(`endpoint ${url} unreachable: ${cause?.code ?? cause?.message ?? (error as Error)?.message ?? error}`);
    return new EndpointError('unreachable', UNREACHABLE_MESSAGE, { cause: error });
  };
  const cap = new AnswerCap(capLimits(options.maxTokens));
  let bytes = 0;

  arm(options.firstTokenTimeoutMs ?? DEFAULT_FIRST_TOKEN_TIMEOUT_MS, 'first_token_timeout');
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: options.model,
          messages: options.messages,
          stream: true,
          temperature: options.temperature,
          top_p: options.topP,
          max_tokens: options.maxTokens,
        }),
        signal: controller.signal,
        cache: 'no-store',
        // A redirect could point anywhere, including where the endpoint policy would never let a request go.
        redirect: 'manual',
      });
    } catch (error) {
      throw translate(error);
    }

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      console.warn(`endpoint ${url} redirected (HTTP ${response.status} to ${response.headers.get('location')}); not followed`);
      throw new EndpointError('unreachable', UNREACHABLE_MESSAGE, { status: response.status });
    }
    if (!response.ok) throw await httpError(url, response).catch(translate);
    if (!response.body) throw new EndpointError('bad_response', 'The endpoint answered with an empty body.');

    const reader = response.body.getReader();
    const read = async () => {
      try {
        const chunk = await reader.read();
        bytes += chunk.value?.byteLength ?? 0;
        if (bytes > MAX_RESPONSE_BYTES) throw new EndpointError('bad_response', 'The endpoint sent more than an answer can hold.');
        return chunk;
      } catch (error) {
        throw translate(error);
      }
    };
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('application/json')) {
      // Some servers ignore stream:true and answer with one completion object: accept it whole.
      let text = '';
      const decoder = new TextDecoder();
      for (let chunk = await read(); !chunk.done; chunk = await read()) text += decoder.decode(chunk.value, { stream: true });
      const whole = cap.push(wholeCompletion(url, text)).text;
      if (whole) yield whole;
      return;
    }

    const decoder = new TextDecoder();
    const parser = new SseParser();
    let sawData = false;
    let finished = false;
    const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    for (;;) {
      const chunk = await read();
      const items = chunk.done ? parser.end() : parser.push(decoder.decode(chunk.value, { stream: true }));
      for (const item of items) {
        if (item.kind === 'junk') {
          if (sawData) continue; // stray lines inside a working stream are harmless
          console.warn(`endpoint ${url} sent no event stream: "${excerpt(item.line, 300)}"`);
          throw new EndpointError('bad_response', 'The endpoint did not answer with an event stream.');
        }
        const payloads = item.data.trim() === '[DONE]' ? ['[DONE]'] : parseDataPayloads(item.data);
        if (!payloads) {
          console.warn(`endpoint ${url} sent data that is not JSON: "${excerpt(item.data, 300)}"`);
          throw new EndpointError('bad_response', 'The endpoint sent data that is not JSON.');
        }
        for (const payload of payloads) {
          if (payload === '[DONE]') return;
          sawData = true;
          arm(idleMs, 'idle_timeout');
          const parsed = payload as ChunkShape;
          if (parsed.error !== undefined) {
            console.warn(`endpoint ${url} reported: ${errorMessageFromBody(parsed) ?? excerpt(JSON.stringify(parsed.error))}`);
            throw new EndpointError('model_error', 'The endpoint reported an error instead of an answer.');
          }
          const choice = parsed.choices?.[0];
          const content = choice?.delta?.content;
          if (typeof content === 'string' && content) {
            const { text, stop } = cap.push(content);
            if (text) yield text;
            if (stop) return; // our limit, whatever the server does; `finally` closes the stream
          }
          if (choice?.finish_reason) finished = true;
        }
      }
      if (chunk.done) break;
    }
    if (!sawData) throw new EndpointError('bad_response', 'The endpoint closed the stream without sending anything.');
    if (!finished) throw new EndpointError('incomplete', 'The endpoint closed the stream before the answer was finished.');
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    outer?.removeEventListener('abort', forwardAbort);
    // Stopping early (the consumer broke out, or an error above) must close the upstream connection too.
    controller.abort();
  }
}

/** The status for the user; the body (its first 2 kB, enough for any error message) for the log. */
async function httpError(url: string, response: Response): Promise<EndpointError> {
  const body = await readPrefix(response, 2048);
  const status = response.status;
  console.warn(`endpoint ${url} answered HTTP ${status}: ${excerpt(body, 500)}`);
  return new EndpointError('http_error', `The endpoint answered HTTP ${status}.`, { status, bodyExcerpt: excerpt(body, 500) });
}

async function readPrefix(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let read = 0; read < maxBytes; ) {
      const chunk = await reader.read();
      if (chunk.done) break;
      read += chunk.value.byteLength;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    // A body that breaks off says no more than the status already did.
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}

function wholeCompletion(url: string, text: string): string {
  let parsed: ChunkShape;
  try {
    parsed = JSON.parse(text) as ChunkShape;
  } catch {
    console.warn(`endpoint ${url} sent JSON that does not parse: "${excerpt(text, 300)}"`);
    throw new EndpointError('bad_response', 'The endpoint sent JSON that does not parse.');
  }
  if (parsed.error !== undefined) {
    console.warn(`endpoint ${url} reported: ${errorMessageFromBody(parsed) ?? 'unknown'}`);
    throw new EndpointError('model_error', 'The endpoint reported an error instead of an answer.');
  }
  const content = parsed.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new EndpointError('bad_response', 'The endpoint answered without a message.');
  return content;
}
