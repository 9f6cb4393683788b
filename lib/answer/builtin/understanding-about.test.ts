/**
 * Wordings a new user reaches for that name a thing without asking one fact of it: "tell me about the cars",
 * "is there anything on the table?", "which is closer to the camera, A or B?", parts counted, the far side.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { talk, yard } from './understanding-fixtures';

const table = () =>
  paintScene(100, 100, [
    { id: 't', label: 'dining table', rect: [10, 50, 80, 40], rgb: BROWN },
    { id: 'c', label: 'cup', rect: [40, 38, 10, 14], rgb: RED },
  ]);

describe('about a thing', () => {
  it('tells where each one is, which model found it and what it stands in relation to', () => {
    const answer = talk(yard(), 'Tell me about the buses');
    expect(answer.text).toMatch(
      /^There are two buses: The second white bus from the left is at the top right of the image/,
    );
    expect(answer.text).toContain('(found by test, 0.90)');
    expect(talk(table(), 'What can you tell me about the cup?').text).toMatch(
      /^The red cup is .* of the image.*It is on the brown dining table\.$/,
    );
    expect(talk(table(), 'Describe the table').text).toMatch(/^The brown dining table is /);
  });

  it('describes the four biggest of many, biggest first, and says so in words', () => {
    const cups = paintScene(300, 100, [
      { id: 'c1', label: 'cup', score: 0.9, rect: [10, 60, 10, 10], rgb: RED },
      { id: 'c2', label: 'cup', score: 0.8, rect: [40, 40, 30, 30], rgb: RED },
      { id: 'c3', label: 'cup', score: 0.7, rect: [90, 50, 20, 20], rgb: RED },
      { id: 'c4', label: 'cup', score: 0.6, rect: [140, 55, 15, 15], rgb: RED },
      { id: 'c5', label: 'cup', score: 0.5, rect: [200, 45, 25, 25], rgb: RED },
    ]);
    const answer = talk(cups, 'Tell me about the cups');
    expect(answer.text).toMatch(/^There are five cups; the four biggest: The second red cup from the left is/);
    expect(answer.ids[1]).toEqual(['c2']);
  });

  it('keeps "describe the room" and "tell me about this picture" the whole scene', () => {
    expect(talk(table(), 'Tell me about the room').text).not.toMatch(/^The /);
    expect(talk(table(), 'Describe this picture').text).not.toMatch(/^The brown dining table is/);
  });

  it('says a thing is not there rather than describing something else', () => {
    expect(talk(table(), 'Tell me about the dog').text).toMatch(/\bdogs?\b/);
    expect(talk(table(), 'Tell me about the dog').text).not.toMatch(/^The red cup/);
  });
});

describe('anything in a relation, asked yes or no', () => {
  it('answers yes with what is there, or no', () => {
    expect(talk(table(), 'Is there anything on the table?').text).toBe(
      'Yes: the red cup is on the brown dining table.',
    );
    expect(talk(table(), 'Anything on the table?').text).toMatch(/^Yes: /);
    expect(talk(table(), 'Is there anything on the cup?').text).toMatch(/^No: nothing I detected is on the red cup/);
  });
});

describe('choices and places in other words', () => {
  it('reads "closer to the camera" as nearest to the viewer, not to the first thing named', () => {
    // yard(): the big bus b1 reaches lower in the frame (y 90) than the person p (y 90)… the horses reach 140.
    expect(talk(yard(), 'Which is closer to the camera, the bus or the horse?').text).toMatch(
      /^Of the buses and horses, the nearest is the .*horse/,
    );
  });

  it('says which of two named things is missing instead of comparing one', () => {
    expect(talk(yard(), 'Which is bigger, the horse or the car?').text).toMatch(/\bcars?\b/);
    expect(talk(yard(), 'Which is bigger, the horse or the car?').text).not.toMatch(/^There is only one/);
  });

  it('takes "the far right" as the right-most thing and "the left-hand side" as a side of the frame', () => {
    expect(talk(yard(), "What's on the far right?").text).toBe('The right-most thing is the red horse (on the right).');
    expect(talk(yard(), 'Which horse is on the far left?').text).toMatch(/^The left-most horse is the red horse/);
    expect(talk(yard(), "What's on the left-hand side?").text).toMatch(/^On the left /);
  });

  it('asks about parts when counting what a thing has, not about a class a part word may also name', () => {
    // WordNet's second sense of "wheel" is a bicycle: these are the bus's wheels.
    const answer = talk(yard(), 'How many wheels does the big bus have?').text;
    expect(answer).toMatch(/has a class for wheels/);
    expect(answer).not.toMatch(/bicycle/);
  });
});

describe('many things, said once', () => {
  it('groups alike colours instead of repeating one word per thing', () => {
    const cups = paintScene(200, 100, [
      { id: 'c1', label: 'cup', rect: [10, 60, 20, 20], rgb: WHITE },
      { id: 'c2', label: 'cup', rect: [50, 60, 20, 20], rgb: WHITE },
      { id: 'c3', label: 'cup', rect: [90, 60, 20, 20], rgb: WHITE },
      { id: 'c4', label: 'cup', rect: [150, 60, 20, 20], rgb: RED },
    ]);
    const answer = talk(cups, 'What colour are the cups?');
    expect(answer.text).toMatch(/^Of the four cups, three are white \(.*\) and one is red \(.*\)\.$/);
    expect(answer.ids).toContainEqual(['c1', 'c2', 'c3']);
  });

  it('answers "are they all the same colour?" yes or no, with the colours', () => {
    const cups = paintScene(200, 100, [
      { id: 'c1', label: 'cup', rect: [10, 60, 20, 20], rgb: WHITE },
      { id: 'c2', label: 'cup', rect: [150, 60, 20, 20], rgb: RED },
    ]);
    expect(talk(cups, 'Are the cups all the same colour?').text).toMatch(/^No: the cups are white \(.*\) and red/);
    expect(talk(cups, 'Are the cups different colours?').text).toMatch(/^Yes: /);
    expect(talk(yard(), 'Are the buses the same colour?').text).toBe('Yes: the buses are both white.');
  });

  it('reads a verb after a plural subject as its verb, not as a second thing', () => {
    // WordNet's "work" is also a book: "how many people work here?" counts people.
    expect(talk(yard(), 'How many people work here?').text).toMatch(/\bperson\b|\bpeople\b/);
    expect(talk(yard(), 'How many people work here?').text).not.toMatch(/\bbooks?\b/);
  });
});

describe('in a region', () => {
  // The sky down to y 90; a bird within it, a bus standing below the horizon in front of it.
  const skyline = (withBird: boolean) =>
    paintScene(300, 200, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 90], rgb: BLUE, kind: 'stuff' },
      { id: 'bus', label: 'bus', rect: [20, 50, 120, 100], rgb: RED },
      ...(withBird
        ? [{ id: 'bird', label: 'bird', rect: [200, 20, 20, 12] as [number, number, number, number], rgb: WHITE }]
        : []),
    ]);

  it('is what stands within its extent, not what merely stands before it', () => {
    expect(talk(skyline(true), 'Is there anything in the sky?').text).toMatch(/^Yes: the white bird is in the sky/);
    expect(talk(skyline(false), 'Is there anything in the sky?').text).toMatch(/^No: nothing I detected is in the sky/);
    expect(talk(skyline(true), 'How many buses are in the sky?').text).toMatch(/^None/);
  });
});

describe('the background', () => {
  it('names the regions things stand before when no thing stands back there', () => {
    const skyline = paintScene(300, 200, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 60], rgb: BLUE, kind: 'stuff' },
      { id: 'bus', label: 'bus', rect: [20, 80, 120, 110], rgb: RED },
    ]);
    expect(talk(skyline, "What's in the background?").text).toMatch(/Behind everything: the sky\.$/);
  });
});

describe('clothes of a group', () => {
  // Three people: two in white, one in white with blue trousers.
  const team = () =>
    paintScene(300, 200, [
      { id: 'a', label: 'person', rect: [10, 40, 40, 150], rgb: WHITE },
      { id: 'b', label: 'person', rect: [120, 40, 40, 150], rgb: WHITE },
      { id: 'c', label: 'person', rect: [230, 40, 40, 150], rgb: WHITE, lowerRgb: BLUE },
    ]);

  it("reads every person's clothes, alike ones said once", () => {
    expect(talk(team(), 'What are the people wearing?').text).toMatch(
      /the three people's masks, two read white from top to bottom and one reads white on top and blue below\.$/,
    );
  });

  it("checks a colour against everyone's clothes: all, any, none", () => {
    expect(talk(team(), 'How many people are there?', 'Are they all wearing white?').text).toMatch(
      /^Yes: all of the three people wear white/,
    );
    expect(talk(team(), 'Is anyone wearing blue?').text).toMatch(/^Yes: one of the three people wears blue/);
    expect(talk(team(), 'Is anybody wearing green?').text).toMatch(/^No: none of the three people wears green/);
    const answer = talk(team(), 'Are the people all wearing blue?');
    expect(answer.text).toMatch(/^Not all: one of the three people wears blue/);
    expect(answer.ids).toContainEqual(['c']);
  });
});

describe('a lead for an activity no box ties to anyone', () => {
  it('"is anyone sitting?" with an empty chair in view: nobody is on it, not "nobody holds it"', () => {
    const room = paintScene(300, 200, [
      { id: 'p', label: 'person', rect: [200, 40, 40, 140], rgb: BLUE },
      { id: 'c', label: 'chair', rect: [30, 110, 50, 70], rgb: BROWN },
    ]);
    expect(talk(room, 'Is anyone sitting?').text).toMatch(/nobody I detected is on it/);
  });
});
