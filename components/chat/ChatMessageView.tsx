'use client';
/** One turn of the conversation: the user's question, or an answer with its source, notices and links. */
import type { AnswerSourceInfo, ChatTurn } from '@/lib/client/chat/chatState';
import { LinkedAnswer } from './LinkedAnswer';

/** What produced the answer, in the words the UI promises; the server's longer label goes in the tooltip. */
export function describeSource(source: AnswerSourceInfo): string {
  return source.kind === 'builtin'
    ? 'Built-in grounded answerer (not an LLM)'
    : `Model endpoint: ${source.model ?? source.label}`;
}

function AnswerSourceLine({ sources }: { sources: AnswerSourceInfo[] }) {
  return (
    <p
      data-testid="answer-source"
      className="mb-1 text-xs text-neutral-400"
      title={sources.map((s) => s.label).join(' → ')}
    >
      {sources.length === 0 ? 'Waiting for the answer source…' : sources.map(describeSource).join(' → ')}
    </p>
  );
}

export function ChatMessageView({ turn, onChatPointsAt }: { turn: ChatTurn; onChatPointsAt(entityId: string): void }) {
  if (turn.role === 'user') {
    return (
      <li
        data-testid="chat-message"
        data-role="user"
        data-streaming="false"
        className="ml-8 self-end rounded-lg bg-sky-900/50 px-3 py-2 text-sm whitespace-pre-wrap text-sky-50"
      >
        <span className="sr-only">You: </span>
        {turn.text}
      </li>
    );
  }
  return (
    <li
      data-testid="chat-message"
      data-role="assistant"
      data-streaming={turn.streaming ? 'true' : 'false'}
      aria-busy={turn.streaming}
      className="mr-4 rounded-lg bg-neutral-800/70 px-3 py-2 text-sm leading-relaxed text-neutral-100"
    >
      <span className="sr-only">Strix: </span>
      <AnswerSourceLine sources={turn.sources} />
      {turn.fallbackReasons.map((reason, index) => (
        <p
          key={index}
          data-testid="answer-fallback"
          role="status"
          className="mb-1 rounded bg-amber-500/15 px-2 py-1 text-xs text-amber-200"
        >
          The model endpoint failed ({reason}); the built-in answerer took over.
        </p>
      ))}
      <LinkedAnswer turn={turn} onChatPointsAt={onChatPointsAt} />
      {turn.streaming && (
        <span aria-hidden className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-neutral-400 align-middle" />
      )}
      {turn.streaming && turn.text === '' && <span className="text-neutral-400">Thinking…</span>}
      {turn.stopped && <p className="mt-1 text-xs text-neutral-400">Stopped.</p>}
      {turn.error && (
        <p
          role="alert"
          data-testid="chat-error"
          data-error-code={turn.error.code}
          className="mt-1 rounded bg-red-950/60 px-2 py-1 text-xs text-red-200"
        >
          {turn.error.message}
        </p>
      )}
    </li>
  );
}
