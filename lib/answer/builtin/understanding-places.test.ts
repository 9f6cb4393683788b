/**
 * Where a thing is, on painted scenes: the relation that places it, what is parked, relation answers that hedge
 * weak things or say alike answers once, and counts in relation to an anchor.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE } from '../../scene/test-fixtures';
import { savanna, talk, yard } from './understanding-fixtures';

describe('where a thing is, by what it is in, on or beside', () => {
  // A bus on the road with a person in it: the bus's place is the road; the person is what the bus contains.
  const street = () =>
    paintScene(300, 200, [
      { id: 'road', label: 'road', rect: [0, 150, 300, 50], rgb: [90, 90, 90], kind: 'stuff' },
      { id: 'bus', label: 'bus', rect: [60, 40, 180, 120], rgb: RED },
      { id: 'p', label: 'person', rect: [100, 60, 20, 30], rgb: BLUE },
    ]);

  it('places a thing by the relation it is the subject of', () => {
    expect(talk(street(), 'Where is the bus?').text).toMatch(/, on the road\.$/);
    expect(talk(street(), 'Where is the person?').text).toMatch(/, inside the red bus\.$/);
  });

  it('states a relation as fact only of things sure enough to state; weaker ones are hedged with their scores', () => {
    const table = (cupScore: number) =>
      paintScene(300, 200, [
        { id: 't', label: 'dining table', rect: [40, 100, 220, 80], rgb: BROWN },
        { id: 'cup', label: 'cup', rect: [100, 80, 20, 25], rgb: WHITE, score: cupScore },
        { id: 'b', label: 'bottle', rect: [180, 60, 15, 45], rgb: BLUE },
      ]);
    expect(talk(table(0.9), 'What is on the table?').text).toMatch(
      /^The (white cup|blue bottle) and the .* are on the brown dining table\.$/,
    );
    expect(talk(table(0.41), 'What is on the table?').text).toMatch(
      /\(the detector is unsure of the white cup: 0\.41\)\.$/,
    );
  });

  it('checks the colour asked of the thing before the relation word ("a red cup on the table" with a blue one)', () => {
    const table = paintScene(300, 200, [
      { id: 't', label: 'dining table', rect: [40, 100, 220, 80], rgb: BROWN },
      { id: 'cup', label: 'cup', rect: [100, 80, 20, 25], rgb: BLUE },
    ]);
    expect(talk(table, 'Is there a red cup on the table?').text).toMatch(/^No, I see no red cups: .*blue/);
    expect(talk(table, 'Is there a blue cup on the table?').text).toMatch(/^Yes, the blue cup is on/);
  });

  it('"what is parked on the road?" keeps to vehicles', () => {
    expect(talk(street(), 'What is on the road?').text).toMatch(/bus/);
    const road = paintScene(300, 200, [
      { id: 'road', label: 'road', rect: [0, 120, 300, 80], rgb: [90, 90, 90], kind: 'stuff' },
      { id: 'car', label: 'car', rect: [20, 90, 100, 60], rgb: RED },
      { id: 'p', label: 'person', rect: [200, 60, 30, 90], rgb: BLUE },
    ]);
    expect(talk(road, 'What is on the road?').text).toMatch(/person/);
    expect(talk(road, 'What is parked on the road?').text).toBe('The red car is on the road.');
  });

  it('never places a thing "in front of the ceiling"', () => {
    const office = paintScene(300, 200, [
      { id: 'ceiling', label: 'ceiling', rect: [0, 0, 300, 60], rgb: WHITE, kind: 'stuff' },
      { id: 'wall', label: 'wall', rect: [0, 60, 300, 140], rgb: [200, 190, 170], kind: 'stuff' },
      { id: 'p', label: 'person', rect: [40, 50, 40, 140], rgb: BLUE },
    ]);
    expect(talk(office, 'Where is the person?').text).not.toMatch(/ceiling/);
  });

  it('words a vehicle from its side as carrying what is inside, not holding it', () => {
    expect(talk(street(), 'Tell me about the bus').text).toMatch(/It is carrying the person in blue/);
  });
});

describe('counting in relation to an anchor', () => {
  it('asks about the thing before the relation word when only the anchor is in view', () => {
    const den = paintScene(300, 200, [{ id: 'c', label: 'couch', rect: [60, 80, 180, 100], rgb: BLUE }]);
    expect(talk(den, 'How many pillows are on the couch?').text).toMatch(/^I (can't find|don't see) any pillows/);
    expect(talk(den, 'Is there a lamp next to the couch?').text).toMatch(/^No, I (can't find|don't see) any lamps/);
  });

  it('counts on a surface region what "what is on it?" lists there', () => {
    // A bowl lying within the counter's outline, and (as on the kitchen sample) no relation stored between them.
    const kitchen = paintScene(300, 200, [
      { id: 'wall', label: 'wall', rect: [0, 0, 300, 80], rgb: WHITE, kind: 'stuff' },
      { id: 'counter', label: 'countertop', rect: [0, 80, 300, 120], rgb: BROWN, kind: 'stuff' },
      { id: 'b1', label: 'bowl', rect: [40, 100, 60, 40], rgb: BLUE },
    ]);
    kitchen.graph.relations = kitchen.graph.relations.filter((r) => r.subjectId !== 'b1');
    expect(talk(kitchen, 'What is on the countertop?').text).toBe('The blue bowl is on the countertop.');
    expect(talk(kitchen, 'How many bowls are on the countertop?').text).toMatch(/^One\b/);
  });

  it('says "the person is not near the cars" of one person, naming every anchor the plural asked of', () => {
    const lot = paintScene(300, 200, [
      { id: 'p', label: 'person', rect: [10, 20, 20, 60], rgb: BLUE },
      { id: 'c1', label: 'car', rect: [180, 140, 50, 30], rgb: RED },
      { id: 'c2', label: 'car', rect: [240, 140, 50, 30], rgb: WHITE },
    ]);
    expect(talk(lot, 'How many people are near the cars?').text).toBe(
      'None that I can tell: the person in blue is not near the cars, as far as the boxes and masks show.',
    );
  });
});

describe('parts of the frame', () => {
  // A car bottom left, a person top right, a kite top left, sky across the top.
  const park = () =>
    paintScene(300, 300, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 90], rgb: [120, 170, 230], kind: 'stuff' },
      { id: 'car', label: 'car', rect: [10, 220, 70, 50], rgb: RED },
      { id: 'p', label: 'person', rect: [230, 20, 30, 70], rgb: BLUE },
      { id: 'k', label: 'kite', rect: [20, 20, 30, 30], rgb: WHITE },
    ]);

  it('answers the top, the bottom and the corners, not only the thirds across', () => {
    expect(talk(park(), 'What is at the top?').text).toMatch(/^At the top .*(person|kite).*(kite|person)/);
    expect(talk(park(), 'What is at the bottom of the picture?').text).toMatch(/^At the bottom .*red car\.$/);
    expect(talk(park(), "What's in the top left corner?").text).toMatch(/^At the top left .*white kite\.$/);
    expect(talk(park(), 'What is in the lower right part of the photo?').text).toMatch(/^Nothing I detected/);
  });

  it('takes a verb between ("what is parked on the left?") and keeps to what the verb allows', () => {
    expect(talk(park(), 'What is parked on the left?').text).toMatch(/^On the left .*red car\.$/);
    expect(talk(park(), 'What is parked on the left?').text).not.toMatch(/kite/);
    expect(talk(park(), 'What is standing on the right?').text).toMatch(/person in blue/);
    // The person on the right is not parked: none of the kinds asked, not "nothing".
    expect(talk(park(), 'What is parked on the right?').text).toMatch(/^I see no such things on the right\./);
  });

  it('counts and lists by a part of the frame ("how many cars are on the left?" has no anchor called left)', () => {
    const lot = paintScene(300, 300, [
      { id: 'c1', label: 'car', rect: [10, 220, 70, 50], rgb: RED },
      { id: 'c2', label: 'car', rect: [220, 220, 70, 50], rgb: WHITE },
      { id: 'p', label: 'person', rect: [130, 20, 30, 70], rgb: BLUE },
    ]);
    const onLeft = talk(lot, 'How many cars are on the left?').text;
    expect(onLeft).toMatch(/red car/);
    expect(onLeft).not.toMatch(/white car|no left/);
    expect(talk(lot, 'Which cars are at the bottom?').text).toMatch(
      /^At the bottom .*red car.*white car|white car.*red car/,
    );
  });

  it("checks a thing's part of the frame yes or no, each of several, saying where they are", () => {
    expect(talk(park(), 'Is the car on the left?').text).toMatch(/^Yes, the red car is at the bottom left/);
    expect(talk(park(), 'Is the person at the bottom?').text).toMatch(/^No, the person in blue is at the top right/);
    const lot = paintScene(300, 300, [
      { id: 'c1', label: 'car', rect: [10, 220, 70, 50], rgb: RED },
      { id: 'c2', label: 'car', rect: [220, 220, 70, 50], rgb: WHITE },
    ]);
    expect(talk(lot, 'Are the cars on the left?').text).toMatch(/^One of the two is on the left: /);
  });

  it('leaves the top of something else to the relation it is', () => {
    expect(talk(park(), 'What is at the top of the car?').text).not.toMatch(/^At the top/);
  });
});

describe('where one thing is relative to another', () => {
  // A dog on the floor at the left, a person at the right holding a bowl at chest height.
  const room = () =>
    paintScene(300, 200, [
      { id: 'dog', label: 'dog', rect: [10, 120, 90, 70], rgb: WHITE },
      { id: 'p', label: 'person', rect: [200, 10, 60, 180], rgb: BLUE },
      { id: 'bowl', label: 'bowl', rect: [190, 60, 30, 20], rgb: RED },
    ]);

  it('says every side, as seen from the camera, whatever the phrase ("relative" is no kinsman here)', () => {
    for (const question of [
      'Where is the bowl relative to the dog?',
      'Where is the bowl in relation to the dog?',
      'Where is the bowl with respect to the dog?',
    ])
      expect(talk(room(), question).text).toBe(
        'The red bowl is to the right of and above the white dog, as seen from the camera.',
      );
    expect(talk(room(), 'Where is the dog compared to the person?').text).toMatch(
      /^The white dog is to the left of and below the person in blue, as seen from the camera\.$/,
    );
  });

  it("adds the graph's relation when it says more than the sides", () => {
    expect(talk(room(), 'Where is the bowl relative to the person?').text).toBe(
      'The red bowl is to the left of the person in blue, as seen from the camera, and held by them.',
    );
  });
});

describe('between two things', () => {
  it('names what lies between the two of a kind, or between two things each picked by its words', () => {
    expect(talk(savanna(), 'What is between the giraffes?').text).toBe(
      'The white zebra is between the first yellow giraffe from the left and the second yellow giraffe from the left, as seen from the camera.',
    );
    expect(talk(yard(), 'What is between the red horse on the left and the white horse?').text).toMatch(
      /^I see nothing between the first red horse from the left and the white horse/,
    );
    expect(talk(yard(), 'Is there a horse between the two red horses?').text).toMatch(
      /^Yes: the white horse is between /,
    );
    expect(talk(savanna(), 'Is there a bus between the giraffes?').text).toMatch(/^No: I see no buses between /);
  });
});

describe('a relation among the things of one kind', () => {
  it('"are the bowls stacked?" reads one on another; "are the horses close to each other?" side by side', () => {
    const shelf = paintScene(300, 200, [
      { id: 'table', label: 'dining table', rect: [0, 120, 300, 80], rgb: BROWN },
      { id: 'b1', label: 'bowl', rect: [40, 100, 60, 25], rgb: WHITE },
      { id: 'b2', label: 'bowl', rect: [45, 78, 50, 24], rgb: RED },
      { id: 'b3', label: 'bowl', rect: [200, 100, 60, 25], rgb: BLUE },
    ]);
    for (const q of ['Are the bowls stacked?', 'Are the bowls on top of each other?'])
      expect(talk(shelf, q).text).toMatch(/^Some of them: the red bowl is on the (first )?white bowl\.$/);
    expect(talk(savanna(), 'Are the giraffes close to each other?').text).toBe(
      'No: neither giraffe is beside, against or in front of the other, as far as the boxes and masks show.',
    );
    expect(talk(yard(), 'Are the horses near each other?').text).toMatch(/^No: none of the three horses /);
  });
});

describe('things of the kinds asked, when the anchor is not sure', () => {
  it('"what food is on the table?" with the table found weakly names the food and leaves the "on" unchecked', () => {
    const meal = paintScene(300, 200, [
      { id: 'table', label: 'dining table', rect: [0, 100, 300, 100], rgb: BROWN, score: 0.25 },
      { id: 'pizza', label: 'pizza', rect: [100, 110, 60, 30], rgb: RED },
    ]);
    expect(talk(meal, 'What food is on the table?').text).toMatch(
      /^I see a red pizza; whether it is on the dining table I can't check\. Possibly: the detector found a dining table but is unsure \(0\.25\)/,
    );
  });
});

describe('a thing too weak to state, asked about by name', () => {
  const room = () =>
    paintScene(300, 200, [
      { id: 'bed', label: 'bed', rect: [60, 100, 200, 80], rgb: BROWN, score: 0.45 },
      { id: 'cup', label: 'cup', rect: [140, 80, 20, 22], rgb: BLUE },
      { id: 'couch', label: 'couch', rect: [10, 20, 80, 60], rgb: RED },
    ]);
  it('its place and colour are said as a possibility, with its score', () => {
    expect(talk(room(), 'Where is the bed?').text).toMatch(
      /^Possibly — the detector is unsure of it \(0\.45\): the brown bed /,
    );
    expect(talk(room(), 'What colour is the bed?').text).toMatch(
      /^Possibly — the detector is unsure of it \(0\.45\): /,
    );
    expect(talk(room(), 'Where is the couch?').text).toMatch(/^The red couch /);
  });
  it('a sure thing on it is named, and the weak anchor with its score', () => {
    expect(talk(room(), 'What is on the bed?').text).toMatch(
      /^The blue cup is on the brown bed \(the detector is unsure of the brown bed: 0\.45\)\.$/,
    );
  });
  it('"where can I sit?" finds the seats; "where could we sleep?" the beds', () => {
    expect(talk(room(), 'Where can I sit?').text).toMatch(/^The red couch /);
    expect(talk(room(), 'Where could we sleep?').text).toMatch(
      /^Possibly — the detector is unsure of it \(0\.45\): the brown bed /,
    );
  });
});
