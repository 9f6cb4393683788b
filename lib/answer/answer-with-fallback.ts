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
 * Last comes `own-links`: the links written with the answer (the built-in answerer's generated ones, the
 * endpoint's citations), in offsets of the whole visible answer, and how much of it others wrote
 * (`matchUpTo`: the offline matcher may link uncited phrases there, never in the built-in text).
 */
import type { ChatEvent, ChatMessage, AnswerSource, LinkSpan } from '@/lib/shared/chat';
import { composeLinkedAnswer, streamWords } from './builtin/answer-builtin';
import { answerVideoQuestion } from './video';
import { boxFrame } from './endpoint/box-format';
import { CitationStreamFilter } from './endpoint/citations';
import { endpointLabel } from './endpoint/base-url';
import { EndpointError } from './endpoint/errors';
import { extractGroundedBoxes, GroundingStreamFilter } from './endpoint/box-reply';
import { buildEndpointMessages, type SentImage } from './endpoint/messages';
import { streamChatCompletion } from './endpoint/stream-chat-completion';
import { computeSceneFacts } from './scene-facts';
import type { AnswerSceneInput } from './types';

export interface OwnLinksEvent {
  type: 'own-links';
  spans: LinkSpan[];
  /** The visible answer's first `matchUpTo` characters were written by an endpoint (0: none). */
  matchUpTo: number;
}
export type AnswerEvent = Extract<ChatEvent, { type: 'source' | 'token' | 'fallback' | 'grounded' }> | OwnLinksEvent;

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
  /** The endpoint's transport (see StreamChatOptions.fetch). */
  fetch?: typeof fetch;
}

export async function* answerWithFallback(params: AnswerWithFallbackParams): AsyncIterable<AnswerEvent> {
  const { source, scene, messages, signal } = params;
  const facts = computeSceneFacts(scene);
  /** The built-in answer after `before` characters of endpoint text (and the separator, if any). */
  const builtin = async function* (before: number, separator: string): AsyncIterable<AnswerEvent> {
    yield { type: 'source', kind: 'builtin', label: BUILTIN_SOURCE_LABEL };
    if (separator) yield { type: 'token', text: separator };
    const answer =
      (scene.timeline && answerVideoQuestion(scene.timeline, messages)) ?? composeLinkedAnswer(scene, messages, facts);
    for await (const text of streamWords(answer.text, { signal, chunkDelayMs: params.builtinChunkDelayMs }))
      yield { type: 'token', text };
    const offset = before + separator.length;
    return answer.spans.map((span) => ({ ...span, start: span.start + offset, end: span.end + offset }));
  };
  if (source.kind === 'builtin') {
    const spans = yield* builtin(0, '');
    yield { type: 'own-links', spans, matchUpTo: 0 };
    return;
  }

  yield { type: 'source', kind: 'endpoint', model: source.model, label: endpointLabel(source.baseUrl, source.model) };
  const image = params.image ?? null;
  const sent = typeof image === 'string' || image === null ? { width: facts.width, height: facts.height } : image;
  const filter = new GroundingStreamFilter();
  const citations = new CitationStreamFilter(new Set([...facts.entities, ...facts.stuff].map((e) => e.id)));
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
      messages: buildEndpointMessages(facts, messages, image, facts.sound, {
        grounding: source.grounding,
        boxFormat: source.boxFormat,
        audioWavBase64: source.audioInput ? params.audioWavBase64 : undefined,
      }),
      signal,
      firstTokenTimeoutMs: params.firstTokenTimeoutMs,
      idleTimeoutMs: params.idleTimeoutMs,
      fetch: params.fetch,
    });
    for await (const delta of stream) {
      // Without grounding nothing is held back; the filter still keeps the full text.
      const visible = citations.push(source.grounding ? filter.push(delta) : delta);
      if (visible) {
        shown += visible.length;
        yield { type: 'token', text: visible };
      }
    }
    const rest = citations.push(source.grounding ? filter.finish() : '') + citations.finish();
    if (rest) {
      shown += rest.length;
      yield { type: 'token', text: rest };
    }
    if (shown > 0) {
      if (source.grounding) {
        const boxes = extractGroundedBoxes(
          filter.fullText,
          facts.width,
          facts.height,
          boxFrame(source.boxFormat, sent),
        );
        if (boxes.length) yield { type: 'grounded', boxes };
      }
      yield { type: 'own-links', spans: citations.spans, matchUpTo: shown };
      return;
    }
    failure = 'The endpoint returned an empty answer.';
  } catch (error) {
    if (signal?.aborted) return;
    failure =
      error instanceof EndpointError ? error.message : `The endpoint failed: ${(error as Error)?.message ?? error}`;
  }

  const reason =
    shown > 0
      ? `${failure} It stopped after ${shown} characters; the built-in answer follows.`
      : `${failure} The built-in answerer answered instead.`;
  yield { type: 'fallback', reason };
  const spans = yield* builtin(shown, shown > 0 ? FALLBACK_SEPARATOR : '');
  yield { type: 'own-links', spans: [...citations.spans, ...spans], matchUpTo: shown };
}
