/**
 * Streams an answer from any OpenAI-compatible chat-completions server (Ollama, vLLM, LM Studio, llama.cpp,
 * hosted APIs) through the `openai` SDK, and yields the text deltas. Every way it can fail ends in a typed
 * EndpointError, so the caller can fall back to the built-in answerer; an abort from the caller's signal (the
 * browser closed the tab) is passed on as is and also aborts the upstream request, so the model stops generating.
 *
 * The SDK speaks the protocol (request, event stream, HTTP and streamed errors); around it:
 * - transport.ts: the headers that leave, no redirects, a byte cap; the guarded connection for user endpoints;
 * - progress-timeouts.ts: first-token, idle and deadline limits, which abort the SDK's request;
 * - answer-cap.ts: `maxTokens` enforced here too, whatever the server does: reading stops at the cap.
 *
 * Nothing the remote server sends is shown to the user in an error: messages say what happened ("answered
 * HTTP 502"), the body goes to the server log. Refused, timed-out and unreachable all read the same, so the
 * errors cannot be used to map which hosts and ports exist.
 */
import OpenAI, { APIConnectionError, APIError } from 'openai';
import { AnswerCap, capLimits } from './answer-cap';
import { chatCompletionsUrl } from './base-url';
import { EndpointError, errorMessageFromBody, excerpt, UNREACHABLE_MESSAGE } from './errors';
import type { EndpointMessage } from './messages';
import { DEFAULT_DEADLINE_MS, ProgressTimeouts, type ProgressLimits } from './progress-timeouts';
import { endpointTransport } from './transport';

export interface StreamChatOptions extends ProgressLimits {
  baseUrl: string;
  model: string;
  apiKey?: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  messages: EndpointMessage[];
  signal?: AbortSignal;
  /** The transport: a user-typed endpoint goes through one that checks the address it connects to. */
  fetch?: typeof fetch;
}

export async function* streamChatCompletion(options: StreamChatOptions): AsyncIterable<string> {
  const url = chatCompletionsUrl(options.baseUrl);
  const outer = options.signal;
  if (outer?.aborted) throw outer.reason ?? new DOMException('Aborted', 'AbortError');
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forwardAbort, { once: true });
  const timeouts = new ProgressTimeouts(controller, options);
  // Any failure after an abort is the abort's consequence: report the timeout, or pass the caller's abort on.
  const translate = (error: unknown): unknown =>
    timeouts.expired ?? (outer?.aborted ? (outer.reason ?? error) : endpointError(url, error));
  const cap = new AnswerCap(capLimits(options.maxTokens));

  try {
    const answer = await sdkClient(url, options)
      .chat.completions.create(
        {
          model: options.model,
          messages: options.messages,
          stream: true,
          temperature: options.temperature,
          top_p: options.topP,
          max_tokens: options.maxTokens,
        },
        { signal: controller.signal },
      )
      .withResponse()
      .catch((error: unknown) => Promise.reject(translate(error)));

    if (answer.response.headers.get('content-type')?.includes('application/json')) {
      // Some servers ignore stream:true and answer with one completion object: accept it whole.
      const text = await answer.response.text().catch((error) => Promise.reject(translate(error)));
      const whole = cap.push(wholeCompletion(url, text)).text;
      if (whole) yield whole;
      return;
    }

    let sawData = false;
    try {
      for await (const chunk of answer.data) {
        sawData = true;
        timeouts.progress();
        const choice = chunk.choices?.[0];
        const content = choice?.delta?.content;
        if (typeof content === 'string' && content) {
          const { text, stop } = cap.push(content);
          if (text) yield text;
          if (stop) return; // our limit, whatever the server does; `finally` closes the stream
        }
        if (choice?.finish_reason) return;
      }
    } catch (error) {
      throw translate(error);
    }
    // The SDK ends a stream quietly when its request is aborted: a timeout or the caller.
    if (controller.signal.aborted) throw translate(controller.signal.reason);
    if (!sawData)
      throw new EndpointError(
        'bad_response',
        'The endpoint did not answer with an event stream of chat-completion chunks.',
      );
    throw new EndpointError('incomplete', 'The endpoint closed the stream before the answer was finished.');
  } finally {
    timeouts.stop();
    outer?.removeEventListener('abort', forwardAbort);
    // Stopping early (the consumer broke out, or an error above) must close the upstream connection too.
    controller.abort();
  }
}

/** One client per request: its options (base URL, key, transport) are the request's. */
function sdkClient(url: string, options: StreamChatOptions): OpenAI {
  const base = new URL(url);
  // The SDK appends /chat/completions to its base URL: a query (Azure's api-version) goes in defaultQuery.
  const query = Object.fromEntries(base.searchParams);
  base.search = '';
  return new OpenAI({
    baseURL: base.toString().replace(/\/chat\/completions$/, ''),
    defaultQuery: Object.keys(query).length ? query : undefined,
    // The SDK insists on a key; transport.ts sends the user's own one only, and nothing without one.
    apiKey: options.apiKey || 'none',
    // Stated, so that nothing is read from this server's OPENAI_* environment.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    fetch: endpointTransport(options.fetch ?? fetch, options.apiKey),
    // A retry would double the wait before the built-in answer; the SDK's timeout only covers the wait for
    // the response headers, the progress timeouts cover the rest.
    maxRetries: 0,
    timeout: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
  });
}

/** The SDK's errors as an EndpointError whose message a user may read; what the server said is logged. */
function endpointError(url: string, error: unknown): EndpointError {
  if (error instanceof EndpointError) return error;
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    if (status >= 300 && status < 400) {
      console.warn(`endpoint ${url} redirected (HTTP ${status} to ${error.headers?.get('location')}); not followed`);
      return new EndpointError('unreachable', UNREACHABLE_MESSAGE, { status });
    }
    const bodyExcerpt = excerpt(error.error === undefined ? error.message : JSON.stringify(error.error), 500);
    console.warn(`endpoint ${url} answered HTTP ${status}: ${bodyExcerpt}`);
    return new EndpointError('http_error', `The endpoint answered HTTP ${status}.`, { status, bodyExcerpt });
  }
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    // An error object in the stream, in place of a chunk.
    console.warn(`endpoint ${url} reported: ${errorMessageFromBody({ error: error.error }) ?? excerpt(error.message)}`);
    return new EndpointError('model_error', 'The endpoint reported an error instead of an answer.');
  }
  if (error instanceof SyntaxError) {
    console.warn(`endpoint ${url} sent data that is not JSON: ${error.message}`);
    return new EndpointError('bad_response', 'The endpoint sent data that is not JSON.');
  }
  const cause = (error as { cause?: { message?: string; code?: string; cause?: { code?: string; message?: string } } })
    ?.cause;
  const reason =
    cause?.cause?.code ?? cause?.cause?.message ?? cause?.code ?? cause?.message ?? (error as Error)?.message ?? error;
  console.warn(`endpoint ${url} unreachable: ${reason}`);
  return new EndpointError('unreachable', UNREACHABLE_MESSAGE, { cause: error });
}

interface CompletionShape {
  error?: unknown;
  choices?: { message?: { content?: unknown } }[];
}

function wholeCompletion(url: string, text: string): string {
  let parsed: CompletionShape;
  try {
    parsed = JSON.parse(text) as CompletionShape;
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
