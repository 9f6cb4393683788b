import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/shared/chat';
import { paintScene, BLUE, RED, WHITE, YELLOW, streetScene } from '../../scene/test-fixtures';
import { composeLinkedAnswer } from './answer-builtin';

/** Plays a conversation: the answerer's own answers go between the user's turns. */
function talk(scene: ReturnType<typeof streetScene>, ...questions: string[]) {
  const messages: ChatMessage[] = [];
  let answer = { text: '', spans: [] as { text: string; entityIds: string[]; method: string }[] };
  for (const q of questions) {
    messages.push({ role: 'user', content: q });
    answer = composeLinkedAnswer(scene, messages);
    messages.push({ role: 'assistant', content: answer.text });
  }
  return {
    text: answer.text,
    links: answer.spans.map((s) => [s.text, s.entityIds]),
    methods: new Set(answer.spans.map((s) => s.method)),
  };
}

// Two cars (red on the left, white on the right), a person in blue, a wall behind, a road below.
const street = () =>
  paintScene(200, 100, [
    { id: 'wall', label: 'wall', rect: [0, 0, 200, 55], rgb: [150, 150, 150], kind: 'stuff' },
    { id: 'road', label: 'road', rect: [0, 55, 200, 45], rgb: [70, 70, 70], kind: 'stuff' },
    { id: 'c1', label: 'car', rect: [5, 45, 50, 30], rgb: RED },
    { id: 'c2', label: 'car', rect: [140, 45, 50, 30], rgb: WHITE },
    { id: 'p1', label: 'person', rect: [90, 20, 14, 60], rgb: BLUE },
    { id: 'p2', label: 'person', rect: [110, 30, 10, 30], rgb: YELLOW, score: 0.2 },
  ]);

describe('generated links', () => {
  it('links every phrase it writes to the instance it means', () => {
    const { links, methods } = talk(street(), 'Where is the red car?');
    expect(links[0]).toEqual(['The red car', ['c1']]);
    expect(methods).toEqual(new Set(['generated']));
  });

  it('"the car on the right" is exactly one car', () => {
    expect(talk(street(), 'What colour is the car on the right?').links).toEqual([['The car', ['c2']]]);
  });

  it('"two cars" links both, and counts the less sure ones apart without linking them', () => {
    expect(talk(street(), 'How many cars?').links[0]).toEqual(['two cars', ['c1', 'c2']]);
    const people = talk(street(), 'How many people are there?');
    // The weak person (0.20) makes the count a range; it is given with its score, never linked.
    expect(people.text, people.text).toMatch(/^One or two people: .*unsure of \(0\.20\)/);
    expect(people.links.flatMap((l) => l[1])).not.toContain('p2');
  });

  it('names stuff regions and links them', () => {
    expect(talk(street(), 'Is there a road?').links[0]).toEqual(['the road', ['road']]);
    expect(talk(street(), 'What is behind the person?').links).toContainEqual(['The wall', ['wall']]);
    expect(talk(street(), 'What is the person on?').text).toMatch(/on the road/);
  });

  it('a count names those in one place together, linked to all of them', () => {
    const cars = paintScene(200, 100, [
      { id: 'a', label: 'car', rect: [5, 40, 40, 30], rgb: RED },
      { id: 'b', label: 'car', rect: [140, 10, 25, 20], rgb: WHITE },
      { id: 'c', label: 'car', rect: [170, 15, 25, 20], rgb: BLUE },
    ]);
    const { text, links } = talk(cars, 'How many cars?');
    expect(text).toMatch(/three cars: (one [a-z ]+ and two [a-z ]+|two [a-z ]+ and one [a-z ]+)\./);
    expect(links.find((l) => String(l[0]).startsWith('two'))?.[1]).toEqual(['b', 'c']);
  });

  it('answers what is on the left and compares counts', () => {
    expect(talk(street(), 'What is on the left?').links).toEqual([['a red car', ['c1']]]);
    expect(talk(street(), 'Are there more cars than people?').text).toMatch(
      /^Yes.*; I am less sure of one further person\.$/,
    );
  });
});

describe('follow-ups refer to the previous answer', () => {
  it('"what colour is it?" after "where is the red car?"', () => {
    expect(talk(street(), 'Where is the red car?', 'What colour is it?').text).toMatch(/car \w+ ?\w* red/);
  });

  it('"and the other one?" is the other car', () => {
    const { links } = talk(street(), 'Where is the red car?', 'And the other one?');
    expect(links[0][1]).toEqual(['c2']);
  });

  it('"where are they?" after a count is about all of them', () => {
    const { links } = talk(street(), 'How many cars?', 'Where are they?');
    expect(links.flatMap((l) => l[1]).sort()).toEqual(
      ['c1', 'c1', 'c2', 'c2'].slice(0, links.flatMap((l) => l[1]).length).sort(),
    );
    expect(new Set(links.flatMap((l) => l[1]))).toEqual(new Set(['c1', 'c2']));
  });
});

