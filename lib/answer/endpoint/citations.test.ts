import { describe, expect, it } from 'vitest';
import { CitationStreamFilter } from './citations';

function run(deltas: string[], known = ['e1', 'e2', 'e3']) {
  const filter = new CitationStreamFilter(new Set(known));
  const shown = deltas.map((d) => filter.push(d)).join('') + filter.finish();
  return { shown, spans: filter.spans.map((s) => [shown.slice(s.start, s.end), s.entityIds, s.method]) };
}

describe('CitationStreamFilter', () => {
  it('strips citations and links them', () => {
    expect(run(['I see [the red car](e1) next to [two people](e2, e3).'])).toEqual({
      shown: 'I see the red car next to two people.',
      spans: [
        ['the red car', ['e1'], 'cited'],
        ['two people', ['e2', 'e3'], 'cited'],
      ],
    });
  });

  it('handles markup split across deltas anywhere', () => {
    const text = 'A [white dog](e2) sits by [the car](e1).';
    for (let cut = 1; cut < text.length; cut++) {
      expect(run([text.slice(0, cut), text.slice(cut)]).shown).toBe('A white dog sits by the car.');
    }
    expect(run(text.split('')).spans).toEqual([
      ['white dog', ['e2'], 'cited'],
      ['the car', ['e1'], 'cited'],
    ]);
  });

  it('drops unknown ids but keeps the text', () => {
    expect(run(['A [unicorn](e9) and [a dog](e2, e77).'])).toEqual({
      shown: 'A unicorn and a dog.',
      spans: [['a dog', ['e2'], 'cited']],
    });
  });

  it('shows brackets that are not citations as written', () => {
    expect(run(['Scores [0.9] and [see above] (note) and [x](not an id).']).shown).toBe(
      'Scores [0.9] and [see above] (note) and [x](not an id).',
    );
    expect(run(['A cut-off [the car](e1']).shown).toBe('A cut-off [the car](e1');
  });

  it('does not hold text back behind a lone bracket for long', () => {
    const filter = new CitationStreamFilter(new Set(['e1']));
    expect(filter.push('list [')).toBe('list ');
    expect(filter.push('a'.repeat(300))).toBe('[' + 'a'.repeat(300));
  });
});
