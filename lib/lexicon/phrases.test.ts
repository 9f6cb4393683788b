import { describe, expect, it } from 'vitest';
import { extractNounPhrases } from './phrases';

const phrases = (t: string) => extractNounPhrases(t).map((p) => [t.slice(p.start, p.end), p.headLemma.join(' ')]);

describe('extractNounPhrases', () => {
  it('keeps modifiers and numbers, drops determiners, offsets point into the text', () => {
    expect(phrases('Four dogs and a brown dog run on a grassy field.')).toEqual([
      ['Four dogs', 'dog'],
      ['brown dog', 'dog'],
      ['grassy field', 'field'],
    ]);
  });

  it('takes WordNet compounds as heads, even when the tagger mislabels a word', () => {
    expect(phrases('People eat hot dogs near teddy bears and a traffic light.')).toEqual([
      ['People', 'people'],
      ['hot dogs', 'hot dog'],
      ['teddy bears', 'teddy bear'],
      ['traffic light', 'traffic light'],
    ]);
  });

  it('splits at possessives and reads verbs mistagged as nouns as verbs', () => {
    expect(phrases("A person's bag.")).toEqual([
      ['person', 'person'],
      ['bag', 'bag'],
    ]);
    expect(phrases('A man rides a horse.')).toEqual([
      ['man', 'man'],
      ['horse', 'horse'],
    ]);
  });

  it('recovers list nouns the tagger calls verbs', () => {
    expect(phrases('There are drinks, coffee cups, and plates.').map(([s]) => s)).toEqual([
      'drinks',
      'coffee cups',
      'plates',
    ]);
  });
});
