import { describe, expect, it } from 'vitest';
import type { StoredResult } from '../shared/result';
import { carriedTurns } from './carried-chat';

const entityEvent = (id: string, label: string) =>
  ({ type: 'entity', entity: { id, label } }) as unknown as StoredResult['events'][number];

const earlier = {
  id: 'a'.repeat(22),
  createdAt: '2026-12-05T00:00:00Z',
  events: [entityEvent('e1', 'horse'), entityEvent('e2', 'person'), entityEvent('u1', 'termite mound')],
  chat: [
    { role: 'user', content: 'Who rides?' },
    {
      role: 'assistant',
      content: 'The person is on the horse by the mound.',
      source: 'built-in',
      links: [
        { start: 4, end: 10, entityIds: ['e2'], method: 'exact', text: 'person' },
        { start: 25, end: 30, entityIds: ['e1'], method: 'exact', text: 'horse' },
        { start: 38, end: 43, entityIds: ['u1'], method: 'exact', text: 'mound' },
      ],
    },
  ],
} as StoredResult;

describe('carriedTurns', () => {
  it('keeps the words, and links only to entities with the same id and label in the new result', () => {
    // e2 is now a different thing (the new analysis numbered otherwise); u1 (endpoint-grounded) is gone.
    const turns = carriedTurns(earlier, [
      { id: 'e1', label: 'horse' },
      { id: 'e2', label: 'dog' },
    ]);
    expect(turns.map((t) => t.content)).toEqual(earlier.chat.map((t) => t.content));
    expect(turns[1].links).toEqual([{ start: 25, end: 30, entityIds: ['e1'], method: 'exact', text: 'horse' }]);
    expect(turns[1].source).toBe('built-in');
  });
});
