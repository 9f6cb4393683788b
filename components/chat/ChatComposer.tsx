'use client';
/** The question box: Enter sends, Shift+Enter starts a new line; while an answer streams, Send becomes Stop. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS } from '@/lib/shared/chat';

export interface ChatComposerProps {
  disabled: boolean;
  /** Why the box is disabled, shown as its placeholder. */
  disabledReason?: string;
  /** Shown while enabled instead of the usual hint (e.g. why an answer will wait). */
  placeholder?: string;
  streaming: boolean;
  /** Returns false when the question was not sent (e.g. invalid settings), so the text stays in the box. */
  onSend(question: string): boolean;
  onStop(): void;
}

export function ChatComposer({ disabled, disabledReason, placeholder, streaming, onSend, onStop }: ChatComposerProps) {
  const [draft, setDraft] = useState('');
  const canSend = !disabled && !streaming && draft.trim().length > 0;

  const send = () => {
    if (!canSend) return;
    if (onSend(draft.trim())) setDraft('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send half a sentence.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form onSubmit={onSubmit} className="flex items-end gap-2">
      <label className="sr-only" htmlFor="chat-input">
        Ask about the image
      </label>
      <textarea
        id="chat-input"
        data-testid="chat-input"
        rows={2}
        maxLength={MAX_MESSAGE_CHARS}
        value={draft}
        disabled={disabled}
        placeholder={
          disabled ? disabledReason : (placeholder ?? 'Ask about the image… (Enter sends, Shift+Enter for a new line)')
        }
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        className="min-h-[2.75rem] grow resize-y rounded-md border border-neutral-700 bg-neutral-950 px-2 py-1.5 text-sm text-neutral-100 placeholder:text-neutral-400 focus:border-sky-500 disabled:cursor-not-allowed disabled:opacity-60"
      />
      {streaming ? (
        <button
          type="button"
          data-testid="chat-stop"
          onClick={onStop}
          className="rounded-md bg-neutral-700 px-3 py-1.5 text-sm font-medium text-neutral-100 hover:bg-neutral-600 focus-visible:outline-2 focus-visible:outline-sky-400"
        >
          Stop
        </button>
      ) : (
        <button
          type="submit"
          data-testid="chat-send"
          disabled={!canSend}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Send
        </button>
      )}
    </form>
  );
}
