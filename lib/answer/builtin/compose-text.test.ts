import { describe, expect, it } from 'vitest';
import { streetScene } from '../../scene/test-fixtures';
import { composeBuiltinAnswer } from './answer-builtin';
import { classifyQuestion } from './classify-question';
import type { AnswerSceneInput } from '../types';

const ask = (question: string, scene: AnswerSceneInput = streetScene()) =>
  composeBuiltinAnswer(scene, [{ role: 'user', content: question }]);

describe('text questions', () => {
  it.each(['What does the sign say?', 'What is written on the wall?', 'Can you read the text?', 'Is there any text?'])(
    '"%s" asks about text',
    (q) => {
      expect(classifyQuestion(q).type).toBe('text');
    },
  );

  it('quotes what OCR read, in order, with where it is and how sure', () => {
    const scene = {
      ...streetScene(),
      texts: [
        { text: 'ACABAMENTO', box: [0, 0, 30, 8] as [number, number, number, number], confidence: 0.95 },
        { text: 'lluminacao', box: [70, 90, 25, 6] as [number, number, number, number], confidence: 0.6 },
      ],
    };
    const answer = ask('What does the sign say?', scene);
    expect(answer).toMatch(/"ACABAMENTO" at the top left/);
    expect(answer).toMatch(/"lluminacao" at the bottom right \(uncertain\)/);
    expect(answer.indexOf('ACABAMENTO')).toBeLessThan(answer.indexOf('lluminacao'));
  });

  it('reads the asked thing, and never passes text elsewhere off as its own', () => {
    const scene = {
      ...streetScene(),
      texts: [{ text: 'TAXI', box: [10, 55, 20, 8] as [number, number, number, number], confidence: 0.95 }],
    };
    expect(ask('What does the car say?', scene)).toMatch(/^The red car reads "TAXI"/);
    expect(ask('What does the dog say?', scene)).toMatch(
      /^I found no legible text on the white dog\. Elsewhere, the text reader found "TAXI" /,
    );
  });

  it('says so when nothing legible was found, and when OCR has not run', () => {
    expect(ask('What does the sign say?', { ...streetScene(), texts: [] })).toMatch(/no legible text/);
    expect(ask('What does the sign say?')).toMatch(/not read the text/);
  });
});
