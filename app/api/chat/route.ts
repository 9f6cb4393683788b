import { ChatEventSchema, type ChatEvent, type ChatRequest, type LinkSpan } from '@/lib/shared/chat';
import { answerWithFallback } from '@/lib/answer/answer-with-fallback';
import { endpointFromEnv } from '@/lib/answer/endpoint/config';
import { addGroundedEntities, entitiesFromGroundedBoxes } from '@/lib/answer/endpoint/grounded-entities';
import { imageForEndpoint } from '@/lib/answer/endpoint/image-data-url';
import { readTextInWorker, segmentInWorker } from '@/lib/server/cluster/dispatch';
import { ensureSceneText } from '@/lib/answer/scene-text';
import { matchEntities, type MatchableEntity } from '@/lib/lexicon';
import { matchWithLlm } from '@/lib/lexicon/llm';
import { streamChatCompletion } from '@/lib/answer/endpoint/stream-chat-completion';
import { mergeLinks } from '@/lib/answer/links/merge';
import { graphOf } from '@/lib/scene/graph/build';
import { passesThreshold, SERVER_SCORE_FLOOR } from '@/lib/shared/analysis';
import { encodeWav16 } from '@/lib/shared/wav';
import { ANALYSIS_SAMPLE_RATE } from '@/lib/audio/decode';
import type { Scene } from '@/lib/scene/types';
import { sharedGuardedFetch } from '@/lib/server/endpoint-guard';
import { checkEndpoint, ENDPOINT_REFUSED_MESSAGE, policyFromEnv } from '@/lib/server/endpoint-policy';
import { eventLoopMonitor } from '@/lib/server/event-loop';
import { errorResponse, HttpError, ndjsonResponse, readJsonBody } from '@/lib/server/http';
import { WorkerFailure } from '@/lib/server/inference/protocol';
import { QueueFullError } from '@/lib/server/queue';
import { chatQuestionCount, loadResult, MAX_CHAT_QUESTIONS } from '@/lib/server/results';
import { recordChatTurn } from '@/lib/server/recorder';
import { ChatRequestSchema, MAX_CHAT_BODY_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The event loop is watched from the first request on (its worst stall is reported by /api/health).
eventLoopMonitor();

/** The server's own endpoint (from .env.local) is named by the client without its key: add the key here. */
function withServerKey(chat: ChatRequest): ChatRequest {
  const source = chat.source;
  if (source.kind !== 'endpoint' || source.apiKey) return chat;
  let configured: ReturnType<typeof endpointFromEnv> = null;
  try {
    configured = endpointFromEnv();
  } catch {
    return chat; // misconfigured .env: reported by /api/config
  }
  if (configured?.kind !== 'endpoint' || configured.baseUrl !== source.baseUrl || configured.model !== source.model)
    return chat;
  return { ...chat, source: { ...source, apiKey: configured.apiKey } };
}

function soundAsWav(scene: Scene): string | undefined {
  if (!scene.audioSamples) return undefined;
  return Buffer.from(encodeWav16([scene.audioSamples], ANALYSIS_SAMPLE_RATE)).toString('base64');
}

/**
 * How the endpoint is reached: the operator's own endpoint directly, a user-typed one through a connection
 * that checks the address it connects to (lib/server/endpoint-guard.ts: DNS rebinding).
 */
function endpointFetch(chat: ChatRequest): typeof fetch | undefined {
  const policy = policyFromEnv();
  if (chat.source.kind !== 'endpoint' || chat.source.baseUrl.trim() === policy.serverBaseUrl) return undefined;
  return sharedGuardedFetch(policy);
}

/** The offline matcher, or the endpoint's model when the user asked for it (falling back to offline). */
async function linkPhrases(chat: ChatRequest, text: string, entities: MatchableEntity[], signal: AbortSignal) {
  const source = chat.source;
  if (source.kind !== 'endpoint' || !source.llmMatching) return matchEntities(text, entities);
  const complete = async (messages: { role: 'system' | 'user' | 'assistant'; content: string }[]) => {
    let reply = '';
    for await (const delta of streamChatCompletion({
      ...source,
      messages,
      temperature: 0,
      signal,
      fetch: endpointFetch(chat),
    }))
      reply += delta;
    return reply;
  };
  return matchWithLlm(text, entities, complete);
}

/**
 * What the matcher links to: the scene-graph nodes (their colours and places let a phrase single out one
 * instance), without the duplicates the graph folded into another entity (one object is linked once).
 */
function matchable(scene: Scene, visible: Scene['entities']) {
  const nodes = new Map((scene.graph?.nodes ?? []).map((n) => [n.id, n]));
  const folded = new Set(scene.graph?.entityIds.filter((id) => !nodes.has(id)));
  return visible.filter((e) => !folded.has(e.id)).map((e) => nodes.get(e.id) ?? e);
}

/** Streams one answer: tokens from the chosen source, new entities if it grounded any, then the links. */
async function answer(chat: ChatRequest, scene: Scene, emit: (event: ChatEvent) => void, signal: AbortSignal) {
  const threshold = chat.scoreThreshold ?? SERVER_SCORE_FLOOR;
  // Only what the user sees may be talked about and linked.
  const visible = () => scene.entities.filter((e) => passesThreshold(e, threshold));
  await ensureSceneText(scene, chat.messages[chat.messages.length - 1].content, readTextInWorker, signal);
  const image = chat.source.kind === 'endpoint' && scene.image ? await imageForEndpoint(scene.image) : null;
  // Built during the analysis; rebuilt here only for older results or after an endpoint added entities.
  scene.graph = graphOf(scene);
  let text = '';
  let own: { spans: LinkSpan[]; matchUpTo: number } = { spans: [], matchUpTo: Infinity };
  for await (const event of answerWithFallback({
    source: chat.source,
    scene: {
      resultId: scene.resultId,
      graph: scene.graph,
      threshold,
      texts: scene.texts,
      tags: scene.tags,
      timeline: scene.video && { video: scene.video, audio: scene.audio },
    },
    messages: chat.messages,
    image,
    audioWavBase64: chat.source.kind === 'endpoint' && chat.source.audioInput ? soundAsWav(scene) : undefined,
    signal,
    builtinChunkDelayMs: 15,
    fetch: endpointFetch(chat),
  })) {
    if (event.type === 'token') text += event.text;
    if (event.type === 'own-links') {
      own = event;
      continue;
    }
    if (event.type === 'grounded' && chat.source.kind === 'endpoint' && scene.image) {
      emit(event);
      const added = entitiesFromGroundedBoxes(scene, event.boxes, chat.source.model);
      await addGroundedEntities(
        scene,
        added,
        (entity) => emit({ type: 'entity', entity }),
        (entityId, mask) => emit({ type: 'mask', entityId, mask }),
        segmentInWorker,
        signal,
      );
      continue;
    }
    emit(event);
  }
  if (signal.aborted) return;
  const matched =
    own.matchUpTo > 0 ? await linkPhrases(chat, text.slice(0, own.matchUpTo), matchable(scene, visible()), signal) : [];
  emit({ type: 'links', spans: mergeLinks(own.spans, matched, own.matchUpTo) });
  emit({ type: 'done' });
}

/** A user-typed endpoint must pass the operator's policy (lib/server/endpoint-policy.ts) before anything is sent. */
async function checkSource(chat: ChatRequest): Promise<void> {
  if (chat.source.kind !== 'endpoint') return;
  const verdict = await checkEndpoint(chat.source.baseUrl, policyFromEnv());
  if (!verdict.allowed) {
    console.warn(`chat: endpoint ${chat.source.baseUrl} refused: ${verdict.reason}`);
    throw new HttpError(403, 'endpoint_not_allowed', ENDPOINT_REFUSED_MESSAGE);
  }
}

/** Model work (text reading, masks for grounded boxes) that could not run is said plainly; the rest is logged. */
function chatErrorEvent(error: unknown): ChatEvent {
  if (error instanceof QueueFullError) return { type: 'error', code: error.code, message: error.message };
  if (error instanceof WorkerFailure && error.kind === 'model')
    return { type: 'error', code: error.code, message: error.message };
  console.error('chat failed', error);
  return { type: 'error', code: 'chat_failed', message: 'The answer failed on the server; see its log.' };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const chat = withServerKey(await readJsonBody(request, ChatRequestSchema, MAX_CHAT_BODY_BYTES));
    await checkSource(chat);
    const scene = await loadResult(chat.resultId);
    if (!scene) {
      throw new HttpError(
        404,
        'unknown_result',
        'This analysis is no longer on the server (or never was): analyse the image again.',
      );
    }
    if ((await chatQuestionCount(chat.resultId)) >= MAX_CHAT_QUESTIONS) {
      throw new HttpError(
        409,
        'chat_full',
        `This result keeps at most ${MAX_CHAT_QUESTIONS} questions: analyse the image again to go on asking.`,
      );
    }
    return ndjsonResponse(
      ChatEventSchema,
      async (emit, signal) => {
        const recorder = recordChatTurn(scene, chat, emit);
        await answer(chat, scene, recorder.emit, signal);
        await recorder.finished();
      },
      request.signal,
      chatErrorEvent,
    );
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    console.error('chat request failed', error);
    return errorResponse(new HttpError(500, 'internal_error', 'The server failed to read the request.'));
  }
}
