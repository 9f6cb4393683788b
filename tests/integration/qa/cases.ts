/**
 * The question–answer set, written from looking at the sample photos (boxes are fractions of the image,
 * [x, y, w, h]). Facts are what is true in the photo; forbidden claims are the mistakes a careless answer makes
 * there. `needs` marks questions about stuff regions or fine names, which other stages add.
 */
import type { Box } from '@/lib/shared/analysis';
import type { QaCase } from './harness';

// 08 street: a chestnut horse pulling a cart, a shirtless man sitting on the cart, a red car behind on the right.
const HORSE: Box = [0.3, 0.475, 0.485, 0.525];
const RED_CAR: Box = [0.73, 0.465, 0.235, 0.22];
const MAN: Box = [0.18, 0.39, 0.2, 0.315];
const PICKUP: Box = [0.4, 0.43, 0.16, 0.1];
// 01 truck: a white pickup with a canopy in front of a red wall.
const TRUCK: Box = [0.05, 0.23, 0.9, 0.48];
// 02 dog: a white bulldog, a barefoot person holding a steel bowl of food.
const DOG: Box = [0, 0.41, 0.52, 0.59];
const BOWL: Box = [0.61, 0.26, 0.23, 0.24];
const OWNER: Box = [0.72, 0, 0.28, 0.83];
// 06 savanna: giraffes on the left and right, zebras grazing in the middle.
const GIRAFFE_RIGHT: Box = [0.67, 0.26, 0.32, 0.6];
// 07 airport: a white bus on the right, another in the centre, airliners at the back, a ground worker in the middle.
const BUS: Box = [0.72, 0.33, 0.28, 0.64];
// A second white airport bus in the centre, behind (destination sign on its roof).
const CENTRE_BUS: Box = [0.587, 0.462, 0.125, 0.16];
const WORKER: Box = [0.34, 0.52, 0.025, 0.1];
// 10 office: a man in a dark blue suit at a laptop.
const OFFICE_MAN: Box = [0.07, 0.01, 0.49, 0.87];
// 12 kitchen: a man in a red T-shirt on the left, a woman in pink and a white cap on the right, blue-and-white
// bowls, diners at the back on the right.
const COOK: Box = [0.11, 0.11, 0.43, 0.54];
const WOMAN: Box = [0.41, 0.19, 0.5, 0.8];
const DINER: Box = [0.9, 0.42, 0.03, 0.075];

