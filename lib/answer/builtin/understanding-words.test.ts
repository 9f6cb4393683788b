/**
 * Question understanding for issue #14, the wording side, on painted scenes where every fact is known: looking
 * words up, nouns missing or worn, plurals and mass nouns, kind and who questions, worn things, broad words, shades.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, BROWN, RED, WHITE, YELLOW } from '../../scene/test-fixtures';

const GREEN: [number, number, number] = [40, 150, 50];
import type { TextInput } from '../types';
import { savanna, talk, yard } from './understanding-fixtures';

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

describe('counting a kind', () => {
  it('"how many animals are there?" gives the total, then the classes, each linked', () => {
    const answer = talk(savanna(), 'How many animals are there?');
    expect(answer.text).toMatch(/^I count three animals: a white zebra and two giraffes\./);
    expect(answer.ids).toContainEqual(['zebra']);
  });

  it('"how many players can you see?": a role noun before "can" or "do" is what is counted, not a tin\'s maker', () => {
    for (const question of ['How many players can you see?', 'How many players do you see?'])
      expect(talk(yard(), question).text).toMatch(/\bone person\b|only a person/);
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
    expect(talk(yard(), 'What colour is his shirt?').text).toMatch(
      /^The person's shirt (looks|is mostly|appears) blue \(going by the upper part of the mask, where a shirt is worn\)/,
    );
  });
  it('"what colour are the uniforms?" reads the clothes of the people in view', () => {
    expect(talk(yard(), 'What colour are the uniforms?').text).toMatch(
      /^The person (looks|is mostly|appears) blue \(going by the clothes\)/,
    );
  });
  it('"her top" is a garment, asked again in a follow-up, though WordNet\'s "top" is first a lid', () => {
    expect(talk(yard(), 'What colour is her top?').text).toMatch(/^The person's top (looks|is mostly|appears) blue/);
    expect(talk(yard(), 'What colour is the bus?', "And the woman's top?").text).toMatch(
      /top (looks|is mostly|appears) blue/,
    );
  });
  it('"the court" is the ground region the players stand on, of all the ground there is', () => {
    const court = paintScene(300, 200, [
      { id: 'sand', label: 'sand', rect: [0, 0, 300, 60], rgb: YELLOW, kind: 'stuff' },
      { id: 'grass', label: 'grass', rect: [0, 60, 300, 140], rgb: GREEN, kind: 'stuff' },
      { id: 'p', label: 'person', rect: [100, 40, 30, 100], rgb: WHITE },
    ]);
    expect(talk(court, 'What colour is the court?').text).toMatch(/^The grass (looks|is mostly|appears) green\.$/);
    expect(talk(court, 'What colour is the pitch?').text).toMatch(/green/);
  });
  it('a description leaves out "in front of" a region centred above the thing', () => {
    const sky = paintScene(300, 200, [
      { id: 'sky', label: 'sky', rect: [0, 0, 300, 80], rgb: BLUE, kind: 'stuff' },
      { id: 'bus', label: 'bus', rect: [60, 60, 160, 100], rgb: RED },
    ]);
    expect(talk(sky, 'Describe the picture').text).not.toMatch(/in front of the (blue )?sky/);
  });
});

describe('plurals WordNet keeps as nouns', () => {
  it('"what colour are their clothes?" reads the wearers', () => {
    expect(talk(yard(), 'What colour are their clothes?').text).toMatch(/blue \(going by the clothes\)/);
  });
});

describe('mass nouns', () => {
  it('a missing stuff class is "any sky", not "any skies"', () => {
    const text = talk(yard(), 'What colour is the sky?').text;
    expect(text).toMatch(/any sky\b/);
    expect(text).toMatch(/has a class for it\b/);
  });
});

describe('questions about the whole view', () => {
  const lone = () =>
    paintScene(300, 200, [
      { id: 'road', label: 'road', rect: [0, 150, 300, 50], rgb: [90, 90, 90], kind: 'stuff' },
      { id: 'car', label: 'car', rect: [100, 80, 100, 70], rgb: RED },
    ]);

  it('"what colours do you see?" lists the colours in view, each with what shows it', () => {
    const { text, ids } = talk(lone(), 'What colours do you see?');
    expect(text).toMatch(
      /^The colours I see, the most of the picture first: (red \(the car\) and grey \(the road\)|grey \(the road\) and red \(the car\))\.$/,
    );
    expect(ids).toContainEqual(['car']);
  });

  it('"what is the biggest thing?" of one thing names it, not "there is only one car"', () => {
    expect(talk(lone(), 'What is the biggest thing?').text).toBe(
      'The red car, in the centre: it is the only thing I see for sure.',
    );
  });

  it('"is there anything unusual?" is a judgement no model makes', () => {
    expect(talk(lone(), 'Is there anything unusual?').text).not.toMatch(/any anything/);
    expect(talk(lone(), 'Is there anything unusual?').text).toMatch(/^I can't tell/);
  });

  it('"is the car old?", "does it look new?" ask an age or condition no model judges; "an old man" is still asked for', () => {
    expect(talk(lone(), 'Is the car old?').text).toMatch(/^I can't judge age or condition/);
    expect(talk(lone(), 'Does the car look new?').text).toMatch(/^I can't judge age or condition/);
    expect(talk(lone(), 'Is there an old man?').text).toMatch(/^No\b/);
  });

  it('"is it on?", "is the car turned off?" ask whether it is switched on; "is it on the road?" stays a relation', () => {
    expect(talk(lone(), 'Is there a car?', 'Is it on?').text).toMatch(/^I can't tell whether it is switched on/);
    expect(talk(lone(), 'Is the car turned off?').text).toMatch(/^I can't tell whether it is switched on/);
    expect(talk(lone(), 'Is the car on the road?').text).not.toMatch(/switched on/);
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

describe('broad words', () => {
  it('"any bags?" names the bag classes checked and does not rule out the rest', () => {
    const text = talk(yard(), 'Are there any bags?').text;
    expect(text).toMatch(
      /^I see no handbags, suitcases or backpacks, the detector's kinds of bag; .*can't rule them out/,
    );
    expect(talk(yard(), 'Is there a bike?').text).toMatch(/^No/);
    expect(talk(yard(), 'Who is older, the man or the boy?').text).toMatch(/age/);
  });

  it('"is there food?" names the detector\'s kinds of food by COCO\'s grouping and does not rule out the rest', () => {
    expect(talk(yard(), 'Is there any food?').text).toMatch(
      /^I see no bananas, .*the detector's kinds of food; other kinds of food are no class .*can't rule them out/,
    );
  });

  it('"any seats?" finds the couch, a kind of seat, instead of a confident no', () => {
    const room = paintScene(300, 200, [{ id: 'c', label: 'couch', rect: [40, 80, 160, 90], rgb: BLUE }]);
    expect(talk(room, 'Are there any seats?').text).toMatch(/^Yes[,:] I (can )?see a blue couch/);
    expect(talk(room, 'How many seats are there?').text).toMatch(/\bone seat\b|\ba blue couch\b/);
  });

  it('"how many paper bags?" is not answered by a count of handbags', () => {
    for (const question of [
      'How many paper bags are there?',
      'How many bags are there?',
      'How many bags are in the bus?',
    ]) {
      const text = talk(yard(), question).text;
      expect(text).not.toMatch(/don't see any handbags/);
      expect(text).toMatch(/^I see no handbags, suitcases or backpacks, .*can't rule them out\.$/);
    }
    expect(talk(yard(), 'How many dogs are there?').text).toMatch(/don't see any dogs/);
  });

  it('"what is parked beside the trash cans on the left?" asks about trash cans, not the whole picture', () => {
    const text = talk(yard(), 'What is parked beside the trash cans on the left?').text;
    expect(text).toMatch(/trash cans/);
    expect(text).not.toMatch(/vision-language model/);
  });
});

describe('shades', () => {
  it('"what colour?" gives a navy car as dark blue, while "is it blue?" is still a yes', () => {
    const navy = paintScene(200, 120, [{ id: 'car', label: 'car', rect: [20, 40, 120, 60], rgb: [20, 30, 80] }]);
    expect(talk(navy, 'What colour is the car?').text).toMatch(/dark blue/);
    expect(talk(navy, 'Is the car blue?').text).toMatch(/^Yes/);
  });
});

describe('nouns that are more than their label word', () => {
  it('"a bus stop" is no bus, "a stroller" no person: both are things no model has a class for', () => {
    expect(talk(yard(), 'Is there a bus stop?').text).toMatch(
      /^I can't tell whether there is a bus stop: none of my models/,
    );
    expect(talk(yard(), 'Is there a stroller?').text).toMatch(/^I can't tell whether there is a stroller/);
  });

  it('"a baby horse" is a horse whose age no model sees; the smallest is pointed out', () => {
    expect(talk(yard(), 'Is there a baby horse?').text).toMatch(
      /^(There are|I can see|I see) three horses\. But I can't tell whether any is young: my models don't see age\. The smallest is /,
    );
  });

  it('"do the horses have saddles?" asks for a part no model has a class for, of all of them', () => {
    expect(talk(yard(), 'Do the horses have saddles?').text).toBe(
      "I can't tell: none of my models has a class for saddles, so I can't make out the saddles of the horses as such.",
    );
  });
});

describe("the segmenter's look-alike", () => {
  it('"where are the houses?" with only a building region offers the building, hedged', () => {
    const town = paintScene(300, 200, [
      { id: 'b', label: 'building', rect: [0, 40, 300, 80], rgb: BROWN, kind: 'stuff' },
      { id: 'p', label: 'person', rect: [100, 100, 20, 60], rgb: BLUE },
    ]);
    expect(talk(town, 'Where are the houses?').text).toMatch(
      /^I see no house as such, but the scene segmenter found the building .*which may be it/,
    );
  });
});

describe('is there a kid / a woman?', () => {
  it('shows the people but never a yes about age or sex', () => {
    expect(talk(yard(), 'Is there a kid?').text).toMatch(
      /^(There is|I can see|I see) a person in blue on the left\. But I can't tell whether that is a child/,
    );
    expect(talk(yard(), 'Is there a woman?').text).not.toMatch(/^Yes/);
    expect(talk(yard(), 'Is there a person?').text).toMatch(/^Yes/);
  });
});
