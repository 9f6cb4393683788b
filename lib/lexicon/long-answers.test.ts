/**
 * A long or junk answer cannot stall the server in matching: over-long words are skipped in constant time
 * (wink-nlp is quadratic in word length), and a long answer is matched in slices with the event loop free
 * between them; spans keep their offsets into the whole answer.
 */
import { describe, expect, it } from 'vitest';
import { matchEntities, matchEntitiesSync, matchSlices, MATCH_SLICE_CHARS } from './index';
import { tokenize } from './phrases';

const entities = [
  { id: 'e1', label: 'dog' },
  { id: 'e2', label: 'person' },
];

describe('long answers', () => {
  it('skips a word of 80,000 characters quickly, keeping the offsets of the words after it', () => {
    const text = `${'x'.repeat(80_000)} a dog`;
    matchEntitiesSync('a dog', entities, { glove: null }); // loads the NLP model and WordNet: not what is timed
    const started = performance.now();
    const spans = matchEntitiesSync(text, entities, { glove: null });
    expect(performance.now() - started).toBeLessThan(200); // 3.9 s before the skip
    expect(spans.map((s) => [s.start, text.slice(s.start, s.end)])).toEqual([[80_003, 'dog']]);
    expect(tokenize('see https://example.com/' + 'a'.repeat(100)).map((t) => t.value)).toEqual(['see']);
  });

  it('cuts slices after sentences, never longer than the limit, covering the whole text', () => {
    const text = 'The brown dog sits next to a person. '.repeat(200);
    const slices = matchSlices(text);
    expect(slices.map((s) => s.text).join('')).toBe(text);
    for (const slice of slices) {
      expect(slice.text.length).toBeLessThanOrEqual(MATCH_SLICE_CHARS);
      expect(slice.text.endsWith('. ') || slice === slices[slices.length - 1]).toBe(true);
    }
  });

  it('matches a long answer in slices with the same links as at once, yielding to the event loop', async () => {
    const text = 'The brown dog sits next to a person. '.repeat(200);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await matchEntities(text, entities, { glove: null });
    clearInterval(timer);
    expect(sliced).toEqual(matchEntitiesSync(text, entities, { glove: null }));
    expect(sliced).toHaveLength(400);
    expect(ticks).toBeGreaterThan(1);
  });
});
