import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES, type ChatEvent } from '@/lib/shared/chat';
import {
  chatReducer,
  initialChatState,
  isStreaming,
  toRequestMessages,
  type AssistantTurn,
  type ChatState,
} from './chatState';

function ask(state: ChatState, n: number, text = `question ${n}`): ChatState {
  return chatReducer(state, { type: 'asked', userId: `u${n}`, assistantId: `a${n}`, text });
}

function feed(state: ChatState, id: string, events: ChatEvent[]): ChatState {
  return events.reduce((s, event) => chatReducer(s, { type: 'event', assistantId: id, event }), state);
}

const answer = (state: ChatState, id: string) => state.turns.find((t) => t.id === id) as AssistantTurn;

describe('chatReducer', () => {
  it('restores a stored conversation as settled turns with their links', () => {
    const state = chatReducer(ask(initialChatState, 1), {
      type: 'restored',
      turns: [
        { role: 'user', content: 'What is here?' },
        {
          role: 'assistant',
          content: 'A dog.',
          source: 'builtin',
          links: [{ start: 2, end: 5, entityIds: ['e1'], method: 'exact', text: 'dog' }],
        },
        { role: 'assistant', content: 'Fine.', source: 'qwen2.5-vl' },
      ],
    });
    expect(state.turns.map((t) => t.role)).toEqual(['user', 'assistant', 'assistant']);
    expect(answer(state, 's1')).toMatchObject({ text: 'A dog.', streaming: false, sources: [{ kind: 'builtin' }] });
    expect(answer(state, 's1').spans).toHaveLength(1);
    expect(answer(state, 's2')).toMatchObject({ sources: [{ kind: 'endpoint', label: 'qwen2.5-vl' }], spans: null });
    expect(isStreaming(state)).toBe(false);
  });

  it('streams tokens into the pending answer and settles on done', () => {
    let state = ask(initialChatState, 1);
    expect(isStreaming(state)).toBe(true);
    state = feed(state, 'a1', [
      { type: 'source', kind: 'builtin', label: 'Built-in' },
      { type: 'token', text: 'Two ' },
      { type: 'token', text: 'people.' },
      { type: 'links', spans: [{ start: 0, end: 10, entityIds: ['e1', 'e2'], method: 'plural', text: 'Two people' }] },
      { type: 'done' },
    ]);
    const turn = answer(state, 'a1');
    expect(turn).toMatchObject({ text: 'Two people.', streaming: false, error: null, sources: [{ kind: 'builtin' }] });
    expect(turn.spans).toHaveLength(1);
    expect(isStreaming(state)).toBe(false);
  });

  it('records a fallback and the source that took over', () => {
    const state = feed(ask(initialChatState, 1), 'a1', [
      { type: 'source', kind: 'endpoint', model: 'qwen', label: 'qwen @ localhost' },
      { type: 'fallback', reason: 'connection refused' },
      { type: 'source', kind: 'builtin', label: 'Built-in' },
      { type: 'token', text: 'A dog.' },
    ]);
    expect(answer(state, 'a1')).toMatchObject({
      fallbackReasons: ['connection refused'],
      sources: [{ kind: 'endpoint' }, { kind: 'builtin' }],
    });
  });

  it('keeps the partial text on stop and ignores late events', () => {
    let state = feed(ask(initialChatState, 1), 'a1', [{ type: 'token', text: 'Half' }]);
    state = chatReducer(state, { type: 'stopped', assistantId: 'a1' });
    state = feed(state, 'a1', [{ type: 'token', text: ' more' }, { type: 'done' }]);
    expect(answer(state, 'a1')).toMatchObject({ text: 'Half', streaming: false, stopped: true });
  });

  it('shows stream errors, and a stream that closes without done as incomplete', () => {
    const errored = feed(ask(initialChatState, 1), 'a1', [{ type: 'error', code: 'internal', message: 'boom' }]);
    expect(answer(errored, 'a1')).toMatchObject({ streaming: false, error: { code: 'internal', message: 'boom' } });
    const cut = chatReducer(ask(initialChatState, 1), { type: 'ended', assistantId: 'a1' });
    expect(answer(cut, 'a1').error?.code).toBe('incomplete');
    const finished = chatReducer(feed(ask(initialChatState, 1), 'a1', [{ type: 'done' }]), {
      type: 'ended',
      assistantId: 'a1',
    });
    expect(answer(finished, 'a1').error).toBeNull();
  });

  it('collects endpoint-grounded entities once each, and resets', () => {
    const entity = {
      id: 'g1',
      label: 'kite',
      score: 0.9,
      box: [1, 2, 3, 4] as [number, number, number, number],
      color: { name: 'red', strong: '#f00', light: '#faa' },
      source: 'qwen',
      kind: 'thing' as const,
    };
    const state = feed(ask(initialChatState, 1), 'a1', [
      { type: 'entity', entity },
      { type: 'entity', entity },
    ]);
    expect(answer(state, 'a1').groundedEntities).toEqual([entity]);
    expect(chatReducer(state, { type: 'reset' })).toEqual(initialChatState);
  });
});

describe('toRequestMessages', () => {
  it('sends the history with the new question last, skipping empty answers', () => {
    let state = feed(ask(initialChatState, 1, 'What is this?'), 'a1', [
      { type: 'token', text: 'A dog.' },
      { type: 'done' },
    ]);
    state = chatReducer(ask(state, 2, 'Failed one'), {
      type: 'failed',
      assistantId: 'a2',
      error: { code: 'network', message: 'x' },
    });
    expect(toRequestMessages(state.turns, 'How many?')).toEqual([
      { role: 'user', content: 'What is this?' },
      { role: 'assistant', content: 'A dog.' },
      { role: 'user', content: 'Failed one' },
      { role: 'user', content: 'How many?' },
    ]);
  });

  it('keeps within the schema limits', () => {
    let state = initialChatState;
    for (let n = 0; n < MAX_MESSAGES; n++)
      state = feed(ask(state, n), `a${n}`, [{ type: 'token', text: 'x'.repeat(MAX_MESSAGE_CHARS + 10) }]);
    const messages = toRequestMessages(state.turns, 'last');
    expect(messages).toHaveLength(MAX_MESSAGES);
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'last' });
    expect(Math.max(...messages.map((m) => m.content.length))).toBe(MAX_MESSAGE_CHARS);
  });
});
