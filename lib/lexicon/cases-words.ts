/** Matcher cases (see cases.ts): colour words that modify, BuboGPT's published examples, exact words, lemmas and every occurrence. */
import type { MatchCase } from './match-case';

export const WORD_CASES: MatchCase[] = [
  // Colour words modify, even where WordNet has the pair as a compound (blue book, brown bear).
  {
    text: 'There is a blue book next to a brown bear.',
    labels: ['book', 'bear'],
    expect: [
      ['blue book', 'book'],
      ['brown bear', 'bear'],
    ],
    mustPass: true,
  },
  // BuboGPT's published examples (DESIGN.md).
  {
    text: 'A brown dog is lying on the grass.',
    labels: ['dog', 'grass'],
    expect: [
      ['brown dog', 'dog'],
      ['grass', 'grass'],
    ],
    mustPass: true,
  },
  {
    text: 'The horse grazes in a grassy field.',
    labels: ['horse', 'field'],
    expect: [
      ['horse', 'horse'],
      ['grassy field', 'field'],
    ],
    mustPass: true,
  },
  { text: 'Several wild horses are running.', labels: ['horse'], expect: [['wild horses', 'horse']], mustPass: true },
  {
    text: 'I can see four dogs playing together.',
    labels: ['dog', 'dog', 'dog', 'dog'],
    expect: [['four dogs', 'dog']],
    mustPass: true,
  },
  {
    text: 'People are walking along the street.',
    labels: ['person', 'person', 'person'],
    expect: [['People', 'person']],
    mustPass: true,
  },
  {
    text: 'There is a cake on a white plate.',
    labels: ['cake', 'plate'],
    expect: [
      ['cake', 'cake'],
      ['white plate', 'plate'],
    ],
    mustPass: true,
  },
  {
    text: 'The table has drinks and snacks on it.',
    labels: ['coffee', 'dining table'],
    expect: [
      ['table', 'dining table'],
      ['drinks', 'coffee'],
    ],
    note: 'drinks → coffee: WordNet, coffee is a kind of beverage = drink',
  },
  // Exact, lemma and every occurrence.
  {
    text: 'A cat sleeps. Later the cat wakes up and another cat joins it.',
    labels: ['cat', 'cat'],
    expect: [
      ['cat', 'cat'],
      ['cat', 'cat'],
      ['cat', 'cat'],
    ],
    mustPass: true,
  },
  {
    text: 'Two cars are parked behind the red truck.',
    labels: ['car', 'car', 'truck'],
    expect: [
      ['Two cars', 'car'],
      ['red truck', 'truck'],
    ],
    mustPass: true,
  },
  {
    text: 'The bus stops while a bicycle passes.',
    labels: ['bus', 'bicycle'],
    expect: [
      ['bus', 'bus'],
      ['bicycle', 'bicycle'],
    ],
  },
  {
    text: 'A boat floats near three birds.',
    labels: ['boat', 'bird', 'bird', 'bird'],
    expect: [
      ['boat', 'boat'],
      ['three birds', 'bird'],
    ],
  },
  { text: 'The mice ate the cheese.', labels: ['mouse'], expect: [['mice', 'mouse']] },
  {
    text: 'A sheep and two cows stand near the fence.',
    labels: ['sheep', 'cow', 'cow'],
    expect: [
      ['sheep', 'sheep'],
      ['two cows', 'cow'],
    ],
  },
  {
    text: 'An elephant walks past a giraffe and a zebra.',
    labels: ['elephant', 'giraffe', 'zebra'],
    expect: [
      ['elephant', 'elephant'],
      ['giraffe', 'giraffe'],
      ['zebra', 'zebra'],
    ],
  },
  {
    text: 'A laptop and a keyboard sit on the desk.',
    labels: ['laptop', 'keyboard'],
    expect: [
      ['laptop', 'laptop'],
      ['keyboard', 'keyboard'],
    ],
  },
  {
    text: 'Oranges and bananas fill the bowl.',
    labels: ['orange', 'banana', 'bowl'],
    expect: [
      ['Oranges', 'orange'],
      ['bananas', 'banana'],
      ['bowl', 'bowl'],
    ],
  },
  {
    text: 'She holds an umbrella and a suitcase.',
    labels: ['umbrella', 'suitcase', 'person'],
    expect: [
      ['umbrella', 'umbrella'],
      ['suitcase', 'suitcase'],
    ],
  },
  {
    text: 'A clock hangs above the vase with flowers.',
    labels: ['clock', 'vase'],
    expect: [
      ['clock', 'clock'],
      ['vase', 'vase'],
    ],
  },
];
