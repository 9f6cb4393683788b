import { describe, expect, it } from 'vitest';
import { matchWithLlm, parsePairs, type Complete } from './llm';

const entities = [
  { id: 'd1', label: 'dog' },
  { id: 'p1', label: 'person' },
  { id: 'p2', label: 'person' },
  { id: 'h1', label: 'hot dog' },
];
const text = 'A brown dog sits while people eat a hot dog. The brown dog is happy.';
const reply =
  (s: string): Complete =>
  async () =>
    s;

describe('matchWithLlm', () => {
  it('links every occurrence of each valid pair, longest span first, no overlaps', async () => {
    const spans = await matchWithLlm(
      text,
      entities,
      reply(
        '[{"span":"brown dog","entity":"dog"},{"span":"people","entity":"person"},{"span":"hot dog","entity":"hot dog"},{"span":"dog","entity":"dog"}]',
      ),
    );
    expect(spans.map((s) => [s.text, s.entityIds])).toEqual([
      ['brown dog', ['d1']],
      ['people', ['p1', 'p2']],
      ['hot dog', ['h1']],
      ['brown dog', ['d1']],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans.every((s) => s.method === 'llm')).toBe(true);
  });

  it('reads JSON inside a code fence and matches spans case-insensitively', async () => {
    const spans = await matchWithLlm(
      text,
      entities,
      reply('Sure:\n```json\n[{"span": "PEOPLE", "entity": "Person"}]\n```'),
    );
    const start = text.indexOf('people');
    expect(spans).toEqual([{ start, end: start + 6, entityIds: ['p1', 'p2'], method: 'llm', text: 'people' }]);
  });

  it('drops pairs whose entity does not exist or whose span is not in the text', async () => {
    const spans = await matchWithLlm(
      text,
      entities,
      reply(
        '[{"span":"brown dog","entity":"cat"},{"span":"purple cow","entity":"dog"},{"span":"people","entity":"person"}]',
      ),
    );
    expect(spans.map((s) => s.text)).toEqual(['people']);
  });

  it('survives dash and curly-quote variants in the reply', async () => {
    const dashed = 'A well–known café by the fire-hydrant.';
    const spans = await matchWithLlm(
      dashed,
      [{ id: 'f', label: 'fire-hydrant' }],
      reply('[{“span”: “fire–hydrant”, “entity”: “fire—hydrant”}]'),
    );
    expect(spans.map((s) => s.text)).toEqual(['fire-hydrant']);
  });

  it('falls back to the offline matcher on junk or a failing call', async () => {
    const offline = await matchWithLlm(text, entities, reply('I think the dog is a dog.'));
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((s) => s.method !== 'llm')).toBe(true);
    const thrown = await matchWithLlm(text, entities, async () => {
      throw new Error('endpoint down');
    });
    expect(thrown).toEqual(offline);
  });

  it('only links whole words', async () => {
    const words = 'A hotdog and a dog.';
    const spans = await matchWithLlm(words, entities, reply('[{"span":"dog","entity":"dog"}]'));
    expect(spans.map((s) => s.start)).toEqual([words.lastIndexOf('dog')]);
  });

  it('rejects replies that are not pairs', () => {
    expect(() => parsePairs('[{"phrase":"dog"}]')).toThrow();
    expect(() => parsePairs('no json here')).toThrow();
  });
});
