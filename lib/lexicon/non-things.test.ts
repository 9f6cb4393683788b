import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, RED, WHITE } from '../scene/test-fixtures';
import { matchEntitiesSync } from '.';

const PEOPLE_AND_CARS = [
  { id: 'p1', label: 'person' },
  { id: 'p2', label: 'person' },
  { id: 'c1', label: 'car' },
];

describe('words that are not things are never linked', () => {
  it.each([
    'There are three objects in the image.',
    'One thing stands in the centre of the frame.',
    'The source of the sound is unclear.',
    'On the left side, part of the scene is dark.',
    'The detector is moderate about this region.',
    'A lot of the picture is in the background.',
    'Something sits in the middle of the view.',
    'The colour and size of each item differ.',
  ])('%s', (text) => {
    expect(matchEntitiesSync(text, PEOPLE_AND_CARS, { glove: null })).toEqual([]);
  });

  it('still links the things around them', () => {
    const spans = matchEntitiesSync('The person in the centre of the frame stands by a car.', PEOPLE_AND_CARS, {
      glove: null,
    });
    expect(spans.map((s) => s.text)).toEqual(['person', 'car']);
  });
});

describe('a phrase that singles out an instance links that instance', () => {
  // Two cars (red on the left, white on the right), two people (blue on the left, red on the right).
  const scene = paintScene(200, 100, [
    { id: 'c1', label: 'car', rect: [5, 50, 44, 30], rgb: RED },
    { id: 'c2', label: 'car', rect: [150, 50, 40, 30], rgb: WHITE },
    { id: 'p1', label: 'person', rect: [60, 20, 10, 60], rgb: BLUE },
    { id: 'p2', label: 'person', rect: [120, 20, 10, 60], rgb: RED },
  ]);
  const nodes = scene.graph.nodes;
  const link = (text: string) => matchEntitiesSync(text, nodes, { glove: null }).map((s) => [s.text, s.entityIds]);

  it.each([
    ['The red car is parked.', [['red car', ['c1']]]],
    ['The car on the right is parked.', [['car', ['c2']]]],
    ['The white car is parked.', [['white car', ['c2']]]],
    ['The person in blue waves.', [['person', ['p1']]]],
    ['The second person waves.', [['second person', ['p2']]]],
    ['The biggest car is parked.', [['biggest car', ['c1']]]],
    ['Two cars are parked.', [['Two cars', ['c1', 'c2']]]],
    ['The green car is parked.', [['green car', ['c1', 'c2']]]],
  ] as const)('%s', (text, expected) => {
    expect(link(text)).toEqual(expected);
  });
});