describe('sound questions', () => {
  const event = (label: string, start: number, end: number) => ({
    label,
    mid: '/m/x',
    group: label,
    start,
    end,
    score: 0.8,
    source: 'efficientat-mn04-as',
  });
  const scene = () =>
    streetScene({
      sound: {
        description: 'A dog barks twice.',
        keywords: ['dog'],
        soundEvents: [event('Bark', 0.5, 1.2), event('Bark', 2, 2.4)],
        sourceIds: ['e4'],
      },
    });

  it('says when the dog barks, from the sound events', () => {
    expect(talk(scene(), 'When does the dog bark?').text).toMatch(
      /bark from 0\.5 s to 1\.2 s and bark from 2\.0 s to 2\.4 s/,
    );
  });

  it('names the sound the question asks for when the ontology files it under the heard class', () => {
    const dog = streetScene({
      sound: { description: 'Dog.', keywords: ['dog'], soundEvents: [event('Dog', 0.5, 2.6)], sourceIds: ['e4'] },
    });
    expect(talk(dog, 'When does the dog bark?').text).toMatch(
      /^I hear the dog bark from 0\.5 s to 2\.6 s \(efficientat-mn04-as hears Dog; the AudioSet ontology files Bark under it\)/,
    );
    expect(talk(dog, 'When does the dog meow?').text).toMatch(/ dog from 0\.5 s to 2\.6 s \(efficientat-mn04-as\)\.$/);
    const bark = streetScene({
      sound: {
        description: 'Dog.',
        keywords: ['dog'],
        soundEvents: [{ ...event('Bark', 1, 2), group: 'Dog' }],
        sourceIds: ['e4'],
      },
    });
    expect(talk(bark, 'When does the dog bark?').text).toMatch(
      /^I hear the dog bark from 1\.0 s to 2\.0 s \(efficientat-mn04-as\)/,
    );
  });

  it('answers "is there music?" plainly', () => {
    expect(talk(scene(), 'Is there music?').text).toMatch(/^No, efficientat-mn04-as heard no music in the clip\./);
    expect(talk(scene(), 'Is someone talking?').text).toMatch(/heard no talking in the clip/);
    expect(talk(scene(), 'Do you hear a cat?').text).toMatch(/heard no cats in the clip/);
  });

  it('links what makes the sound', () => {
    expect(talk(scene(), 'What is making that sound?').links).toEqual([['the white dog', ['e4']]]);
    expect(talk(scene(), 'What do you hear?').text).toContain('A dog barks twice.');
    expect(talk(scene(), 'What do you hear?').text).not.toMatch(/^No\b/);
    expect(talk(scene(), 'Do you hear anything?').text).not.toMatch(/heard no/);
  });
});

describe('what a thing is', () => {
  // The red car as a cab to the crop classifier; the white one also scored as a truck by the detector.
  const named = () => {
    const scene = street();
    const node = (id: string) => scene.graph.nodes.find((n) => n.id === id)!;
    node('c1').fineName = { label: 'cab, hack, taxi', score: 0.41, source: 'imagenet-mobilenetv2' };
    node('c2').alternatives = [{ label: 'truck', score: 0.35, source: 'yolox-nano' }];
    return scene;
  };

  it('says yes from the crop classifier, with its score, about what "it" was', () => {
    const { text, links } = talk(named(), 'Where is the red car?', 'Is it a cab?');
    expect(text).toMatch(/^Yes — the crop classifier calls the red car a cab \(0\.41\)/);
    expect(links).toEqual([['the red car', ['c1']]]);
  });

  it('a broader kind is yes through WordNet; another class scored is only possibly; anything else is no', () => {
    expect(talk(named(), 'Is the red car a vehicle?').text).toMatch(/^Yes: .*WordNet files a car under vehicle/);
    expect(talk(named(), 'Is the white car a truck?').text).toMatch(
      /^Possibly: .*a truck \(0\.35\) as another reading/,
    );
    expect(talk(named(), 'Is the white car a bus?').text).toMatch(/^No: test calls the white car a car \(0\.90\)\.$/);
  });

  it('"is it a …?" with nothing before is about the biggest thing, and says so', () => {
    const { text, links } = talk(named(), 'Is it a person?');
    expect(text).toMatch(/so I take it to be the biggest thing here/);
    expect(new Set(links.flatMap((l) => l[1])).size).toBe(1);
  });
});

describe('what it cannot know', () => {
  it.each(['What is the person thinking?', 'Why is the car here?', 'Who is that man?', 'How old is the person?'])(
    '%s: one sentence, no links',
    (q) => {
      const { text, links } = talk(street(), q);
      expect(text).toMatch(/^I can't [^.]*\.$/);
      expect(links).toEqual([]);
    },
  );
});

describe('naming alike things apart', () => {
  it('tells three white cars apart by place, then by order from the left', () => {
    const scene = paintScene(300, 100, [
      { id: 'a', label: 'car', rect: [120, 40, 40, 30], rgb: WHITE },
      { id: 'b', label: 'car', rect: [210, 40, 30, 30], rgb: WHITE },
      { id: 'c', label: 'car', rect: [255, 40, 40, 30], rgb: WHITE },
    ]);
    const { links } = talk(scene, 'Where is the car?');
    expect(links.slice(1)).toEqual([
      ['the white car in the centre', ['a']],
      ['the second white car from the left', ['b']],
      ['the third white car from the left', ['c']],
    ]);
  });
});
