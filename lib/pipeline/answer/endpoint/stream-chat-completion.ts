/**
 * Streams an answer from any OpenAI-compatible chat-completions server (Ollama, vLLM, LM Studio, llama.cpp,
 * hosted APIs) and yields the text deltas. Every way it can fail ends in a typed EndpointError, so the caller
 * can fall back to the built-in answerer; an abort from the caller's signal (the browser closed the tab) is
 * passed on as is and also aborts the upstream request, so the model stops generating.
 *
 * Timeouts count model progress, i.e. parsed "data:" events (a role-only first chunk, a reasoning delta, a
 * token), not bytes: a server that only sends keep-alive comments is stalled as far as the user can tell.
 * - first token: from sending the request to the first data event (covers connecting and image encoding);
 * - idle: the longest gap between data events after that.
 */
import { chatCompletionsUrl } from './base-url';
import { EndpointError, errorMessageFromBody, excerpt } from './errors';
import type { EndpointMessage } from './messages';
import { parseDataPayloads, SseParser } from './sse';

/** Generous: a vision model on a CPU can take tens of seconds to read an image before its first token. */
export const DEFAULT_FIRST_TOKEN_TIMEOUT_MS = 60_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 20_000;

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
  const arm = (ms: number, code: 'first_token_timeout' | 'idle_timeout') => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const what = code === 'first_token_timeout' ? 'sent nothing' : 'stopped sending tokens';
      timeoutError = new EndpointError(code, `The endpoint ${what} for ${Math.round(ms / 100) / 10} s.`);
      controller.abort(timeoutError);
    }, ms);
  };
  // Any failure after an abort is the abort's consequence: report the timeout, or pass the caller's abort on.
  const translate = (error: unknown): unknown => {
    if (timeoutError) return timeoutError;
    if (outer?.aborted) return error;
    if (error instanceof EndpointError) return error;
    const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
    return new EndpointError('unreachable', `Could not reach ${url} (${detail}).`, { cause: error });
  };

  arm(options.firstTokenTimeoutMs ?? DEFAULT_FIRST_TOKEN_TIMEOUT_MS, 'first_token_timeout');
  try {
    let response: Response;
    try {
      response = await fetch(url, {
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
      });
    } catch (error) {
      throw translate(error);
    }

    if (!response.ok) throw await httpError(response).catch(translate);

    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('application/json')) {
      // Some servers ignore stream:true and answer with one completion object: accept it whole.
      const text = await response.text().catch((error) => Promise.reject(translate(error)));
      yield* wholeCompletion(text);
      return;
    }
    if (!response.body) throw new EndpointError('bad_response', 'The endpoint answered with an empty body.');

    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    let sawData = false;
    let finished = false;
    const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw translate(error);
      }
      const items = chunk.done ? parser.end() : parser.push(decoder.decode(chunk.value, { stream: true }));
      for (const item of items) {
        if (item.kind === 'junk') {
          if (sawData) continue; // stray lines inside a working stream are harmless
          throw new EndpointError('bad_response', `The endpoint did not answer with an event stream (got "${excerpt(item.line, 120)}").`);
        }
        const payloads = item.data.trim() === '[DONE]' ? ['[DONE]'] : parseDataPayloads(item.data);
        if (!payloads) throw new EndpointError('bad_response', `The endpoint sent data that is not JSON: "${excerpt(item.data, 120)}".`);
        for (const payload of payloads) {
          if (payload === '[DONE]') return;
          sawData = true;
          arm(idleMs, 'idle_timeout');
          const parsed = payload as ChunkShape;
          if (parsed.error !== undefined) {
            throw new EndpointError('model_error', `The endpoint reported an error: ${errorMessageFromBody(parsed) ?? excerpt(JSON.stringify(parsed.error))}`);
          }
          const choice = parsed.choices?.[0];
          const content = choice?.delta?.content;
          if (typeof content === 'string' && content) yield content;
          if (choice?.finish_reason) finished = true;
        }
      }
      if (chunk.done) break;
    }
    if (!sawData) throw new EndpointError('bad_response', 'The endpoint closed the stream without sending anything.');
    if (!finished) throw new EndpointError('incomplete', 'The endpoint closed the stream before the answer was finished.');
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forwardAbort);
    // Stopping early (the consumer broke out, or an error above) must close the upstream connection too.
    controller.abort();
  }
}

async function httpError(response: Response): Promise<EndpointError> {
  const body = await response.text().catch(() => '');
  let message: string | undefined;
  try {
    message = errorMessageFromBody(JSON.parse(body));
  } catch {
    message = undefined;
  }
  const status = response.status;
  const detail = message ?? (excerpt(body, 200) || response.statusText);
  return new EndpointError('http_error', `The endpoint answered HTTP ${status}${detail ? `: ${detail}` : ''}.`, {
    status,
    bodyExcerpt: excerpt(body, 500),
  });
}

function* wholeCompletion(text: string): Generator<string> {
  let parsed: ChunkShape;
  try {
    parsed = JSON.parse(text) as ChunkShape;
  } catch {
    throw new EndpointError('bad_response', `The endpoint sent JSON that does not parse: "${excerpt(text, 120)}".`);
  }
  if (parsed.error !== undefined) {
    throw new EndpointError('model_error', `The endpoint reported an error: ${errorMessageFromBody(parsed) ?? 'unknown'}`);
  }
  const content = parsed.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new EndpointError('bad_response', 'The endpoint answered without a message.');
  yield content;
}
