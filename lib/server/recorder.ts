/**
 * Hooks that let the analyse and chat routes store what they stream without knowing how: each wraps the route's
 * `emit`, keeps a copy of what passes through, and stores it when the stream finishes well. The `done` event is
 * held back until the store has the result, so a client (or another replica it asks) that has seen `done` finds
 * the result stored.
 */
import { AnalyzeEventSchema, type AnalyzeEvent } from '../shared/analysis';
import type { ChatEvent, ChatRequest, LinkSpan } from '../shared/chat';
import type { StoredChatTurn } from '../shared/result';
import type { Scene } from '../scene/types';
import { carriedTurns } from './carried-chat';
import {
  appendChatTurns,
  appendResultEvents,
  getStoredResult,
  MAX_CHAT_QUESTIONS,
  persistScene,
  storeResult,
} from './results';

type Uploads = { image?: File; audio?: File; video?: File };

/**
 * A continued conversation carries at most half the question cap (each question is two turns), so the new result
 * has room to go on asking.
 */
const MAX_CARRIED_TURNS = MAX_CHAT_QUESTIONS;

/**
 * The event as the client received it: parsed by the same schema the stream writes with (unknown fields dropped)
 * and copied now, since the pipeline keeps changing its objects (an entity gets its mask later).
 */
const asSent = (event: AnalyzeEvent): AnalyzeEvent => AnalyzeEventSchema.parse(event);

export interface AnalysisRecorder {
  /** The route's emit, recording every event it passes on (all but `done`, which save() sends). */
  wrap(emit: (event: AnalyzeEvent) => void): (event: AnalyzeEvent) => void;
  /**
   * Stores the finished analysis with its uploads, or with `files` in their place (a video's keyframe and sound),
   * then sends the held `done` event.
   */
  save(scene: Scene, files?: { image?: Uint8Array; audio?: Uint8Array }): Promise<void>;
}

/**
 * Reads the uploads up front. `chatFrom`: the result whose conversation this analysis continues (the same photo analysed again).
 */
export async function recordAnalysis(uploads: Uploads, chatFrom?: string): Promise<AnalysisRecorder> {
  const bytes = async (file?: File) => file && new Uint8Array(await file.arrayBuffer());
  // A video itself is not kept (up to 100 MB): its result stores the keyframe and soundtrack the worker hands back.
  const files = {
    image: await bytes(uploads.image),
    audio: await bytes(uploads.audio),
    imageName: (uploads.image ?? uploads.video)?.name,
  };
  const events: AnalyzeEvent[] = [];
  let sendDone: (() => void) | undefined;
  return {
    wrap: (emit) => (event) => {
      // Checked against the schema in the inference worker and copied on the way here: kept as it is.
      events.push(event);
      if (event.type === 'done') sendDone = () => emit(event);
      else emit(event);
    },
    async save(scene, replaced) {
      try {
        await storeResult(scene, events, replaced ? { ...replaced, imageName: files.imageName } : files);
        const earlier = chatFrom ? await getStoredResult(chatFrom) : undefined;
        if (earlier?.chat.length)
          await appendChatTurns(scene.resultId, carriedTurns(earlier, scene.entities).slice(-MAX_CARRIED_TURNS));
      } catch (error) {
        // The user has the analysis on screen; only reopening it later is lost. Say so in the log.
        console.error(`result ${scene.resultId} could not be stored`, error);
      }
      sendDone?.();
    },
  };
}

export interface ChatRecorder {
  /** The chat stream's emit, recording what passes (all but `done`, which finished() sends once stored). */
  emit(event: ChatEvent): void;
  /** Resolves once the turn is stored and `done` sent; the route awaits it before closing the stream. */
  finished(): Promise<void>;
}

/**
 * Wraps the chat stream's emit: on `done` the question and the finished answer (its source, text and links) are
 * appended to the stored chat, and entities an endpoint grounded during the answer join the stored events.
 */
export function recordChatTurn(scene: Scene, chat: ChatRequest, emit: (event: ChatEvent) => void): ChatRecorder {
  const sources: string[] = [];
  let text = '';
  let links: LinkSpan[] = [];
  const grounded: AnalyzeEvent[] = [];
  let stored: Promise<void> = Promise.resolve();
  const store = async (turns: StoredChatTurn[], done: ChatEvent) => {
    try {
      if (grounded.length) await appendResultEvents(scene.resultId, grounded);
      await appendChatTurns(scene.resultId, turns);
      await persistScene(scene); // grounded entities and text read on demand live on the scene
    } catch (error) {
      console.error(`chat turn of ${scene.resultId} could not be stored`, error);
    }
    emit(done);
  };
  const record = (event: ChatEvent) => {
    if (event.type === 'source') sources.push(event.label);
    if (event.type === 'token') text += event.text;
    if (event.type === 'links') links = event.spans;
    if (event.type === 'entity' || event.type === 'mask') grounded.push(asSent(event));
    if (event.type === 'done') {
      const question = chat.messages[chat.messages.length - 1].content;
      const turns: StoredChatTurn[] = [
        { role: 'user', content: question },
        { role: 'assistant', content: text, source: sources.join(' → '), links },
      ];
      stored = store(turns, event);
      return;
    }
    emit(event);
  };
  return { emit: record, finished: () => stored };
}
