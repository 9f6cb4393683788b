import { describe, expect, it } from 'vitest';
import { classifyQuestion } from './classify-question';

describe('classifyQuestion', () => {
  it.each([
    ['Hello!', 'greeting'],
    ['What can you do?', 'help'],
    ['Describe the image.', 'describe'],
    ['What do you see?', 'describe'],
    ["What's in this picture?", 'describe'],
    ['How many dogs do you see?', 'count'],
    ['Is there a giraffe?', 'exists'],
    ['Do you see any people?', 'exists'],
    ['Where is the car?', 'where'],
    ['What colour is the car?', 'colour'],
    ['what color are the cups', 'colour'],
    ['Is the car red?', 'colour'],
    ['Which object is the biggest?', 'superlative'],
    ['What is the left-most thing?', 'superlative'],
    ['Which person is on the right?', 'superlative'],
    ['What is on the table?', 'relation'],
    ['What is next to the dog?', 'relation'],
    ['What makes the sound?', 'sound'],
    ['What do you hear?', 'sound'],
    ['Why is the sky blue today?', 'cannot'],
    ['What is the person thinking?', 'cannot'],
    ['Who is that man?', 'cannot'],
    ['Where is the dog looking?', 'cannot'],
    ['Who is older, the woman or the girl?', 'cannot'],
    ['What breed is the dog?', 'kind'],
    ['What kind of sport is this?', 'activity'],
    ['What kind of room is this?', 'place'],
    ['What is this place?', 'place'],
    ['Where are we?', 'place'],
    ['Where is the dog?', 'where'],
    ['What is on the left?', 'region'],
    ['What is in the front?', 'region'],
    ['Are there more cars than people?', 'compare'],
    ['Is the horse bigger than the car?', 'verify-comparison'],
    ['Is it a busy street?', 'place'],
    ['What is the person holding?', 'relation'],
    ['Which car is nearest?', 'superlative'],
    ['Tell me a joke', 'unknown'],
  ])('%s → %s', (question, type) => {
    expect(classifyQuestion(question).type).toBe(type);
  });

  it('extracts labels with plurals and synonyms', () => {
    expect(classifyQuestion('How many people and bikes?').labels.map((m) => m.label)).toEqual(['person', 'bicycle']);
  });

  it('reads the asked colour, and does not take "orange" the colour for the fruit', () => {
    const question = classifyQuestion('Is the car orange?');
    expect(question.askedColour).toBe('orange');
    expect(question.labels.map((m) => m.label)).toEqual(['car']);
  });

  it('keeps the thing asked about when it is no known label', () => {
    expect(classifyQuestion('Is there a unicorn in the picture?').unknownThing).toBe('unicorn');
    expect(classifyQuestion('How many dragons are there?').unknownThing).toBe('dragon');
  });

  it('notices pronouns', () => {
    expect(classifyQuestion('where is it?').usesPronoun).toBe(true);
    expect(classifyQuestion('where is the dog?').usesPronoun).toBe(false);
  });

  it('knows superlative kinds', () => {
    expect(classifyQuestion('what is the smallest object').superlative).toBe('smallest');
    expect(classifyQuestion('which dog is on the left?').superlative).toBe('left-most');
  });
});
