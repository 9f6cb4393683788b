import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/shared/chat';
import { paintScene, RED, streetScene } from '../../scene/test-fixtures';
import { composeBuiltinAnswer, composeLinkedAnswer, streamWords, wordChunks } from './answer-builtin';

const ask = (question: string, scene = streetScene()) =>
  composeBuiltinAnswer(scene, [{ role: 'user', content: question }]);

function conversation(...turns: string[]): ChatMessage[] {
  return turns.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content }));
}

describe('built-in answers per question type', () => {
  it('describes the scene with counts that agree with the entities', () => {
    const answer = ask('Describe the image');
    expect(answer).toContain('two people');
    expect(answer).toContain('red car');
    expect(answer).toContain('white dog');
    expect(answer).toMatch(/at the bottom left/);
  });

  it('counts a label', () => {
    expect(ask('How many people are there?')).toMatch(/two people: one on the right and one in the centre/);
    expect(ask('How many cars?')).toMatch(/a red car, at the bottom left/);
    expect(ask('How many cats?')).toMatch(/don't see any cats/);
    expect(ask('How many objects are there?')).toMatch(/four things: two people, a red car and a white dog/);
  });

  it('says no to an absent COCO class and lists what is there', () => {
    const answer = ask('Is there a giraffe?');
    expect(answer).toMatch(/^No, /);
    expect(answer).toContain('giraffes');
    expect(answer).toContain('two people, a red car and a white dog');
  });

  it('admits it cannot rule out things outside the detector vocabulary', () => {
    expect(ask('Is there a unicorn?')).toMatch(/^I can't tell whether there is an? unicorn: none of my models/);
  });

  it('says yes to a present label, with where it is', () => {
    expect(ask('Are there any dogs?')).toMatch(/^Yes.*white dog at the bottom\.$/);
  });

  it('says where an entity is', () => {
    expect(ask('Where is the car?')).toMatch(/^The red car (is|can be seen) at the bottom left of the image/);
  });

  it('names the colour of a red mask region as red', () => {
    expect(ask('What colour is the car?')).toMatch(/car (looks|is mostly|appears) red/);
    expect(ask('Is the car red?')).toMatch(/^Yes/);
    expect(ask('Is the car blue?')).toMatch(/^No, the car looks red rather than blue/);
  });

  it('finds the biggest, smallest and left-most', () => {
    expect(ask('What is the biggest object?')).toContain('the red car');
    expect(ask('Which is the smallest thing?')).toContain('the white dog');
    expect(ask('What is the right-most object?')).toContain('person in blue');
  });

  it('answers relations from the boxes', () => {
    expect(ask('What is next to the dog?')).toContain('red car');
    const table = paintScene(100, 100, [
      { id: 't', label: 'dining table', rect: [10, 50, 80, 40], rgb: [120, 70, 30] },
      { id: 'c', label: 'cup', rect: [40, 38, 10, 14], rgb: RED },
    ]);
    expect(ask('What is on the table?', table)).toBe('The red cup is on the brown dining table.');
  });

  it('answers about the sound and links it to a visible entity', () => {
    const scene = streetScene({
      sound: { description: 'A dog barking', keywords: ['dog', 'bark'], sourceIds: ['e4'] },
    });
    const answer = composeLinkedAnswer(scene, [{ role: 'user', content: 'What makes the sound?' }]);
    expect(answer.text).toContain('A dog barking.');
    expect(answer.spans.map((s) => [s.text, s.entityIds])).toEqual([['the white dog', ['e4']]]);
    expect(ask('What do you hear?')).toMatch(/No sound was analysed/);
  });

  it('states its limits plainly for questions it cannot answer', () => {
    const answer = composeLinkedAnswer(streetScene(), [{ role: 'user', content: 'What is the person thinking?' }]);
    expect(answer.text).toMatch(/^I can't (tell|read)[^.]*\.$/);
    expect(answer.spans).toEqual([]);
  });

  it('introduces itself as not a language model', () => {
    expect(ask('hello')).toContain('not a language model');
  });

  it('handles an empty scene', () => {
    expect(ask('Describe the image', paintScene(10, 10, []))).toMatch(/threshold/);
  });
});

describe('multi-turn', () => {
  it('resolves "it" to the label asked about before', () => {
    const messages = conversation('Is there a dog?', 'Yes, I see a white dog at the bottom.', 'Where is it?');
    expect(composeBuiltinAnswer(streetScene(), messages)).toMatch(/^The white dog \w+ at the bottom/);
  });

  it('resolves "they" to the first label of the last answer', () => {
    const messages = conversation(
      'Describe the image',
      'I can see two people, a red car and a white dog.',
      'What colour are they?',
    );
    expect(composeBuiltinAnswer(streetScene(), messages)).toMatch(/people's clothes read blue .* and yellow/);
  });

  it('carries the question type to "and the dog?"', () => {
    const messages = conversation('What colour is the car?', 'The car looks red.', 'And the dog?');
    expect(composeBuiltinAnswer(streetScene(), messages)).toMatch(/dog (looks|is mostly|appears) white/);
  });
});

describe('wording and streaming', () => {
  it('is deterministic for the same question and result', () => {
    expect(ask('Describe the image')).toBe(ask('Describe the image'));
  });

  it('varies between differently worded questions', () => {
    const openings = new Set(
      [
        'Describe the image',
        'What do you see?',
        "What's in this picture?",
        'Describe this photo',
        'What can you see?',
      ].map((q) => ask(q).split(' ').slice(0, 2).join(' ')),
    );
    expect(openings.size).toBeGreaterThan(1);
  });

  it('streams word chunks that add up to the answer', async () => {
    const chunks: string[] = [];
    for await (const chunk of streamWords(ask('Describe the image'))) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(ask('Describe the image'));
    expect(wordChunks('a  b c')).toEqual(['a  ', 'b ', 'c']);
  });
});
