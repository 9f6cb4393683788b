/**
 * Question understanding added for issue #14, on painted scenes where every fact is known: instance cues
 * (size, middle, top/bottom), "the other X", relation questions that select a kind, follow-ups that re-ask,
 * role nouns nothing backs, "who is on the right" with nobody there, reading one sign, destinations.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/shared/chat';
import { paintScene, BLUE, BROWN, RED, WHITE, YELLOW } from '../../scene/test-fixtures';
import type { Box } from '@/lib/shared/analysis';
import { composeLinkedAnswer } from './answer-builtin';
import type { TextInput } from '../types';

function talk(scene: ReturnType<typeof paintScene> & { texts?: TextInput[] }, ...questions: string[]) {
  const messages: ChatMessage[] = [];
  let answer = { text: '', spans: [] as { text: string; entityIds: string[] }[] };
  for (const q of questions) {
    messages.push({ role: 'user', content: q });
    answer = composeLinkedAnswer(scene, messages);
    messages.push({ role: 'assistant', content: answer.text });
  }
  return { text: answer.text, ids: answer.spans.map((s) => s.entityIds) };
}

// A tall giraffe on the right with a small zebra at its feet; a small giraffe at the bottom left.
const savanna = () =>
  paintScene(300, 200, [
    { id: 'tall', label: 'giraffe', rect: [180, 20, 80, 150], rgb: YELLOW },
    { id: 'small', label: 'giraffe', rect: [10, 130, 60, 50], rgb: YELLOW },
    { id: 'zebra', label: 'zebra', rect: [150, 140, 35, 32], rgb: WHITE },
  ]);

// Three horses left to right, two buses (a big one in front, a small one further off), one person on the left.
const yard = () =>
  paintScene(300, 200, [
    { id: 'h1', label: 'horse', rect: [10, 100, 50, 40], rgb: RED },
    { id: 'h2', label: 'horse', rect: [120, 100, 50, 40], rgb: WHITE },
    { id: 'h3', label: 'horse', rect: [230, 100, 50, 40], rgb: RED },
    { id: 'b1', label: 'bus', rect: [150, 20, 140, 70], rgb: WHITE },
    { id: 'b2', label: 'bus', rect: [60, 40, 30, 20], rgb: WHITE },
    { id: 'p', label: 'person', rect: [5, 60, 12, 30], rgb: BLUE },
  ]);

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

describe('looking things up', () => {
  it('a thing taken for granted but found only as its one look-alike is answered, hedged', () => {
    const scene = paintScene(200, 100, [{ id: 'car', label: 'car', rect: [140, 40, 50, 30], rgb: WHITE }]);
    const { text, ids } = talk(scene, 'Where is the pickup truck?');
    expect(text).toMatch(/^I see no truck as such, but the detector may have named it a car: the white car/);
    expect(ids[0]).toEqual(['car']);
  });
  it('only the crop classifier knowing a thing gives "can\'t tell", an animal it would have seen gives "no"', () => {
    const scene = paintScene(200, 100, [{ id: 'dog', label: 'dog', rect: [10, 10, 40, 40], rgb: WHITE }]);
    expect(talk(scene, 'Is there a tripod?').text).toMatch(
      /^I can't tell whether there is a tripod: only the crop classifier/,
    );
    expect(talk(scene, 'Is there a lion?').text).toMatch(/^No\b/);
  });
  it('reads the lines on the one sign asked about, in reading order, and a bus sign for "where is it going?"', () => {
    const scene = {
      ...paintScene(300, 200, [
        { id: 'sign', label: 'signboard', rect: [10, 10, 100, 60], rgb: WHITE, kind: 'stuff' },
        { id: 'bus', label: 'bus', rect: [150, 80, 140, 100], rgb: YELLOW },
      ]),
      texts: [
        { text: 'WAY', confidence: 0.95, box: [60, 20, 40, 15] },
        { text: 'PEACE', confidence: 0.95, box: [15, 21, 40, 15] },
        { text: 'HOTEL', confidence: 0.95, box: [15, 45, 50, 15] },
        { text: 'DOWNTOWN', confidence: 0.9, box: [170, 90, 80, 15] },
      ] as TextInput[],
    };
    expect(talk(scene, 'What does the sign say?').text).toMatch(/^The signboard reads "PEACE WAY HOTEL"/);
    expect(talk(scene, 'What is that?', 'Where is the bus going?').text).toMatch(
      /sign reads "DOWNTOWN", which is most likely where it is going/,
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

describe('counting a kind', () => {
  it('"how many animals are there?" gives the total, then the classes, each linked', () => {
    const answer = talk(savanna(), 'How many animals are there?');
    expect(answer.text).toMatch(/^I count three animals: a white zebra and two giraffes\./);
    expect(answer.ids).toContainEqual(['zebra']);
  });
});

describe('what a question is about when its noun is missing or worn', () => {
  it('"what is on the desk?" with no desk never describes the picture', () => {
    // A desk is a segmenter class it never keeps as a region: its silence is no "no".
    expect(talk(yard(), 'What is on the desk?').text).toMatch(/^I can't tell whether there are any desks/);
    expect(talk(yard(), 'What is on the bench?').text).toMatch(/^I (don't see|can't find) any benches/);
    expect(talk(yard(), 'Is there a flag?').text).toMatch(/^I can't tell whether there are any flags: .*Find/);
    expect(talk(yard(), "What's in the picture?").text).not.toMatch(/desk/);
  });
  it('"what colour is his shirt?" reads the wearer\'s clothes', () => {
    expect(talk(yard(), 'What colour is his shirt?').text).toMatch(/blue \(going by the clothes\)/);
  });
  it('a description leaves out "in front of" a region centred above the thing', () => {
    const sky = paintScene(300, 200, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 80], rgb: BLUE, kind: 'stuff' },
      { id: 'bus', label: 'bus', rect: [60, 60, 160, 100], rgb: RED },
    ]);
    expect(talk(sky, 'Describe the picture').text).not.toMatch(/in front of the (blue )?sky/);
  });
});

describe('a description tells alike things apart', () => {
  it('two red horses are named by their order from the left, never twice as "the red horse"', () => {
    const text = talk(yard(), 'Describe the picture').text;
    expect(text).not.toMatch(/the red horse\b(?! from)/);
    expect(text).toMatch(/the (first|second) red horse from the left/);
  });
});

describe('plurals WordNet keeps as nouns', () => {
  it('"what colour are their clothes?" reads the wearers', () => {
    expect(talk(yard(), 'What colour are their clothes?').text).toMatch(/blue \(going by the clothes\)/);
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

describe('mass nouns', () => {
  it('a missing stuff class is "any sky", not "any skies"', () => {
    const text = talk(yard(), 'What colour is the sky?').text;
    expect(text).toMatch(/any sky\b/);
    expect(text).toMatch(/has a class for it\b/);
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

describe('kind questions', () => {
  const kennel = () =>
    paintScene(300, 200, [
      {
        id: 'dog',
        label: 'dog',
        rect: [20, 80, 120, 100],
        rgb: WHITE,
        fineName: { label: 'French bulldog', score: 0.24, source: 'imagenet-mobilenetv2' },
      },
      {
        id: 'truck',
        label: 'truck',
        rect: [160, 40, 130, 90],
        rgb: RED,
        fineName: { label: 'pickup, pickup truck', score: 0.8, source: 'imagenet-mobilenetv2' },
      },
    ]);
  it('"what breed / kind of" gives the crop classifier\'s finer name, hedged when it is a guess', () => {
    const breed = talk(kennel(), 'What breed is the dog?');
    expect(breed.text).toMatch(/best guess for the white dog is a french bulldog \(0\.24, a guess\)/);
    expect(breed.ids[0]).toEqual(['dog']);
    expect(talk(kennel(), 'What kind of truck is it?').text).toMatch(/is a pickup \(0\.80\)\.$/);
  });
  it("makes and brands are no model's classes", () => {
    expect(talk(kennel(), 'What make is the truck?').text).toMatch(/^I can't tell the make/);
  });
  it('"is this a professional match?": a kind no model has a class for is an "I can\'t tell", never a "no"', () => {
    const text = talk(kennel(), 'Is this a professional match?').text;
    expect(text).toMatch(/^I can't tell whether this is a professional match/);
    expect(talk(kennel(), 'Is the truck a bus?').text).toMatch(/^No/);
  });
  it('"is it a puppy?" is not a yes from "dog": a puppy is a kind of dog no model names', () => {
    expect(talk(kennel(), 'Is the dog a puppy?').text).toMatch(/^Possibly/);
  });
});

describe('who questions', () => {
  const field = () =>
    paintScene(300, 200, [
      { id: 'p1', label: 'person', rect: [20, 40, 60, 150], rgb: WHITE },
      { id: 'p2', label: 'person', rect: [200, 40, 60, 150], rgb: BLUE },
      { id: 'g', label: 'baseball glove', rect: [210, 100, 20, 20], rgb: BROWN },
    ]);
  it('"who holds the glove?" finds the holder though the question names the class by a shorter word', () => {
    expect(talk(field(), 'Who holds the glove?').ids[0]).toEqual(['p2']);
  });
  it('"who has the ball?" with no ball says so', () => {
    expect(talk(field(), 'Who has the ball?').text).toMatch(/^I can't tell: I see no sports ball/);
  });
  it('"who is the catcher?" names the person the role fits, "who is that man?" no one', () => {
    expect(talk(field(), 'Who is the catcher?').ids[0]).toEqual(['p2']);
    expect(talk(field(), 'Who is that man?').text).toMatch(/can't tell who anyone is/);
  });
});

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

describe('broad words', () => {
  it('"any bags?" names the bag classes checked and does not rule out the rest', () => {
    const text = talk(yard(), 'Are there any bags?').text;
    expect(text).toMatch(
      /^I see no handbags, suitcases or backpacks, the detector's kinds of bag; .*can't rule them out/,
    );
    expect(talk(yard(), 'Is there a bike?').text).toMatch(/^No/);
    expect(talk(yard(), 'Who is older, the man or the boy?').text).toMatch(/age/);
  });
});

describe('shades', () => {
  it('"what colour?" gives a navy car as dark blue, while "is it blue?" is still a yes', () => {
    const navy = paintScene(200, 120, [{ id: 'car', label: 'car', rect: [20, 40, 120, 60], rgb: [20, 30, 80] }]);
    expect(talk(navy, 'What colour is the car?').text).toMatch(/dark blue/);
    expect(talk(navy, 'Is the car blue?').text).toMatch(/^Yes/);
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
