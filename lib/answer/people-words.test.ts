import { describe, expect, it } from 'vitest';
import { ageByWords, peopleKindsCaveat, personWordCaveat } from './people-words';
import { talk, yard } from './builtin/understanding-fixtures';

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

describe('comparing kinds of people', () => {
  it('says which difference no model sees: sex for men and women, boys and girls; age for kids and adults', () => {
    expect(peopleKindsCaveat('are there more men than women?')).toMatch(/men from women/);
    expect(peopleKindsCaveat('are there more boys than girls?')).toMatch(/men from women/);
    expect(peopleKindsCaveat('are there more kids than adults?')).toMatch(/children from adults/);
    expect(peopleKindsCaveat('are there more people than dogs?')).toBeUndefined();
  });

  it('answers "are there more men than women?" with that, then counts everyone', () => {
    const text = talk(yard(), 'Are there more men than women?').text;
    expect(text).toMatch(/^I can't tell men from women: .* (There is|I see|I can see|I count|There are)/);
  });
});
