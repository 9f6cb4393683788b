/**
 * Clothes and coats on painted scenes: worn things a detector has a class for, the colours of the upper and lower
 * body, garments named with a possessive, and two-tone coats.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { talk } from './understanding-fixtures';

describe('worn things', () => {
  const office = (tieScore: number) =>
    paintScene(300, 200, [
      { id: 'man', label: 'person', rect: [60, 10, 120, 185], rgb: BLUE },
      { id: 'tie', label: 'tie', rect: [110, 60, 16, 60], rgb: RED, score: tieScore },
    ]);
  it('a yes needs a tie sure enough to state; weaker ones are hedged or too weak to go on', () => {
    expect(talk(office(0.8), 'Is he wearing a tie?').text).toMatch(/^Yes/);
    expect(talk(office(0.35), 'Is he wearing a tie?').text).toMatch(/^Possibly: .*\(0\.35\)/);
    expect(talk(office(0.15), 'Is he wearing a tie?').text).toMatch(/^I can't tell: .*too weak .*\(0\.15\)/);
  });
  it('"is anyone / anybody there?" asks about people', () => {
    expect(talk(office(0.8), 'Is anyone there?').text).toMatch(/^Yes.*person/);
    expect(talk(office(0.8), 'Is anybody here?').text).toMatch(/^Yes.*person/);
  });
});

describe('clothes on the upper and lower body', () => {
  // A person in a red shirt and blue trousers (named "in red": the shirt is most of the mask) and one all in white.
  const street = () =>
    paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [40, 40, 40, 120], rgb: RED, lowerRgb: BLUE },
      { id: 'p2', label: 'person', rect: [200, 40, 40, 120], rgb: WHITE },
    ]);

  it('"what colour are his trousers?" reads the legs, "his shirt" the top', () => {
    const scene = street();
    expect(talk(scene, 'What colour is the person in red?', 'What colour are his trousers?').text).toMatch(
      /^The person's trousers (look|are mostly|appear) blue \(going by the lower part of the mask, where trousers are worn\)/,
    );
    expect(talk(scene, 'What colour is the person in red?', 'What colour is his shirt?').text).toMatch(/red/);
    expect(talk(scene, 'What colour is the person in red?', 'Are his trousers blue?').text).toMatch(
      /^Yes, the person's trousers are mostly blue/,
    );
  });

  it('"who is wearing blue trousers?" finds the one whose legs are blue, though his clothes read red overall', () => {
    const { text, ids } = talk(street(), 'Who is wearing blue trousers?');
    expect(text).toMatch(/^The person in red on the left \(going by the lower part of the mask/);
    expect(ids[0]).toEqual(['p1']);
    expect(talk(street(), 'Who is wearing a green shirt?').text).toMatch(/nobody's shirt reads as green/);
  });

  it('"what colour is the person\'s shirt?" among several reads the biggest one\'s band, named as themselves', () => {
    const crowd = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [40, 20, 60, 170], rgb: RED, lowerRgb: BLUE },
      { id: 'p2', label: 'person', rect: [200, 40, 30, 80], rgb: WHITE },
    ]);
    expect(talk(crowd, "What colour is the person's shirt?").text).toBe(
      'The shirt of the biggest person, the person in red on the left, looks red (going by the upper part of the mask, where a shirt is worn; I see one other: say which one by its place or colour).',
    );
  });

  it('"what are they wearing?" with nobody talked about yet is everyone in view', () => {
    expect(talk(street(), 'What are they wearing?').text).toMatch(
      /^I can't name garments: .* the two people's masks, one reads red on top and blue below and one reads white from top to bottom\.$/,
    );
  });

  it('"the woman\'s top" and "their tops" are garments, never "the one at the top"', () => {
    // The person in white stands higher: read as a place, "top" would pick them alone.
    const crowd = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [40, 60, 60, 130], rgb: RED, lowerRgb: BLUE },
      { id: 'p2', label: 'person', rect: [200, 5, 30, 80], rgb: WHITE },
    ]);
    expect(talk(crowd, "What colour is the woman's top?").text).toMatch(
      /^The top of the biggest person, the person in red/,
    );
    expect(talk(crowd, 'What colour are their tops?').text).toMatch(/^The people's tops read red .* and white /);
  });

  it('"what\'s the man on the left wearing?" gives the two bands\' colours, naming no garment', () => {
    expect(talk(street(), "What's the person on the left wearing?").text).toBe(
      "I can't name garments: none of my models has a class for clothes. Going by the colours of the person in red's mask, the upper body reads red and the lower body blue.",
    );
    expect(talk(street(), 'What is the person on the right wearing?').text).toMatch(
      /clothes read white from top to bottom/,
    );
  });
});

describe('two-tone coats', () => {
  const BLACK: [number, number, number] = [20, 20, 22];
  const coat = (lowerRgb: [number, number, number], label = 'dog') =>
    paintScene(300, 200, [{ id: 'a', label, rect: [60, 40, 120, 100], rgb: BROWN, lowerRgb }]);

  it('a brown and white dog is said to be both, and "is it white?" is a "partly"', () => {
    expect(talk(coat(WHITE), 'What colour is the dog?').text).toMatch(/brown and white/);
    expect(talk(coat(WHITE), 'Is the dog white?').text).toMatch(
      /^Partly: the dog (looks|is mostly|appears) brown and white/,
    );
  });

  it('a dark lower part (a shadow) never makes a second tone, nor does white on a thing that has no coat', () => {
    expect(talk(coat(BLACK), 'What colour is the dog?').text).not.toMatch(/ and /);
    expect(talk(coat(WHITE, 'car'), 'What colour is the car?').text).not.toMatch(/ and white/);
  });
});
