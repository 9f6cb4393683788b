'use client';
/**
 * Ask about the analysed image. Answers stream in; once an answer's links arrive, its phrases light up the
 * masks they name, and hovering a mask (on the canvas or in the list) lights up the phrases that name it.
 * Mount it inside <AnalysisProvider>; it takes no props.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useAnalysis } from '../analysis/AnalysisProvider';
import { AnswerSourceSettings } from './AnswerSourceSettings';
import { ChatComposer } from './ChatComposer';
import { ChatMessageView } from './ChatMessageView';
import { useAnswerSourceForm } from './useAnswerSourceForm';
import { useChat, type AskParams } from './useChat';
import { composerMode } from '@/lib/client/chat/earlyQuestion';
import { revealInList } from '@/lib/client/scroll';

/**
 * Scrolls the newest phrase naming the highlighted entity into view, unless the chat itself caused the
 * highlight: jumping away from the phrase under the pointer would be disorienting.
 */
function useScrollToHighlightedPhrase(listRef: RefObject<HTMLDivElement | null>, highlightedEntityId: string | null) {
  const chatPointsAtRef = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightedEntityId) return;
    if (highlightedEntityId === chatPointsAtRef.current) return;
    chatPointsAtRef.current = null; // the highlight now comes from elsewhere
    const phrases = listRef.current?.querySelectorAll<HTMLElement>(
      '[data-testid="linked-phrase"][data-highlighted="true"]',
    );
    const newest = phrases?.[phrases.length - 1];
    if (newest) revealInList(newest);
  }, [highlightedEntityId, listRef]);
  return useCallback((entityId: string) => {
    chatPointsAtRef.current = entityId;
  }, []);
}

/**
 * Another photo starts a new result with its own conversation: say where the previous conversation is (Back
 * returns to its result) rather than letting it vanish silently.
 */
function useConversationMoved(resultId: string | null, turnCount: number): boolean {
  const lastWithChatRef = useRef<string | null>(null);
  if (resultId && turnCount > 0) lastWithChatRef.current = resultId;
  const previous = lastWithChatRef.current;
  return Boolean(resultId && previous && previous !== resultId && turnCount === 0);
}

export function ChatPanel() {
  const { analysis, highlightedEntityId, hoverEntity, setSpotlight } = useAnalysis();
  const { turns, streaming, ask, stop, newChat } = useChat();
  const { form, update, validation, endpointOffered } = useAnswerSourceForm();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sendRefused, setSendRefused] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const onChatPointsAt = useScrollToHighlightedPhrase(listRef, highlightedEntityId);

  const mode = composerMode(analysis);
  const ready = mode.kind === 'ready';
  const reason = mode.kind === 'ready' ? undefined : mode.reason;
  // A question asked while the analysis runs waits here and is sent once the result is stored.
  const [waiting, setWaiting] = useState<AskParams | null>(null);
  useEffect(() => {
    if (!waiting) return;
    if (ready) void ask(waiting);
    if (ready || analysis.status === 'error') setWaiting(null);
  }, [waiting, ready, analysis.status, ask]);
  // A new run's result replaces the one the question was asked about.
  useEffect(() => setWaiting(null), [analysis.shownRunId]);
  const conversationMoved = useConversationMoved(ready ? analysis.resultId : null, turns.length);

  // Follow the streaming answer, but only if the reader is already at the bottom (not reading back).
  const lastTurn = turns[turns.length - 1];
  const lastLength = lastTurn ? lastTurn.text.length : 0;
  const stickToBottomRef = useRef(true);
  useEffect(() => {
    const list = listRef.current;
    if (list && stickToBottomRef.current) list.scrollTop = list.scrollHeight;
  }, [turns.length, lastLength]);

  const onSend = (question: string): boolean => {
    if (!validation.ok) {
      setSendRefused(true);
      setSettingsOpen(true);
      return false;
    }
    setSendRefused(false);
    stickToBottomRef.current = true;
    if (mode.kind === 'early') setWaiting({ question, source: validation.source });
    else void ask({ question, source: validation.source });
    return true;
  };

  const onNewChat = () => {
    newChat();
    // A phrase that was hovered is gone; its spotlight must not linger on the image.
    hoverEntity(null);
    setSpotlight(null);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="chat">
      <div className="flex items-start justify-between gap-2">
        <AnswerSourceSettings
          form={form}
          errors={validation.ok ? {} : validation.errors}
          onChange={update}
          open={settingsOpen}
          onOpenChange={setSettingsOpen}
          showAllErrors={sendRefused}
          endpointOffered={endpointOffered}
        />
        <button
          type="button"
          data-testid="chat-new"
          onClick={onNewChat}
          disabled={turns.length === 0}
          className="shrink-0 rounded px-2 py-0.5 text-xs text-neutral-300 ring-1 ring-neutral-700 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-40"
        >
          New chat
        </button>
      </div>
      {sendRefused && !validation.ok && (
        <p role="alert" className="text-xs text-red-300">
          Fix the model endpoint settings above, or switch to the built-in answerer.
        </p>
      )}
      {waiting && mode.kind === 'early' && (
        <p data-testid="chat-waiting" role="status" className="rounded bg-sky-500/10 px-2 py-1 text-xs text-sky-200">
          “{waiting.question}” is answered as soon as the analysis is done: {mode.stillComing}.
        </p>
      )}
      {ready && analysis.chatFrom && turns.length > 0 && (
        <p role="status" data-testid="chat-continued" className="text-xs text-sky-200">
          The conversation goes on with this new result (the photo analysed again, with its sound). The browser&apos;s
          Back button returns to the earlier one.
        </p>
      )}
      {conversationMoved && (
        <p role="status" data-testid="chat-moved" className="text-xs text-amber-200">
          This is a new result with a new conversation. The earlier conversation stays with the earlier result: the
          browser&apos;s Back button returns to it.
        </p>
      )}
      {turns.length > 0 ? (
        // The log role sits on a wrapper: an <ol> may only be a list.
        <div
          ref={listRef}
          role="log"
          aria-label="Conversation"
          onScroll={(event) => {
            const el = event.currentTarget;
            stickToBottomRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
          className="max-h-[28rem] overflow-y-auto pr-1"
        >
          <ol className="flex flex-col gap-2">
            {turns.map((turn) => (
              <ChatMessageView key={turn.id} turn={turn} onChatPointsAt={onChatPointsAt} />
            ))}
          </ol>
        </div>
      ) : (
        <p className="text-sm text-neutral-400">
          {ready ? 'Ask what is in the image, how many people there are, where the dog is…' : reason}
        </p>
      )}
      <ChatComposer
        disabled={mode.kind === 'off' || waiting !== null}
        disabledReason={waiting ? 'Your question waits for the analysis…' : reason}
        placeholder={mode.kind === 'early' ? mode.reason : undefined}
        streaming={streaming}
        onSend={onSend}
        onStop={stop}
      />
    </div>
  );
}
