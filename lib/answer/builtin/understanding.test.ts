/**
 * Question understanding added for issue #14, on painted scenes where every fact is known: instance cues
 * (size, middle, top/bottom), "the other X", relation questions that select a kind, follow-ups that re-ask,
 * role nouns nothing backs, reading one sign, destinations. Wording (synonyms, kinds, who, worn things, shades):
 * understanding-words.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Box } from '@/lib/shared/analysis';
import { paintScene, BLUE, BROWN, RED, WHITE, YELLOW } from '../../scene/test-fixtures';
import { savanna, talk, yard } from './understanding-fixtures';

describe('instance cues', () => {
  it('size words pick the smaller, bigger or taller one', () => {
    expect(talk(savanna(), 'Where is the smaller giraffe?').ids[0]).toEqual(['small']);
    expect(talk(savanna(), 'Where is the tall giraffe?').ids[0]).toEqual(['tall']);
  });
  it('"the horse in the middle" is the middle one of three, left to right', () => {
    expect(talk(yard(), 'What colour is the horse in the middle?').ids[0]).toEqual(['h2']);
  });
  it('"and the other one?" after "which is biggest" says where the other is, not "the biggest" again', () => {
    const answer = talk(yard(), 'Which bus is the biggest?', 'And the other one?');
    expect(answer.ids[0]).toEqual(['b2']);
    expect(answer.text).not.toMatch(/biggest/);
  });
  it('"which one" refers back to what was counted, and a count range still links all the sure ones', () => {
    const weakHorse = { id: 'h4', label: 'horse', rect: [60, 150, 30, 20] as Box, rgb: RED, score: 0.25 };
    const scene = paintScene(300, 200, [
      { id: 'h1', label: 'horse', rect: [120, 100, 50, 40], rgb: WHITE },
      { id: 'h2', label: 'horse', rect: [230, 100, 50, 40], rgb: RED },
      { id: 'c', label: 'cow', rect: [5, 100, 40, 40], rgb: BROWN },
      weakHorse,
    ]);
    const count = talk(scene, 'How many horses are there?');
    expect(count.text).toMatch(/^Two or three horses/);
    expect(count.ids[0]).toEqual(['h1', 'h2']);
    expect(talk(scene, 'How many horses are there?', 'Which one is on the left?').ids[0]).toEqual(['h1']);
  });
  it('"the table" is the coffee table in view when no dining table is, and "to me" names no book', () => {
    const lounge = paintScene(300, 200, [
      { id: 'ct', label: 'coffee table', rect: [80, 120, 140, 50], rgb: BROWN },
      { id: 'cup', label: 'cup', rect: [140, 100, 20, 22], rgb: WHITE },
      { id: 'bk', label: 'book', rect: [10, 10, 20, 30], rgb: RED },
      { id: 'p', label: 'person', rect: [240, 40, 40, 150], rgb: BLUE },
    ]);
    const onTable = talk(lounge, 'What is on the table?');
    expect(onTable.text).not.toMatch(/dining/);
    expect(onTable.ids).toContainEqual(['ct']);
    expect(talk(lounge, 'Who is closest to me?').ids[0]).toEqual(['p']);
  });
  it('"the other bus" with nothing before is the less prominent one', () => {
    expect(talk(yard(), 'Where is the other bus?').ids[0]).toEqual(['b2']);
  });
  it('"the bottom one" refers back to what was counted and picks the lower one', () => {
    const scene = paintScene(200, 200, [
      { id: 'up', label: 'hot dog', rect: [20, 20, 80, 30], rgb: RED },
      { id: 'down', label: 'hot dog', rect: [20, 140, 80, 30], rgb: RED },
    ]);
    expect(talk(scene, 'How many hot dogs are there?', 'What colour is the bottom one?').ids[0]).toEqual(['down']);
  });
});

describe('relation questions', () => {
  it('select the kind named before the relation word, next to the anchor its cues single out', () => {
    const { text, ids } = talk(savanna(), 'What is the small animal standing next to the tall giraffe?');
    expect(text).toMatch(/zebra/);
    expect(ids[0]).toEqual(['zebra']);
  });
  it('"and the other one?" asks again without what was already named', () => {
    const scene = paintScene(300, 200, [
      { id: 'horse', label: 'horse', rect: [100, 100, 80, 90], rgb: RED },
      { id: 'c1', label: 'car', rect: [90, 60, 40, 30], rgb: WHITE },
      { id: 'c2', label: 'car', rect: [150, 60, 40, 30], rgb: BLUE },
    ]);
    const first = talk(scene, 'What is behind the horse?');
    const again = talk(scene, 'What is behind the horse?', 'And the other one?');
    expect(first.text).toMatch(/behind the red horse/);
    expect(again.text).not.toBe(first.text);
    expect(again.text).toMatch(/^Nothing else I detected is behind/);
  });
  it('"the car behind the horse" is the one right behind it, not the further one sharing more of its column', () => {
    const scene = paintScene(300, 200, [
      { id: 'horse', label: 'horse', rect: [100, 100, 80, 90], rgb: BROWN },
      { id: 'near', label: 'car', rect: [160, 120, 60, 50], rgb: RED },
      { id: 'far', label: 'car', rect: [90, 40, 100, 30], rgb: WHITE },
    ]);
    const { text, ids } = talk(scene, 'What colour is the car behind the horse?');
    expect(text).toMatch(/red/);
    expect(ids[0]).toEqual(['near']);
  });
});

describe('people', () => {
  it('"who is on the right?" with everyone on the left says nobody is', () => {
    expect(talk(yard(), 'Who is on the right?').text).toMatch(
      /^Nobody I detected is on the right: the only person, the person in blue, is on the left/,
    );
  });
  it('a role noun nothing backs is said to be unresolved, not passed off as someone', () => {
    expect(talk(yard(), 'What is the batter holding?').text).toMatch(
      /^I can't tell who the batter is: nothing that marks one \(baseball bat\) is in view/,
    );
  });
});

describe('parts and belongings no model has a class for', () => {
  it('"can you see the person\'s face?" says it cannot tell, and points at the person, never a bare yes', () => {
    const answer = talk(yard(), "Can you see the person's face?");
    expect(answer.text).toMatch(/^I can't tell: none of my models has a class for faces/);
    expect(answer.ids).toContainEqual(['p']);
  });
  it('"the zebra\'s tail" with no zebra in view answers that there is no zebra', () => {
    expect(talk(yard(), "Can you see the zebra's tail?").text).toMatch(/zebras/);
    expect(talk(yard(), "Can you see the zebra's tail?").text).not.toMatch(/^Yes/);
  });
  it('"the tail of the bus" is a part as "the bus\'s tail" is: never the colour of the whole bus', () => {
    const text = talk(yard(), 'What colour is the tail of the big bus?').text;
    expect(text).toMatch(/^I can't tell: none of my models has a class for tails/);
    expect(talk(yard(), 'What colour is the front of the big bus?').text).toMatch(/white/);
  });
  it('a belonging a model has a class for stays an ordinary question ("the person\'s horse")', () => {
    expect(talk(yard(), "Where is the person's horse?").text).not.toMatch(/has a class/);
  });
  it('"what is he wearing on his head?" is an honest can\'t-tell about clothes', () => {
    expect(talk(yard(), 'Where is the person?', 'What is he wearing on his head?').text).toMatch(
      /^I can't tell: none of my models has a class for clothes/,
    );
  });
});

describe('what the detector is unsure of', () => {
  it('a yes resting only on a weak detection is hedged with its score', () => {
    const weak = paintScene(300, 200, [{ id: 'd', label: 'dog', rect: [20, 20, 40, 30], rgb: WHITE, score: 0.34 }]);
    const answer = talk(weak, 'Is there a dog?');
    expect(answer.text).toMatch(/^Possibly: .*unsure \(0\.34\)/);
    expect(answer.ids).toContainEqual(['d']);
    expect(talk(yard(), 'Is there a bus?').text).toMatch(/^Yes/);
  });
  it("a thing not found as such is looked for in the detector's second readings", () => {
    const street = yard();
    const bus = street.graph.nodes.find((n) => n.id === 'b2')!;
    bus.alternatives = [{ label: 'truck', score: 0.6, source: 'test' }];
    const answer = talk(street, 'Where is the truck?');
    expect(answer.text).toMatch(/^I see no truck as such, but .* may be a truck: the detector's second reading/);
    expect(answer.ids).toContainEqual(['b2']);
  });
});

describe('regions as places', () => {
  it('"what vehicle is in the street?" finds the car on the road (street → road, "in" a region is on it)', () => {
    const street = paintScene(300, 200, [
      { id: 'road', label: 'road', rect: [0, 120, 300, 80], rgb: BLUE, kind: 'stuff' },
      { id: 'car', label: 'car', rect: [100, 100, 60, 40], rgb: RED },
    ]);
    const answer = talk(street, 'What vehicle is in the street?');
    expect(answer.text).toMatch(/red car/);
    expect(answer.ids).toContainEqual(['car']);
  });
});

describe('yes-no about the photo as a place, and about riding', () => {
  // A room: floor and a couch with a tv; nothing outdoors.
  const room = () =>
    paintScene(300, 200, [
      { id: 'floor', label: 'floor', rect: [0, 150, 300, 50], rgb: BROWN, kind: 'stuff' },
      { id: 'couch', label: 'couch', rect: [20, 90, 120, 60], rgb: RED },
      { id: 'tv', label: 'tv', rect: [200, 60, 60, 40], rgb: BLUE },
    ]);
  it('"is this a living room?" is a probable yes from the place evidence', () => {
    expect(talk(room(), 'Is this a living room?').text).toMatch(/^Probably yes: it looks like a living room/);
  });
  it('"is this a beach?" indoors is a no with the indoor evidence; "is this a city?" says what it looks like', () => {
    expect(talk(room(), 'Is this a beach?').text).toMatch(/^No, it looks indoors, and a beach is outdoors/);
    expect(talk(room(), 'Is this a city?').text).toMatch(/^I can't tell whether this is a city/);
  });
  it('"is this a cab?" stays a question about a thing (the detector boxes cabs as cars)', () => {
    expect(talk(room(), 'Is this a cab?').text).not.toMatch(/whether this is a cab/);
  });
  it('"is anyone riding the horse?" checks the riding relation, and "what animals…" lists without a yes', () => {
    const answer = talk(yard(), 'Is anyone riding the red horse?');
    expect(answer.text).toMatch(/^No: the person in blue is not riding/);
    expect(talk(yard(), 'What animals are there?').text).not.toMatch(/^Yes/);
  });
});

describe('is someone doing something', () => {
  const court = () =>
    paintScene(300, 200, [
      { id: 'p', label: 'person', rect: [100, 40, 40, 120], rgb: WHITE },
      { id: 'r', label: 'tennis racket', rect: [135, 90, 30, 20], rgb: YELLOW },
    ]);
  it('"is he playing tennis?" is a probable yes from the objects in view, "golf" a probable no that says what it looks like', () => {
    expect(talk(court(), 'Is he playing tennis?').text).toMatch(/^Probably yes: it looks like tennis/);
    expect(talk(court(), 'Is the man playing golf?').text).toMatch(/^Probably not: it looks like tennis/);
  });
  it('"are the horses running?" is an honest can\'t-tell about the horses, never the generic fallback', () => {
    expect(talk(yard(), 'Are the horses running?').text).toMatch(/^I can't tell whether the .*horses.* are running/);
  });
});

describe('a description tells alike things apart', () => {
  it('two red horses are named by their order from the left, never twice as "the red horse"', () => {
    const text = talk(yard(), 'Describe the picture').text;
    expect(text).not.toMatch(/the red horse\b(?! from)/);
    expect(text).toMatch(/the (first|second) red horse from the left/);
  });
});

describe('a description rests on what is sure', () => {
  it('weak detections are listed apart as "possibly", with the best score, and never placed', () => {
    const scene = paintScene(300, 200, [
      { id: 'car', label: 'car', rect: [20, 100, 90, 50], rgb: RED, score: 0.9 },
      { id: 'bag', label: 'person', rect: [200, 60, 30, 60], rgb: BLUE, score: 0.38 },
    ]);
    const text = talk(scene, 'Describe the picture').text;
    expect(text).toMatch(/a red car, and possibly a person in blue \(the models are unsure: 0\.38 at most\)/);
    expect(text).not.toMatch(/person in blue (is|stands|sits|appears)/);
  });
});

describe('choices and unchecked relations', () => {
  it('"is the car red or blue?" picks one (or neither), never a "no"', () => {
    const street = paintScene(300, 200, [{ id: 'car', label: 'car', rect: [20, 100, 90, 50], rgb: RED }]);
    expect(talk(street, 'Is the car red or blue?').text).toMatch(/^Red: the car looks red/);
    expect(talk(street, 'Is the car white or blue?').text).toMatch(/^Neither: the car looks red/);
  });
  it('"which is closer, the bus or the horse?" chooses between the two kinds, "closer" naming nobody', () => {
    expect(talk(yard(), 'Which is closer, the bus or the horse?').text).toMatch(
      /^Of the buses and horses, the nearest/,
    );
  });
  it('"is there a person on the cart?" with no cart class says the relation is unchecked, with no "yes"', () => {
    const text = talk(yard(), 'Is there a person on the cart?').text;
    expect(text).not.toMatch(/^Yes/);
    expect(text).toMatch(/can't tell whether that is on the cart/);
    expect(talk(yard(), 'Is there a person in this photo?').text).toMatch(/^Yes/);
  });
  it('"is the person on the cart?" names the person and leaves the relation unchecked; "in the picture" is a plain yes', () => {
    const text = talk(yard(), 'Is the person on the cart?').text;
    expect(text).not.toMatch(/^Yes/);
    expect(text).toMatch(/can't tell whether that is on the cart/);
    expect(talk(yard(), 'Is the bus in the picture?').text).toMatch(/^Yes/);
  });
  it('"in the room", "in the kitchen" is the photo itself, not an unchecked place', () => {
    expect(talk(yard(), 'Is there anyone in the room?').text).toMatch(/^Yes/);
    expect(talk(yard(), 'How many horses are in the kitchen?').text).toMatch(/three horses/);
    expect(talk(yard(), 'How many horses are in the kitchen?').text).not.toMatch(/as such/);
  });
});

describe('counting within a place', () => {
  const table = () =>
    paintScene(300, 200, [
      { id: 't', label: 'dining table', rect: [20, 100, 200, 80], rgb: BROWN },
      { id: 'c1', label: 'cup', rect: [40, 80, 20, 24], rgb: WHITE },
      { id: 'c2', label: 'cup', rect: [120, 80, 20, 24], rgb: WHITE },
      { id: 'c3', label: 'cup', rect: [260, 20, 20, 24], rgb: WHITE },
    ]);
  it('"how many cups are on the table?" counts only those on it', () => {
    const answer = talk(table(), 'How many cups are on the table?');
    expect(answer.text).toMatch(/^Two: two (white )?cups are on the (brown )?dining table/);
  });
  it('with no such place in view it gives the count and says the place is unchecked', () => {
    expect(talk(yard(), 'How many horses are on the bridge?').text).toMatch(
      /^I can see three horses, but I can't tell how many are on the bridge: I see no bridge as such/,
    );
  });
});

describe('on an upright region', () => {
  it('"what is on the wall?" is what hangs before it, not who stands in front of it', () => {
    const kitchen = paintScene(300, 200, [
      { id: 'wall', label: 'wall', rect: [0, 0, 300, 150], rgb: WHITE, kind: 'stuff' },
      { id: 'clock', label: 'clock', rect: [40, 20, 30, 30], rgb: [20, 20, 20] },
      { id: 'p', label: 'person', rect: [200, 30, 40, 160], rgb: BLUE },
    ]);
    const answer = talk(kitchen, 'What is on the wall?');
    expect(answer.ids[0]).toEqual(['clock']);
    expect(answer.text).not.toMatch(/person/);
  });
});
