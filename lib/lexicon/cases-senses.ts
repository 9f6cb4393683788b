/** Matcher cases (see cases.ts): people (irregular plurals, kinds of person) and synonyms and kinds, through WordNet. */
import type { MatchCase } from './match-case';

export const SENSE_CASES: MatchCase[] = [
  // People: irregular plurals and kinds of person, via WordNet.
  {
    text: 'Two men and three women are talking.',
    labels: ['person', 'person', 'person', 'person', 'person'],
    expect: [
      ['Two men', 'person'],
      ['three women', 'person'],
    ],
    mustPass: true,
  },
  {
    text: 'The children are playing with a kite.',
    labels: ['person', 'person', 'kite'],
    expect: [
      ['children', 'person'],
      ['kite', 'kite'],
    ],
    mustPass: true,
  },
  {
    text: 'A man rides a horse.',
    labels: ['person', 'horse'],
    expect: [
      ['man', 'person'],
      ['horse', 'horse'],
    ],
    mustPass: true,
  },
  {
    text: 'A woman holds an umbrella.',
    labels: ['person', 'umbrella'],
    expect: [
      ['woman', 'person'],
      ['umbrella', 'umbrella'],
    ],
  },
  {
    text: 'The boy and the girl eat pizza.',
    labels: ['person', 'person', 'pizza'],
    expect: [
      ['boy', 'person'],
      ['girl', 'person'],
      ['pizza', 'pizza'],
    ],
  },
  {
    text: 'The tennis player swings a racket.',
    labels: ['person', 'tennis racket'],
    expect: [
      ['tennis player', 'person'],
      ['racket', 'tennis racket'],
    ],
  },
  { text: 'A cook is preparing food in the kitchen.', labels: ['person', 'oven'], expect: [['cook', 'person']] },
  {
    text: 'The skier goes down the slope on skis.',
    labels: ['person', 'skis'],
    expect: [
      ['skier', 'person'],
      ['skis', 'skis'],
    ],
  },
  {
    text: 'A crowd of people waits for the train.',
    labels: ['person', 'person', 'train'],
    expect: [
      ['crowd', 'person'],
      ['people', 'person'],
      ['train', 'train'],
    ],
    note: 'crowd: WordNet has no member link to person',
  },
  {
    text: 'The surfer rides a wave on his surfboard.',
    labels: ['person', 'surfboard'],
    expect: [
      ['surfer', 'person'],
      ['surfboard', 'surfboard'],
    ],
  },
  {
    text: 'A baby sleeps on the bed.',
    labels: ['person', 'bed'],
    expect: [
      ['baby', 'person'],
      ['bed', 'bed'],
    ],
  },
  {
    text: 'The guy is holding a frisbee.',
    labels: ['person', 'frisbee'],
    expect: [
      ['guy', 'person'],
      ['frisbee', 'frisbee'],
    ],
  },
  // Synonyms and kinds (WordNet).
  { text: 'An automobile is parked outside.', labels: ['car'], expect: [['automobile', 'car']], mustPass: true },
  {
    text: 'A cat naps on the sofa.',
    labels: ['cat', 'couch'],
    expect: [
      ['cat', 'cat'],
      ['sofa', 'couch'],
    ],
    mustPass: true,
  },
  { text: 'A puppy chews a shoe.', labels: ['dog'], expect: [['puppy', 'dog']], mustPass: true },
  { text: 'A kitty sits by the window.', labels: ['cat'], expect: [['kitty', 'cat']] },
  {
    text: 'He talks on his phone.',
    labels: ['person', 'cell phone'],
    expect: [['phone', 'cell phone']],
    mustPass: true,
  },
  { text: 'A motorbike is parked by the curb.', labels: ['motorcycle'], expect: [['motorbike', 'motorcycle']] },
  { text: 'The fridge is full of food.', labels: ['refrigerator'], expect: [['fridge', 'refrigerator']] },
  { text: 'The television is on.', labels: ['tv'], expect: [['television', 'tv']] },
  { text: 'A jet flies over the city.', labels: ['airplane'], expect: [['jet', 'airplane']] },
  { text: 'A large bag lies on the floor.', labels: ['handbag'], expect: [['large bag', 'handbag']] },
  { text: 'A hydrant stands on the corner.', labels: ['fire hydrant'], expect: [['hydrant', 'fire hydrant']] },
  { text: 'The pup is playing in the snow.', labels: ['dog'], expect: [['pup', 'dog']] },
  { text: 'A colt follows its mother.', labels: ['horse', 'horse'], expect: [['colt', 'horse']] },
  {
    text: 'The calf drinks milk.',
    labels: ['cow'],
    expect: [['calf', 'cow']],
    note: 'WordNet calf is a young mammal, not a kind of cow',
  },
  {
    text: 'The vehicles wait at the light.',
    labels: ['car', 'truck'],
    expect: [['vehicles', ['car', 'truck']]],
    note: 'generic word for two kinds',
  },
];
