import { describe, expect, it } from 'vitest';
import { ageByWords, personWordCaveat } from './people-words';

describe('ages from the words', () => {
  it('names the adult as older and the child as younger, saying it comes from the words', () => {
    expect(ageByWords('who is older, the woman or the girl?')).toMatch(/^The woman, going by the words alone/);
    expect(ageByWords('who is younger, the man or the boys?')).toMatch(/^The boys,.*boys are children/);
  });

  it('answers yes or no by which noun comes first', () => {
    expect(ageByWords('is the girl older than the woman?')).toMatch(/^No,/);
    expect(ageByWords('is the father older than his son?')).toMatch(/^Yes,/);
  });

  it('leaves two adults, or a question without a comparison, to "can\'t tell"', () => {
    expect(ageByWords('is the man older than the woman?')).toBeUndefined();
    expect(ageByWords('how old is the girl?')).toBeUndefined();
  });
});

describe('words for kinds of people', () => {
  it('owe a caveat: no model sees age or tells men from women', () => {
    expect(personWordCaveat('kid', false)).toBe("I can't tell whether that is a child: my models don't see age.");
    expect(personWordCaveat('men', true)).toBe(
      "I can't tell whether any of them is a man: my models don't tell men from women.",
    );
    expect(personWordCaveat('person', true)).toBeUndefined();
  });
});
