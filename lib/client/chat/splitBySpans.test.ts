import { describe, expect, it } from 'vitest';
import type { LinkSpan } from '@/lib/shared/chat';
import { normalizeSpans, splitBySpans } from './splitBySpans';

/** A span covering the first occurrence of `phrase` (after `from`), linked to `ids`. */
function spanOf(text: string, phrase: string, ids: string[], from = 0): LinkSpan {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in "${text}"`);
  return { start, end: start + phrase.length, entityIds: ids, method: 'exact', text: phrase };
}

const joined = (text: string, spans: LinkSpan[]) =>
  splitBySpans(text, spans)
    .map((s) => s.text)
    .join('');

describe('splitBySpans', () => {
  it('alternates plain text and links, and loses no character', () => {
    const text = 'I see two people and a red car.';
    const spans = [spanOf(text, 'two people', ['e1', 'e2']), spanOf(text, 'red car', ['e3'])];
    const segments = splitBySpans(text, spans);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['text', 'I see '],
      ['link', 'two people'],
      ['text', ' and a '],
      ['link', 'red car'],
      ['text', '.'],
    ]);
    expect(segments[1]).toMatchObject({ entityIds: ['e1', 'e2'], start: 6, end: 16 });
    expect(joined(text, spans)).toBe(text);
  });

  it('handles spans at the very start and end, and back to back', () => {
    const text = 'dog cat';
    const spans = [spanOf(text, 'dog', ['e1']), spanOf(text, ' ', ['e9']), spanOf(text, 'cat', ['e2'])];
    expect(splitBySpans(text, spans).map((s) => s.kind)).toEqual(['link', 'link', 'link']);
    expect(joined(text, spans)).toBe(text);
  });

  it('returns the text as one segment without spans, and nothing for empty text', () => {
    expect(splitBySpans('plain', [])).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(splitBySpans('', [])).toEqual([]);
  });

  it('drops overlaps: the earlier span wins, then the longer one', () => {
    const text = 'the brown dog runs';
    const brownDog = spanOf(text, 'brown dog', ['e1']);
    const dog = spanOf(text, 'dog', ['e2']);
    const brown = spanOf(text, 'brown', ['e3']);
    expect(normalizeSpans(text, [dog, brown, brownDog]).map((s) => s.text)).toEqual(['brown dog']);
    expect(joined(text, [dog, brownDog])).toBe(text);
  });

  it('ignores spans out of range, empty, or linked to nothing', () => {
    const text = 'a car';
    const spans: LinkSpan[] = [
      { start: 2, end: 40, entityIds: ['e1'], method: 'exact', text: 'car and more' },
      { start: 1, end: 1, entityIds: ['e1'], method: 'exact', text: '' },
      { ...spanOf(text, 'car', []) },
    ];
    expect(splitBySpans(text, spans)).toEqual([{ kind: 'text', text }]);
  });

  it('keeps emoji and accents intact (UTF-16 offsets)', () => {
    const text = '🐴 horse near the café 🚗 car';
    const spans = [spanOf(text, 'horse', ['e1']), spanOf(text, 'café', ['e2']), spanOf(text, 'car', ['e3'], 20)];
    const links = splitBySpans(text, spans).filter((s) => s.kind === 'link');
    expect(links.map((s) => s.text)).toEqual(['horse', 'café', 'car']);
    expect(joined(text, spans)).toBe(text);
  });

  it('finds the phrase when offsets count code points instead of UTF-16 units', () => {
    const text = '🐴🐴 two horses';
    // "two horses" starts at code point 3 but UTF-16 index 5.
    const span: LinkSpan = { start: 3, end: 13, entityIds: ['e1'], method: 'plural', text: 'two horses' };
    const [, link] = splitBySpans(text, [span]);
    expect(link).toMatchObject({ kind: 'link', text: 'two horses', start: 5, end: 15 });
  });

  it('never cuts an emoji in half', () => {
    const text = 'x🐴y';
    const span: LinkSpan = { start: 1, end: 2, entityIds: ['e1'], method: 'exact', text: text.slice(1, 2) };
    expect(splitBySpans(text, [span])).toEqual([{ kind: 'text', text }]);
  });

  it('deduplicates entity ids inside one span', () => {
    const text = 'people';
    const [link] = splitBySpans(text, [{ ...spanOf(text, 'people', ['e1', 'e1', 'e2']) }]);
    expect(link).toMatchObject({ entityIds: ['e1', 'e2'] });
  });
});
