import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from './args';
import { csvCell, failedRow, toCsv } from './csv';
import { outputNames } from './files';
import { formatSeconds } from './progress';

describe('CLI helpers', () => {
  it('quotes CSV cells with commas, quotes or line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('one, two')).toBe('"one, two"');
    expect(csvCell('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(toCsv([failedRow('a,b.jpg', 'bad')]).split('\n')[1]).toBe('"a,b.jpg",failed,,,,,,,,,bad');
  });

  it('gives inputs that share a name distinct output names', () => {
    expect(outputNames(['/a/cat.jpg', '/b/cat.png', '/c/dog.jpg', '/d/cat.webp'])).toEqual([
      'cat',
      'cat-2',
      'dog',
      'cat-3',
    ]);
  });

  it('formats the ETA in seconds, then minutes', () => {
    expect(formatSeconds(42.4)).toBe('42s');
    expect(formatSeconds(125)).toBe('2m05s');
  });
});

describe('parseAnalyzeArgs', () => {
  const cwd = path.resolve(process.cwd(), '..', 'shared', 'samples');
  it.each([
    [['analyze', 'images'], /--out/],
    [['analyse', 'images', '--out', 'x'], /Unknown command/],
    [['analyze', 'images', '--out', 'x', '--threshold', '7'], /--threshold/],
    [['analyze', 'images', '--out', 'x', '--audio', 'nothing.wav'], /--audio/],
    [['analyze', 'images', '--out', 'x', '--question', ' '], /--question/],
    [['analyze', 'images', '--out', 'x', '--colour'], /Unknown option/],
  ])('refuses %j', (args, message) => {
    expect(() => parseAnalyzeArgs(args, cwd)).toThrow(message);
  });

  it('resolves paths from where the command was typed', () => {
    expect(parseAnalyzeArgs(['analyze', 'images', '--out', 'x', '--png'], cwd)).toEqual({
      inputs: [path.join(cwd, 'images')],
      out: path.join(cwd, 'x'),
      audio: undefined,
      question: undefined,
      png: true,
      threshold: 0.3,
      everything: false,
    });
  });

  it('takes everything mode and the words to find', () => {
    const options = parseAnalyzeArgs(
      ['analyze', 'images', '--out', 'x', '--everything', '--find', 'Lamp, window;lamp'],
      cwd,
    );
    expect(options).toMatchObject({ everything: true, find: ['lamp', 'window'] });
    expect(() => parseAnalyzeArgs(['analyze', 'images', '--out', 'x', '--find', ' , '], cwd)).toThrow(
      '--find is empty',
    );
  });
});
