/**
 * Relations asked in many words, on painted scenes: sides as seen from the camera, yes/no comparisons,
 * superlatives inside other questions, lying on a surface, closest to a thing, and alike things told apart.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { talk, yard } from './understanding-fixtures';

describe('to the left / right of, as seen from the camera', () => {
  it('lists what stands on that side, nearest first, and checks it as a yes/no', () => {
    // yard(): horses h1, h2, h3 left to right at one height; the small bus b2 is above and between h1 and h2.
    expect(talk(yard(), 'What is to the left of the white horse?').text).toBe(
      'The first red horse from the left is to the left of the white horse.',
    );
    expect(talk(yard(), "What's on the right of the white horse?").text).toMatch(
      /^The second red horse from the left is to the right of the white horse/,
    );
    expect(talk(yard(), 'Is the white horse left of the horse on the right?').text).toMatch(/^Yes, /);
    expect(talk(yard(), 'Is the white horse to the right of the horse on the right?').text).toMatch(/^No: /);
    expect(talk(yard(), 'How many horses are to the right of the white horse?').text).toMatch(/^One: /);
  });

  it('answers "is it on the left or right of …?" with the side', () => {
    expect(talk(yard(), 'Is the white horse on the left or right of the horse on the right?').text).toBe(
      'On the left: the white horse is to the left of the second red horse from the left.',
    );
    expect(talk(yard(), 'Is the big bus to the left or right of the person?').text).toMatch(/^On the right: /);
  });

  it('keeps "on the left of the picture" a place in the frame', () => {
    expect(talk(yard(), 'What is on the left of the picture?').text).toMatch(/^On the left /);
  });
});

describe('yes/no comparisons of two things', () => {
  it('compare by area, box height and depth, each side picked by its own words', () => {
    // yard(): the big bus b1 in front and the small bus b2 further off; the person p is 30 px tall, horses 40.
    expect(talk(yard(), 'Is the big bus bigger than the small bus?').text).toMatch(
      /^Yes, the (first|second) white bus from the left is bigger than the (first|second) white bus from the left \(covering/,
    );
    expect(talk(yard(), 'Is the small bus bigger than the big bus?').text).toMatch(/^No, .* is smaller than /);
    expect(talk(yard(), 'Is the person taller than the white horse?').text).toBe(
      'No, the person in blue is shorter than the white horse (going by the height of their boxes in the frame).',
    );
    expect(talk(yard(), 'Is the white horse closer than the small bus?').text).toMatch(
      /^Yes, the white horse is closer/,
    );
  });

  it('compares with "the one on the right" / "the other one" as another of the same kind', () => {
    expect(talk(yard(), 'Is the horse on the left bigger than the one on the right?').text).toMatch(
      /^(About the same|Yes|No)[,:] /,
    );
    expect(talk(yard(), 'Is the person taller than the other one?').text).not.toMatch(/as such/);
  });

  it('says when a man and a woman cannot be told apart, instead of a yes or no', () => {
    const pair = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [40, 20, 40, 170], rgb: RED },
      { id: 'p2', label: 'person', rect: [200, 60, 40, 120], rgb: BLUE },
    ]);
    expect(talk(pair, 'Is the man taller than the woman?').text).toMatch(
      /^I can't tell men from women, so I compared /,
    );
  });

  it('says which thing is missing instead of comparing with nothing', () => {
    expect(talk(yard(), 'Is the horse bigger than the car?').text).not.toMatch(/^(Yes|No),/);
  });
});

describe('who, with two alike', () => {
  it("says each one's place once", () => {
    const cafe = paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [20, 40, 50, 140], rgb: RED },
      { id: 'c1', label: 'cup', rect: [40, 90, 12, 14], rgb: WHITE },
      { id: 'p2', label: 'person', rect: [220, 40, 50, 140], rgb: RED },
      { id: 'c2', label: 'cup', rect: [240, 90, 12, 14], rgb: WHITE },
    ]);
    const { text } = talk(cafe, 'Who is holding a cup?');
    expect(text).toMatch(/^The person in red on the left and the person in red on the right \(holding/);
  });
});

describe('superlatives inside other questions', () => {
  it('"the biggest thing" with no kind named is the biggest of everything shown', () => {
    // yard(): the big bus b1 is the biggest thing; it is white.
    expect(talk(yard(), 'What colour is the biggest thing?').text).toMatch(/^The bus (looks|is mostly|appears) white/);
    expect(talk(yard(), 'What is the biggest thing?').text).toMatch(/^The biggest (thing|one) is the white bus/);
  });

  it("a superlative in a relation's anchor picks the anchor, and the relation is answered", () => {
    expect(talk(yard(), 'What is to the left of the biggest bus?').text).toMatch(
      /^The first white bus from the left and the person in blue are to the left of the second white bus from the left/,
    );
    expect(talk(yard(), 'What is the biggest bus to the right of?').text).toBe(
      'The second white bus from the left is to the right of the first white bus from the left and the person in blue.',
    );
  });
});

describe('lying on a surface', () => {
  // Two teddy bears in the middle of a bed seen from above, and a person standing in front of it.
  const bedroom = () =>
    paintScene(300, 200, [
      { id: 'bed', label: 'bed', rect: [40, 40, 220, 140], rgb: RED },
      { id: 't1', label: 'teddy bear', rect: [80, 90, 40, 40], rgb: BROWN },
      { id: 't2', label: 'teddy bear', rect: [180, 100, 40, 40], rgb: WHITE },
      { id: 'p', label: 'person', rect: [10, 20, 40, 175], rgb: BLUE },
    ]);

  it('is "on" it, for what / how many / is questions, and no one standing in front is', () => {
    expect(talk(bedroom(), 'How many teddy bears are on the bed?').text).toMatch(/^Two: /);
    const { text } = talk(bedroom(), 'What is on the bed?');
    expect(text).toMatch(/teddy bear .* are on the red bed\.$/);
    expect(text).not.toMatch(/person/);
    expect(talk(bedroom(), 'Is the white teddy bear on the bed?').text).toMatch(/^Yes/);
    expect(talk(bedroom(), 'What is the white teddy bear on?').text).toBe('The white teddy bear is on the red bed.');
  });
});

describe('two alike in one relation answer', () => {
  it('are told apart: the anchor and the thing beside it never go by the same words', () => {
    const pair = paintScene(300, 200, [
      { id: 'g1', label: 'giraffe', rect: [40, 40, 60, 140], rgb: BROWN },
      { id: 'g2', label: 'giraffe', rect: [110, 50, 60, 130], rgb: BROWN },
    ]);
    const { text } = talk(pair, 'What is next to the giraffe on the left?');
    expect(text).toBe('The second brown giraffe from the left is next to the first brown giraffe from the left.');
  });
});

describe('closest to a thing', () => {
  it('is nearest to that thing in the frame, not to the camera', () => {
    expect(talk(yard(), 'Which horse is closest to the person?').text).toBe(
      'The first red horse from the left is closest to the person in blue (going by the gap between their boxes in the frame).',
    );
    expect(talk(yard(), 'Which horse is closest?').text).toMatch(/^The nearest horse /);
  });
});

describe('above, as seen from the camera', () => {
  const park = () =>
    paintScene(300, 200, [
      { id: 'k', label: 'kite', rect: [60, 10, 30, 20], rgb: RED },
      { id: 'p', label: 'person', rect: [55, 80, 40, 100], rgb: BLUE },
      { id: 'd', label: 'dog', rect: [200, 150, 40, 30], rgb: BROWN },
    ]);

  it('is what stands higher in the same columns', () => {
    expect(talk(park(), 'What is above the person?').text).toBe('The red kite is above the person in blue.');
    expect(talk(park(), 'Is the kite above the person?').text).toMatch(/^Yes, /);
    expect(talk(park(), 'Is the kite above the dog?').text).toMatch(/^No: /);
    expect(talk(park(), 'What is the kite above?').text).toBe('The red kite is above the person in blue.');
  });
});

describe('the ground, whatever it is', () => {
  // A plane on the runway, a patch of earth beside it, the sky above.
  const airfield = () =>
    paintScene(300, 200, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 90], rgb: BLUE, kind: 'stuff' },
      { id: 'runway', label: 'runway', rect: [60, 90, 240, 110], rgb: WHITE, kind: 'stuff' },
      { id: 'earth', label: 'earth', rect: [0, 90, 60, 110], rgb: BROWN, kind: 'stuff' },
      { id: 'plane', label: 'airplane', rect: [120, 60, 120, 60], rgb: RED },
    ]);

  it('"on the ground" is on any ground region, and the answer names the one it is on', () => {
    expect(talk(airfield(), 'Is the plane on the ground?').text).toBe('Yes, the red airplane is on the runway.');
    expect(talk(airfield(), 'What is on the ground?').text).toBe('The red airplane is on the runway.');
  });

  it('"what colour is the ground?" is the ground things stand on', () => {
    expect(talk(airfield(), 'What colour is the ground?').text).toMatch(/^The runway (looks|is mostly|appears) white/);
  });
});

describe('sitting', () => {
  // A woman on a sofa, feet at its foot; a man standing at the left holding a remote at hand height.
  const lounge = () =>
    paintScene(300, 200, [
      { id: 'sofa', label: 'couch', rect: [150, 80, 140, 100], rgb: BROWN },
      { id: 'woman', label: 'person', rect: [190, 60, 50, 125], rgb: RED },
      { id: 'man', label: 'person', rect: [20, 10, 50, 185], rgb: BLUE },
      { id: 'remote', label: 'remote', rect: [40, 90, 14, 8], rgb: WHITE },
    ]);

  it('someone on a seat is sitting on it, and what they do says so, hedged', () => {
    expect(talk(lounge(), 'Who is sitting on the couch?').text).toMatch(/^The person in red\b/);
    expect(talk(lounge(), 'What is the woman in red doing?').text).toBe(
      'The person in red is on a brown couch, so probably sitting.',
    );
    expect(talk(lounge(), 'What is the man in blue holding?').text).toMatch(
      /^The person in blue is holding the white remote/,
    );
  });

  it('who sits and how many: those on a seat; the rest are not counted as standing, only as on no seat', () => {
    expect(talk(lounge(), 'Who is sitting?').text).toBe('The person in red (on the brown couch).');
    expect(talk(lounge(), 'How many people are sitting?').text).toBe(
      "At least one: a person in red is on the brown couch. I can't tell about the other one: on no seat I detected.",
    );
    expect(talk(lounge(), 'Who is standing?').text).toMatch(
      /^The person in blue on the left is on no seat I detected, so perhaps standing/,
    );
    expect(talk(lounge(), 'Is anyone sitting?').text).toBe(
      'Probably yes. The person in red is on a brown couch, so probably sitting.',
    );
  });
  it('"the standing man", "the seated woman" single out who is on no seat and who is on one', () => {
    expect(talk(lounge(), 'What is the standing man holding?').text).toMatch(
      /^The person in blue is holding the white remote/,
    );
    expect(talk(lounge(), 'What is the standing man standing on?').text).not.toMatch(/couch/);
    expect(talk(lounge(), 'What is the seated woman sitting on?').text).toMatch(
      /^The person in red is on the brown couch/,
    );
    expect(talk(lounge(), 'Where is the sitting person?').text).toMatch(/^The person in red\b/);
  });
});

describe('beside, when the graph kept no relation', () => {
  it('boxes that meet are beside each other in the picture, said with that caveat', () => {
    const street = paintScene(300, 200, [
      { id: 'bike', label: 'bicycle', rect: [0, 0, 80, 150], rgb: BROWN },
      { id: 'dog', label: 'dog', rect: [30, 130, 140, 50], rgb: WHITE },
    ]);
    expect(talk(street, 'What is next to the dog?').text).toMatch(
      /^The brown bicycle is (next to|beside) the white dog/,
    );
  });
});

describe('a comparison whose first side is "it"', () => {
  it('"is it bigger than the one on the right?" compares what was talked about with the other one', () => {
    expect(talk(yard(), 'Which bus is the biggest?', 'Is it bigger than the other one?').text).toMatch(
      /^Yes, the (second )?white bus .*is bigger than the (first )?white bus/,
    );
    expect(talk(yard(), 'Is it bigger than the bus?').text).toMatch(/^I can't tell which thing you mean by "it"/);
  });
});

describe('a yes/no check whose subject is "it"', () => {
  // A cup standing on a table; a dog on the floor beside it.
  const kitchen = () =>
    paintScene(300, 200, [
      { id: 'table', label: 'dining table', rect: [40, 80, 160, 100], rgb: BROWN },
      { id: 'cup', label: 'cup', rect: [100, 60, 20, 22], rgb: RED },
      { id: 'dog', label: 'dog', rect: [220, 130, 60, 50], rgb: WHITE },
    ]);

  it('"is it on the table?" checks what was talked about; "is it bigger than the dog?" compares it', () => {
    expect(talk(kitchen(), 'Where is the cup?', 'Is it on the table?').text).toMatch(
      /^Yes, the red cup is on the brown dining table/,
    );
    expect(talk(kitchen(), 'Where is the cup?', 'Is it bigger than the dog?').text).toMatch(
      /^No, the red cup is smaller than the white dog/,
    );
    expect(talk(kitchen(), 'Is it on the table?').text).toMatch(/^I can't tell which thing you mean by "it"/);
  });
});

describe('in a container', () => {
  it('"is the spoon in the bowl?" counts a spoon the graph has resting on the bowl', () => {
    const table = paintScene(300, 200, [
      { id: 'bowl', label: 'bowl', rect: [100, 100, 100, 60], rgb: WHITE },
      { id: 'spoon', label: 'spoon', rect: [140, 85, 16, 20], rgb: RED },
    ]);
    expect(talk(table, 'Is the spoon in the bowl?').text).toMatch(/^Yes/);
  });
});

describe('in the air', () => {
  it('"is the frisbee in the air?" is a probably when it rests on nothing and nobody holds it', () => {
    const park = paintScene(300, 200, [
      { id: 'grass', label: 'grass', rect: [0, 140, 300, 60], rgb: [40, 150, 50], kind: 'stuff' },
      { id: 'disc', label: 'frisbee', rect: [150, 30, 20, 8], rgb: RED },
      { id: 'dog', label: 'dog', rect: [40, 110, 50, 40], rgb: WHITE },
    ]);
    expect(talk(park, 'Is the frisbee in the air?').text).toMatch(/^Probably: the red frisbee rests on nothing/);
    expect(talk(park, 'Is the dog flying?').text).toMatch(/^No: the white dog is on the grass/);
  });
});

describe('a rider sits', () => {
  it('"is he sitting?" of someone riding a horse is a probable yes, with the ride as evidence', () => {
    const ride = paintScene(300, 200, [
      { id: 'horse', label: 'horse', rect: [80, 90, 140, 100], rgb: BROWN },
      { id: 'rider', label: 'person', rect: [130, 20, 40, 110], rgb: RED },
    ]);
    expect(talk(ride, 'Is the man sitting?').text).toMatch(/^Probably yes\. The person in red is riding a brown horse/);
  });
});

describe('how many are flying', () => {
  it('counts the kites resting on nothing, not the one on the grass', () => {
    const beach = paintScene(300, 200, [
      { id: 'grass', label: 'grass', rect: [0, 150, 300, 50], rgb: [40, 150, 50], kind: 'stuff' },
      { id: 'k1', label: 'kite', rect: [200, 10, 30, 20], rgb: RED },
      { id: 'k2', label: 'kite', rect: [60, 20, 30, 20], rgb: BLUE },
      { id: 'k3', label: 'kite', rect: [120, 135, 30, 20], rgb: WHITE },
    ]);
    expect(talk(beach, 'How many kites are flying?').text).toMatch(
      /^Two, as far as the boxes show: two kites rest on nothing I detected\. One more rests on something or is held\.$/,
    );
  });
});
