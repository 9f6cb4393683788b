/**
 * Follow-ups on painted scenes: counts and superlatives over what the last answer named, pronouns that mean
 * what the talk was about (or, first of all, the only kind in view), and follow-ups that name something.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED } from '../../scene/test-fixtures';
import { savanna, talk, yard } from './understanding-fixtures';

describe('a count that names nothing', () => {
  it('"how many are there?" counts what the conversation is about, or everything', () => {
    expect(talk(yard(), 'Where are the horses?', 'How many are there?').text).toMatch(/^Three\b|\bthree horses\b/i);
    expect(talk(yard(), 'How many are there?').text).toMatch(/\bsix things\b/);
  });

  it('"they" in a first question about a photo of one kind of thing means those things', () => {
    const herd = paintScene(300, 200, [
      { id: 'grass', label: 'grass', rect: [0, 120, 300, 80], rgb: [60, 140, 50], kind: 'stuff' },
      { id: 'z1', label: 'zebra', rect: [20, 60, 60, 70], rgb: [235, 235, 235] },
      { id: 'z2', label: 'zebra', rect: [180, 60, 60, 70], rgb: [235, 235, 235] },
    ]);
    expect(talk(herd, 'What colour are they?').text).toMatch(/^The zebras are (both|all) white/);
    // The same answer for each is said once.
    expect(talk(herd, 'What are they standing on?').text).toBe('The zebras are on the grass.');
  });

  it('"how many people are near them?" counts those near what the last answer was about', () => {
    const lot = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [10, 100, 20, 60], rgb: BLUE },
      { id: 'p2', label: 'person', rect: [150, 100, 20, 60], rgb: RED },
      { id: 'c1', label: 'car', rect: [175, 120, 50, 40], rgb: BROWN },
      { id: 'c2', label: 'car', rect: [230, 120, 50, 40], rgb: BROWN },
    ]);
    expect(talk(lot, 'Where are the cars?', 'How many people are near them?').text).toMatch(
      /^One: a person in red is (near|next to) the cars/,
    );
    expect(talk(lot, 'How many people are near them?').text).toMatch(
      /nothing we talked about tells me what "them" means/,
    );
  });

  it('"is anyone next to it?" asks about what the talk was about, and keeps to people', () => {
    const room = paintScene(300, 200, [
      { id: 'd', label: 'dog', rect: [40, 120, 60, 50], rgb: BROWN },
      { id: 'p', label: 'person', rect: [105, 40, 40, 130], rgb: BLUE },
      { id: 'b', label: 'bowl', rect: [230, 160, 20, 10], rgb: RED },
    ]);
    expect(talk(room, 'Where is the dog?', 'Is anyone next to it?').text).toMatch(/^Yes: the person in blue is/);
  });

  it('"which one is the biggest?" after a list of kinds weighs all of them, not the first kind', () => {
    const street = paintScene(300, 200, [
      { id: 'c1', label: 'car', rect: [10, 120, 40, 25], rgb: RED },
      { id: 'c2', label: 'car', rect: [60, 120, 40, 25], rgb: BLUE },
      { id: 'b', label: 'bus', rect: [150, 60, 140, 90], rgb: BROWN },
    ]);
    expect(talk(street, 'What vehicles are there?').text).toMatch(/^I (can )?see two cars and a brown bus/);
    expect(talk(street, 'What vehicles are there?', 'Which one is the biggest?').text).toMatch(
      /biggest is the brown bus/,
    );
  });

  it('"how many of each?" counts every kind the last answer named', () => {
    const text = talk(savanna(), 'What animals are there?', 'How many of each?').text;
    expect(text).toMatch(/zebra/);
    expect(text).toMatch(/giraffes/);
    expect(text).not.toMatch(/can't tell whether there is/);
  });
});

describe('follow-ups that name something', () => {
  it('"and the saucer?" is about the saucer, not the cup asked before', () => {
    const table = paintScene(300, 200, [
      { id: 'c', label: 'cup', rect: [100, 80, 20, 24], rgb: BLUE },
      { id: 't', label: 'dining table', rect: [20, 100, 260, 80], rgb: BROWN },
    ]);
    expect(talk(table, 'What colour is the cup?', 'And the saucer?').text).toMatch(/\bsaucer\b/);
    expect(talk(table, 'What colour is the cup?', 'And the saucer?').text).not.toMatch(/\bcup\b/);
  });

  it('"how many are on the table?" counts what was talked about, on the table', () => {
    const table = paintScene(300, 200, [
      { id: 't', label: 'dining table', rect: [20, 100, 200, 80], rgb: BROWN },
      { id: 'c1', label: 'cup', rect: [40, 80, 20, 24], rgb: BLUE },
      { id: 'c2', label: 'cup', rect: [260, 20, 20, 24], rgb: BLUE },
    ]);
    expect(talk(table, 'How many cups are there?', 'How many are on the table?').text).toMatch(/^One: /);
  });
});

describe('after an answer about nothing', () => {
  it('"it" is still what that question was about, never read out of the answer\'s words', () => {
    // "I can't tell what anyone is feeling" links nothing; "is it a bus?" still asks about the horse.
    const text = talk(yard(), 'Is the horse happy?', 'Is it a bus?').text;
    expect(text).toMatch(/^No: .* calls the red horse a horse/);
    // Nothing asked about before either: "it" is the biggest thing, said as such.
    expect(talk(yard(), 'Is it sunny?', 'Is it a bus?').text).toMatch(/^Yes: .* calls the white bus a bus/);
  });
});

describe('which of those', () => {
  it('answers "which is closer?" of the two just compared, not of every thing of their kinds', () => {
    // yard(): three horses; the white horse h2 and the big bus b1 are compared, then "which is closer?".
    const answer = talk(yard(), 'Is the white horse bigger than the big bus?', 'Which is closer?');
    expect(answer.text).toMatch(/the nearest is the white horse/);
    expect(answer.ids).toContainEqual(['h2']);
  });
});

describe('what else', () => {
  it('"what else is there?" names what no earlier answer named, and asked first it describes everything', () => {
    const rest = talk(yard(), 'How many horses are there?', 'What else is there?');
    expect(rest.text).toMatch(
      /^Besides what I have named, I see (two buses and a person in blue|a person in blue and two buses)\.$/,
    );
    expect(rest.ids.flat()).not.toContain('h1');
    expect(talk(yard(), 'How many horses are there?', 'And the buses?', 'Anything else?').text).toMatch(
      /^Besides what I have named, I see a person in blue\.$/,
    );
    expect(talk(savanna(), 'What animals are there?', 'What else?').text).toBe('That is every thing I detected.');
    expect(talk(yard(), 'What else is there?').text).toMatch(
      /^(I can see|This image shows|In this image I see|The detector found) /,
    );
  });
});

describe('"they" after an answer that picked one of the things asked about', () => {
  it('"what about the horses?" → the biggest horse → "where are they?" means all the horses', () => {
    const { text, ids } = talk(yard(), 'Which bus is the biggest?', 'What about the horses?', 'Where are they?');
    expect(text).toMatch(/^There are three horses: /);
    expect(ids.flat()).toEqual(expect.arrayContaining(['h1', 'h2', 'h3']));
    // Asked of one thing, "it" stays that one.
    expect(talk(yard(), 'Which bus is the biggest?', 'What about the horse?', 'Where is it?').text).not.toMatch(
      /^There are three horses/,
    );
  });
});