export const QA_CASES: QaCase[] = [
  // 08 street
  {
    image: '08',
    ask: ['What colour is the horse?'],
    facts: [/brown/],
    forbid: [/black/],
    links: [{ text: /horse/, boxes: [HORSE] }],
  },
  { image: '08', ask: ['Where is the red car?'], facts: [/right/], links: [{ text: /red car/, boxes: [RED_CAR] }] },
  {
    image: '08',
    ask: ['Where is the red car?', 'What colour is it?'],
    facts: [/red/],
    links: [{ text: /car/, boxes: [RED_CAR] }],
  },
  { image: '08', ask: ['Is there a horse?'], facts: [/^Yes/], links: [{ text: /horse/, boxes: [HORSE] }] },
  { image: '08', ask: ['Is there a giraffe?'], facts: [/^No/] },
  { image: '08', ask: ['Which is the biggest thing?'], facts: [/horse/], links: [{ text: /horse/, boxes: [HORSE] }] },
  { image: '08', ask: ['What is on the right?'], facts: [/cars?/], forbid: [/horse|person/] },
  // Behind the cart on the left stand a white car and a dark one (cut by the frame): cars there are true.
  { image: '08', ask: ['What is on the left?'], facts: [/person/], forbid: [/horse|red car/] },
  // Trucks are there (the white pickup, a red tow truck behind the man); a bus is not.
  { image: '08', ask: ['Describe the image'], facts: [/horse/, /cars/], forbid: [/bus/] },
  { image: '08', ask: ['Are there more cars than horses?'], facts: [/^Yes/] },
  { image: '08', ask: ['Are there fewer cars than horses?'], facts: [/^No/] },
  { image: '08', ask: ['How many horses are there?'], facts: [/\ba brown horse\b/], forbid: [/two horses/] },
  {
    image: '08',
    ask: ['Where is the white car in the centre?'],
    facts: [/white car/],
    links: [{ text: /white car/, boxes: [PICKUP] }],
  },
  { image: '08', ask: ['What is the man thinking?'], facts: [/^I can't/], noLinks: true },
  { image: '08', ask: ['Is the horse black?'], facts: [/^No/, /brown/] },
  { image: '08', ask: ['What colour is the red car?'], facts: [/red/], links: [{ text: /car/, boxes: [RED_CAR] }] },
  { image: '08', ask: ['Is there a road?'], facts: [/^Yes/], needs: 'stuff' },
  { image: '08', ask: ['Where is the person?'], facts: [/left/], links: [{ text: /person/, boxes: [MAN] }] },
  {
    image: '08',
    ask: ['Which car is the nearest?'],
    facts: [/red car/],
    links: [{ text: /red car/, boxes: [RED_CAR] }],
  },
  // 01 truck
  { image: '01', ask: ['What colour is the truck?'], facts: [/white/], forbid: [/blue/] },
  { image: '01', ask: ['Describe the image'], facts: [/white truck/], forbid: [/car/, /blue/] },
  { image: '01', ask: ['How many cars are there?'], facts: [/don't see any cars/] },
  {
    image: '01',
    ask: ['How many trucks?'],
    facts: [/just a white truck|only a white truck/],
    links: [{ text: /truck/, boxes: [TRUCK] }],
  },
  { image: '01', ask: ['Where is the truck?'], facts: [/centre/], links: [{ text: /truck/, boxes: [TRUCK] }] },
  { image: '01', ask: ['Is there a bus?'], facts: [/^No/] },
  { image: '01', ask: ['Is it a pickup?'], facts: [/^Yes/], needs: 'fineName' },
  { image: '01', ask: ['What is behind the truck?'], facts: [/wall|building/], needs: 'stuff' },
  { image: '01', ask: ['Is the truck red?'], facts: [/^No/, /white/] },
  { image: '01', ask: ['Why is the truck parked here?'], facts: [/^I can't/], noLinks: true },
  // 02 dog, bowl, person
  { image: '02', ask: ['What colour is the dog?'], facts: [/white/], links: [{ text: /dog/, boxes: [DOG] }] },
  { image: '02', ask: ['What is the person holding?'], facts: [/bowl/], links: [{ text: /bowl/, boxes: [BOWL] }] },
  { image: '02', ask: ['Is there a cat?'], facts: [/^No/] },
  { image: '02', ask: ['Where is the dog?'], facts: [/left/], links: [{ text: /dog/, boxes: [DOG] }] },
  { image: '02', ask: ['Where is the bowl?'], facts: [/right|centre/], links: [{ text: /bowl/, boxes: [BOWL] }] },
  {
    image: '02',
    ask: ['How many people?'],
    facts: [/just a person|only a person/],
    links: [{ text: /person/, boxes: [OWNER] }],
  },
  { image: '02', ask: ['Describe the image'], facts: [/dog/, /bowl/, /person/], forbid: [/cat/] },
  { image: '02', ask: ['What colour is the bowl?'], facts: [/silver|grey|white/] },
  { image: '02', ask: ['Which is the biggest thing?'], facts: [/dog/], links: [{ text: /dog/, boxes: [DOG] }] },
  { image: '02', ask: ['What is the dog feeling?'], facts: [/^I can't/], noLinks: true },
  { image: '02', ask: ['Is there a floor?'], facts: [/^Yes/], needs: 'stuff' },
  // 04 horses
  { image: '04', ask: ['Are there any horses?'], facts: [/^Yes/, /horses/] },
  { image: '04', ask: ['Is there a giraffe?'], facts: [/^No/] },
  { image: '04', ask: ['What is on the right?'], facts: [/horse/] },
  { image: '04', ask: ['Is there grass?'], facts: [/^Yes/], needs: 'stuff' },
  { image: '04', ask: ['Is there sky?'], facts: [/^Yes/], needs: 'stuff' },
  { image: '04', ask: ['What are the horses thinking?'], facts: [/^I can't/], noLinks: true },
  { image: '04', ask: ['Which horse is the biggest?'], facts: [/horse/], forbid: [/cow/] },
  // 06 savanna
  { image: '06', ask: ['How many zebras are there?'], facts: [/three zebras|two zebras|zebras/] },
  { image: '06', ask: ['How many giraffes are there?'], facts: [/three giraffes/] },
  {
    image: '06',
    ask: ['Where is the giraffe on the right?'],
    facts: [/right/],
    links: [{ text: /giraffe/, boxes: [GIRAFFE_RIGHT] }],
  },
  { image: '06', ask: ['Is there an elephant?'], facts: [/^No/] },
  { image: '06', ask: ['Are there more zebras than giraffes?'], facts: [/^Yes/] },
  { image: '06', ask: ['What colour is the giraffe on the right?'], facts: [/brown|orange|yellow|beige/] },
  { image: '06', ask: ['Which is the biggest animal?', 'Where is it?'], facts: [/giraffe/] },
  { image: '06', ask: ['Describe the image'], facts: [/giraffes/, /zebras/], forbid: [/horse|cow/] },
  { image: '06', ask: ['Is there grass?'], facts: [/^Yes/], needs: 'stuff' },
  { image: '06', ask: ['What is on the left?'], facts: [/giraffe|zebra/] },
  // 07 airport
  { image: '07', ask: ['Is there a bus?'], facts: [/^Yes/], links: [{ text: /bus/, boxes: [BUS, CENTRE_BUS] }] },
  { image: '07', ask: ['How many airplanes?'], facts: [/two airplanes/] },
  {
    image: '07',
    ask: ['What colour is the bus?'],
    facts: [/white|beige|silver/],
    links: [{ text: /bus/, boxes: [BUS, CENTRE_BUS] }],
  },
  { image: '07', ask: ['Where is the person?'], facts: [/left|centre/], links: [{ text: /person/, boxes: [WORKER] }] },
  { image: '07', ask: ['Which is the biggest thing?'], facts: [/bus/], links: [{ text: /bus/, boxes: [BUS] }] },
  { image: '07', ask: ['What is on the right?'], facts: [/bus/] },
  { image: '07', ask: ['Is there a boat?'], facts: [/^No/] },
  { image: '07', ask: ['Describe the image'], facts: [/bus/, /airplanes/] },
  { image: '07', ask: ['Are there more airplanes than people?'], facts: [/^Yes/] },
  { image: '07', ask: ['Is there sky?'], facts: [/^Yes/], needs: 'stuff' },
  // 09 living room
  { image: '09', ask: ['Is there a tv?'], facts: [/^Yes/] },
  { image: '09', ask: ['Where is the tv?'], facts: [/left/] },
  { image: '09', ask: ['How many couches?'], facts: [/two couches/] },
  { image: '09', ask: ['Is there a dog?'], facts: [/^No/] },
  { image: '09', ask: ['What colour is the tv?'], facts: [/black/] },
  { image: '09', ask: ['Is there a potted plant?'], facts: [/^Yes/] },
  { image: '09', ask: ['Is there a floor?'], facts: [/^Yes/], needs: 'stuff' },
  // 10 office
  {
    image: '10',
    ask: ['How many people are there?'],
    facts: [/just a person|only a person/],
    links: [{ text: /person/, boxes: [OFFICE_MAN] }],
  },
  { image: '10', ask: ['What colour is the person?'], facts: [/blue|black|grey/], forbid: [/red/] },
  {
    image: '10',
    ask: ['Where is the person?'],
    facts: [/left|centre/],
    links: [{ text: /person/, boxes: [OFFICE_MAN] }],
  },
  { image: '10', ask: ['Is there a dog?'], facts: [/^No/] },
  { image: '10', ask: ['How old is the man?'], facts: [/^I can't/], noLinks: true },
  { image: '10', ask: ['Who is that man?'], facts: [/^I can't/], noLinks: true },
  // 11 cricket
  { image: '11', ask: ['How many people are there?'], facts: [/seven people/] },
  { image: '11', ask: ['Is there a horse?'], facts: [/^No/] },
  { image: '11', ask: ['What colour are the people?'], facts: [/white/] },
  { image: '11', ask: ['Is there grass?'], facts: [/^Yes/], needs: 'stuff' },
  { image: '11', ask: ['Who is going to win?'], facts: [/^I can't/], noLinks: true },
  { image: '11', ask: ['Which person is the biggest?'], facts: [/person/] },
  // 12 kitchen
  // The table holds more than eight separate bowls (three in the front row alone), plus stacks behind.
  { image: '12', ask: ['How many bowls?'], facts: [/\b[a-z]+ bowls\b/], forbid: [/\b(a|one|two|three) bowls?\b/] },
  // Besides the two at the counter, diners sit at the back on the right (DINER is the clearest of them).
  {
    image: '12',
    ask: ['How many people?'],
    facts: [/people/],
    forbid: [/\b(two|one) people\b/],
    links: [{ text: /people/, boxes: [COOK, WOMAN, DINER] }],
  },
  {
    image: '12',
    ask: ['Where is the person in red?'],
    facts: [/person in red/],
    links: [{ text: /person in red/, boxes: [COOK] }],
  },
  { image: '12', ask: ['How many people?', 'Where are they?'], facts: [/left/, /right|centre/] },
  {
    image: '12',
    ask: ['Where is the person in red?', 'And the other one?'],
    facts: [/person/],
    links: [{ text: /person/, boxes: [WOMAN] }],
  },
  {
    image: '12',
    ask: ['What colour is the person on the left?'],
    facts: [/red/],
    links: [{ text: /person/, boxes: [COOK] }],
  },
  { image: '12', ask: ['Is there a bowl?'], facts: [/^Yes/] },
  { image: '12', ask: ['Is there a cat?'], facts: [/^No/] },
  { image: '12', ask: ['What is the woman feeling?'], facts: [/^I can't/], noLinks: true },
  { image: '12', ask: ['Describe the image'], facts: [/people/, /bowls/] },
  // Photos with a sound clip: a speech recording with the office photo, a barking dog with the dog photo.
  {
    image: '10',
    audio: 'speech_jfk.wav',
    ask: ['What is making that sound?'],
    facts: [/speech/i],
    links: [{ text: /person/, boxes: [OFFICE_MAN] }],
  },
  { image: '10', audio: 'speech_jfk.wav', ask: ['What do you hear?'], facts: [/speech/i], forbid: [/music|bark/i] },
  { image: '10', audio: 'speech_jfk.wav', ask: ['Is there music?'], facts: [/^No/], needs: 'soundEvents' },
  {
    image: '02',
    audio: 'dog_bark.wav',
    ask: ['When does the dog bark?'],
    facts: [/bark from \d/i],
    needs: 'soundEvents',
  },
  {
    image: '02',
    audio: 'dog_bark.wav',
    ask: ['What is making that sound?'],
    facts: [/dog/],
    links: [{ text: /dog/, boxes: [DOG] }],
    needs: 'soundEvents',
  },
  { image: '02', audio: 'dog_bark.wav', ask: ['Is there music?'], facts: [/^No/], needs: 'soundEvents' },
];
