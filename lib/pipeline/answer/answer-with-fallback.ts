/**
 * One answer from the chosen source, as chat events, never failing for the user: if the endpoint fails at any
 * point (down, HTTP error, junk, stall, empty answer), the built-in answerer answers instead.
 *
 * Event order:
 *   built-in:           source(builtin) → token…
 *   endpoint, success:  source(endpoint) → token… → grounded? (grounding mode, when boxes were found)
 *   endpoint, failure:  source(endpoint) → token (what it had streamed, maybe none) … → fallback(reason)
 *                       → source(builtin) → token(separator, only if endpoint text was shown) → token…
 * The separator is FALLBACK_SEPARATOR, a paragraph break and a marker, so the cut-off endpoint text and the
 * built-in answer read as two parts; the tokens together are the full visible answer the matcher runs on.
 * When the caller's signal aborts (the browser went away), the generator just stops: nobody is listening.
 */
import type { ChatEvent, ChatMessage, AnswerSource } from '@/lib/shared/chat';
import { answerBuiltin } from './builtin/answer-builtin';
import { endpointLabel } from './endpoint/base-url';
import { EndpointError } from './endpoint/errors';
import { extractGroundedBoxes, GroundingStreamFilter } from './endpoint/grounding';
import { buildEndpointMessages, type SentImage } from './endpoint/messages';
import { streamChatCompletion } from './endpoint/stream-chat-completion';
import { computeSceneFacts } from './scene-facts';
import type { AnswerSceneInput } from './types';

export type AnswerEvent = Extract<ChatEvent, { type: 'source' | 'token' | 'fallback' | 'grounded' }>;

export const BUILTIN_SOURCE_LABEL = 'Built-in grounded answerer (rules over the detections, not an LLM)';
export const FALLBACK_SEPARATOR = '\n\n[Built-in answer] ';

export interface AnswerWithFallbackParams {
  source: AnswerSource;
  scene: AnswerSceneInput;
  messages: ChatMessage[];
  /** The JPEG data URL sent to the endpoint (or with its size, if resized); null sends no image. */
  image?: string | SentImage | null;
  /** The sound as base64 WAV for models that take audio (sent only when the source asks for it). */
  audioWavBase64?: string;
  signal?: AbortSignal;
  firstTokenTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** Pause between built-in word chunks (UI pacing); 0 in tests. */
  builtinChunkDelayMs?: number;
  /** Swappable for tests; defaults to the real client. */
  stream?: typeof streamChatCompletion;
}

export async function* answerWithFallback(params: AnswerWithFallbackParams): AsyncIterable<AnswerEvent> {
  const { source, scene, messages, signal } = params;
  const facts = computeSceneFacts(scene);
  const builtin = async function* (): AsyncIterable<AnswerEvent> {
    yield { type: 'source', kind: 'builtin', label: BUILTIN_SOURCE_LABEL };
    const options = { facts, signal, chunkDelayMs: params.builtinChunkDelayMs };
    for await (const text of answerBuiltin(scene, messages, options)) yield { type: 'token', text };
  };
  if (source.kind === 'builtin') {
    yield* builtin();
    return;
  }

  yield { type: 'source', kind: 'endpoint', model: source.model, label: endpointLabel(source.baseUrl, source.model) };
  const image = params.image ?? null;
  const sent = typeof image === 'string' || image === null ? { width: facts.width, height: facts.height } : image;
  const filter = new GroundingStreamFilter();
  let shown = 0;
  let failure: string;
  try {
    const stream = (params.stream ?? streamChatCompletion)({
      baseUrl: source.baseUrl,
      model: source.model,
      apiKey: source.apiKey,
      temperature: source.temperature,
      topP: source.topP,
      maxTokens: source.maxTokens,
      messages: buildEndpointMessages(facts, messages, image, scene.soundSummary, {
        grounding: source.grounding,
        audioWavBase64: source.audioInput ? params.audioWavBase64 : undefined,
      }),
      signal,
      firstTokenTimeoutMs: params.firstTokenTimeoutMs,
      idleTimeoutMs: params.idleTimeoutMs,
    });
    for await (const delta of stream) {
      // Without grounding nothing is held back; the filter still keeps the full text.
      const held = filter.push(delta);
      const visible = source.grounding ? held : delta;
      if (visible) {
        shown += visible.length;
        yield { type: 'token', text: visible };
      }
    }
    const rest = source.grounding ? filter.finish() : '';
    if (rest) {
      shown += rest.length;
      yield { type: 'token', text: rest };
    }
    if (shown > 0) {
      if (source.grounding) {
        const boxes = extractGroundedBoxes(filter.fullText, facts.width, facts.height, sent);
        if (boxes.length) yield { type: 'grounded', boxes };
      }
      return;
    }
    failure = 'The endpoint returned an empty answer.';
  } catch (error) {
    if (signal?.aborted) return;
    failure = error instanceof EndpointError ? error.message : `The endpoint failed: ${(error as Error)?.message ?? error}`;
  }

  const reason =
    shown > 0
      ? `${failure} It stopped after ${shown} characters; the built-in answer follows.`
      : `${failure} The built-in answerer answered instead.`;
  yield { type: 'fallback', reason };
  const rest = builtin();
  for await (const event of rest) {
    yield event;
    if (event.type === 'source' && shown > 0) yield { type: 'token', text: FALLBACK_SEPARATOR };
  }
}
