'use client';
/**
 * Runs the conversation: one answer streams at a time, Stop aborts its fetch, and a new analysis (or
 * "New chat") clears the history, because entity ids in old answers belong to the previous result; the same photo
 * analysed again keeps it (its entities keep their ids).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Entity, Mask } from '@/lib/shared/analysis';
import type { AnswerSource, ChatEvent } from '@/lib/shared/chat';
import { chatReducer, initialChatState, isStreaming, toRequestMessages } from '@/lib/client/chat/chatState';
import { ChatRequestError, streamChat } from '@/lib/client/chat/streamChat';
import { useAnalysis, type AnalysisStore } from '../analysis/AnalysisProvider';

/**
 * Endpoint-grounded entities belong on the canvas too. The store does not offer this yet; the optional call
 * lets the chat work before and after it does (the store decodes and paints the masks).
 */
type GroundingSink = { addEntities?: (entities: Entity[], masks?: Record<string, Mask>) => void };

export interface AskParams {
  question: string;
  source: AnswerSource;
}

export function useChat() {
  const store = useAnalysis() as AnalysisStore & GroundingSink;
  const { analysis, view } = store;
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const controllerRef = useRef<AbortController | null>(null);
  const nextIdRef = useRef(0);
  // Read inside ask() without making it change on every token.
  const latestRef = useRef({ turns: state.turns, resultId: analysis.resultId, threshold: view.threshold, store });
  latestRef.current = { turns: state.turns, resultId: analysis.resultId, threshold: view.threshold, store };

  // The conversation belongs to the result on screen: another result brings its own (or none). The same photo
  // analysed again (a sound added) goes on with the conversation, which the server copies to the new result.
  useEffect(() => {
    controllerRef.current?.abort();
    if (!analysis.chatFrom) dispatch({ type: 'restored', turns: analysis.restoredChat });
  }, [analysis.shownRunId, analysis.restoredChat, analysis.chatFrom]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const forwardGrounding = useCallback((event: ChatEvent) => {
    const { store } = latestRef.current;
    if (event.type === 'entity') store.addEntities?.([event.entity]);
    if (event.type === 'mask') store.addEntities?.([], { [event.entityId]: event.mask });
  }, []);

  const ask = useCallback(
    async ({ question, source }: AskParams) => {
      const { turns, resultId, threshold } = latestRef.current;
      if (!resultId) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const n = ++nextIdRef.current;
      const assistantId = `a${n}`;
      const messages = toRequestMessages(turns, question);
      dispatch({ type: 'asked', userId: `u${n}`, assistantId, text: question });
      try {
        for await (const event of streamChat(
          { resultId, messages, source, scoreThreshold: threshold },
          controller.signal,
        )) {
          forwardGrounding(event);
          dispatch({ type: 'event', assistantId, event });
        }
        dispatch({ type: 'ended', assistantId });
      } catch (error) {
        if ((error as Error).name === 'AbortError') {
          dispatch({ type: 'stopped', assistantId });
          return;
        }
        const detail =
          error instanceof ChatRequestError
            ? error.detail
            : { code: 'client', message: (error as Error).message || String(error) };
        dispatch({ type: 'failed', assistantId, error: detail });
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [forwardGrounding],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const newChat = useCallback(() => {
    controllerRef.current?.abort();
    dispatch({ type: 'reset' });
  }, []);

  return { turns: state.turns, streaming: isStreaming(state), ask, stop, newChat };
}
