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

  it('says which thing is missing instead of comparing with nothing', () => {
    expect(talk(yard(), 'Is the horse bigger than the car?').text).not.toMatch(/^(Yes|No),/);
  });
});

describe('activities no model can see', () => {
  it("echo the whole asked activity in the can't-tell, not the verb and one more word", () => {
    expect(talk(yard(), 'Is the white horse looking at the camera?').text).toMatch(
      /^I can't tell whether the white horse is looking at the camera: /,
    );
  });
});

describe('he and she', () => {
  it('mean someone: the last person talked about, or the one in view, never the thing named last', () => {
    // yard(): one person p; "the bus" was named last.
    expect(talk(yard(), 'What colour is the big bus?', 'Where is she?').text).toMatch(/^The person in blue /);
    expect(
      talk(yard(), 'What colour is the person?', 'What colour is the big bus?', 'What is he holding?').text,
    ).toMatch(/^The person in blue /);
  });

  it('may mean an animal just talked about', () => {
    expect(talk(yard(), 'What colour is the white horse?', 'Where is she?').text).toMatch(/^The white horse /);
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

describe('a count that names nothing', () => {
  it('"how many are there?" counts what the conversation is about, or everything', () => {
    expect(talk(yard(), 'Where are the horses?', 'How many are there?').text).toMatch(/^Three\b|\bthree horses\b/i);
    expect(talk(yard(), 'How many are there?').text).toMatch(/\bsix things\b/);
  });
});

describe('what someone is doing, from what they ride or hold', () => {
  it('says a rider rides once, and backs "is he riding?"', () => {
    const ride = paintScene(200, 120, [
      { id: 'p', label: 'person', rect: [40, 0, 20, 60], rgb: BLUE },
      { id: 'h', label: 'horse', rect: [20, 30, 70, 50], rgb: BROWN },
    ]);
    expect(talk(ride, 'What is the person doing?').text).toMatch(/^The person in \w+ is riding a brown horse\.$/);
    expect(talk(ride, 'Is the person riding?').text).toMatch(
      /^Probably yes\. The person in \w+ is riding a brown horse\.$/,
    );
  });
});

describe('a pronoun after a "no"', () => {
  it('still means the thing that is not there, not what the "no" listed instead', () => {
    expect(talk(yard(), 'Is there a laptop?', 'Where is it?').text).toMatch(/^I (can't find|don't see) any laptops\b/);
    expect(talk(yard(), 'Are there any cats?', 'What colour are they?').text).toMatch(/\bany cats\b/);
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

describe('a number to check', () => {
  it('"are there two horses?" says yes or no before the count, also for a count in a place', () => {
    // yard(): three horses, one person.
    expect(talk(yard(), 'Are there two horses?').text).toMatch(/^No\. .*\bthree horses\b/i);
    expect(talk(yard(), 'Are there three horses?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Do you see 1 person?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Are there two horses to the right of the white horse?').text).toMatch(/^No\. One: /);
    expect(talk(yard(), 'Are there any horses?').text).toMatch(/^Yes, /);
  });

  it('"is he alone?" checks that he is the only person', () => {
    expect(talk(yard(), 'Is he alone?').text).toMatch(/^Yes\. /);
    expect(talk(yard(), 'Is the white horse alone?').text).toMatch(/^No\. /);
  });

  it('"in the picture" is the photo itself, not a place to count in', () => {
    expect(talk(yard(), 'How many horses are in the picture?').text).toMatch(/\bthree horses\b/i);
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

describe('people tied to nothing, with sports gear in view', () => {
  it('get the gear as a hedged lead', () => {
    const park = paintScene(300, 200, [
      { id: 'k', label: 'kite', rect: [200, 10, 30, 20], rgb: RED },
      { id: 'p', label: 'person', rect: [60, 80, 30, 100], rgb: BLUE },
    ]);
    expect(talk(park, 'What is the person doing?').text).toBe(
      'Nothing they hold or ride says so for sure, but the gear in view points to a sport or game. It looks like kite flying: I see a red kite with a person in blue.',
    );
  });
});
