/**
 * Everyday wordings on painted scenes: sizes and hands, whose a thing is, what it is for, whether a room is tidy,
 * and the picture asked about in plain words.
 */
import { describe, expect, it } from 'vitest';
import { RED } from '../../scene/test-fixtures';
import { personHolding, savanna, talk, yard } from './understanding-fixtures';

describe('size and hands', () => {
  it('"how big is the bus?" gives its share of the image, never a real size', () => {
    expect(talk(yard(), 'How big is the big bus?').text).toMatch(
      /^The white bus .*covers about \d+% of the image, more than anything else I detected\. I can't tell its real size/,
    );
    expect(talk(yard(), 'How tall is the person?').text).toMatch(
      /^The person in blue spans about 15% of the image's height\. I can't tell their real size/,
    );
  });

  it('"what is in his hand?" asks what he holds', () => {
    const hands = personHolding('cup', RED, [120, 90, 16, 16]);
    for (const q of ["What's in his hand?", 'What does he have in his hands?', "What is in the man's hand?"])
      expect(talk(hands, q).text).toBe('The person in blue is holding the red cup.');
  });

  it('"whose hand holds the cup?" asks who holds it; "whose cup is it?" asks an owner no photo shows', () => {
    const hands = personHolding('cup', RED, [120, 90, 16, 16]);
    expect(talk(hands, 'Whose hand holds the cup?').text).toMatch(/^The person in blue .*holding the red cup/);
    for (const q of ['Whose cup is it?', 'Who owns the cup?', 'Does the cup belong to the man?'])
      expect(talk(hands, q).text).toMatch(/^I can't tell whose it is: who owns a thing is not something a photo shows/);
  });

  it('"is the room tidy?", "is it messy?" ask a condition no model judges', () => {
    for (const q of ['Is the room tidy?', 'Is it messy?', 'Are the shelves organized?'])
      expect(talk(yard(), q).text).toMatch(/^I can't judge age or condition: .*tidy/);
  });

  it('"what is the bus for?" asks a purpose no model sees; "what is he waiting for?" stays an activity', () => {
    for (const q of ['What is the bus for?', 'What are the buses used for?', 'What is this for?'])
      expect(talk(yard(), q).text).toMatch(/^I can't tell what it is for: /);
    expect(talk(yard(), 'What is the person waiting for?').text).toMatch(
      /^I can't tell what the person .* waiting for/,
    );
  });
});

describe('the picture asked about in plain words', () => {
  it('"tell me what you see", "what\'s the landscape like?" describe it; "what is the zebra like?" is about the zebra', () => {
    for (const q of ['Tell me what you see', "What's the landscape like?", 'What do you notice?'])
      expect(talk(savanna(), q).text).toMatch(/giraffes/);
    expect(talk(savanna(), 'What is the zebra like?').text).toMatch(/^The white zebra is at the bottom of the image/);
  });

  it('a part asked in the plural is named so once ("stripes", not "stripeses")', () => {
    expect(talk(savanna(), "What colour are the zebra's stripes?").text).toMatch(
      /^I can't tell: none of my models has a class for stripes, so/,
    );
  });
});
