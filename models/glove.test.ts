import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGlove, encodeGlove, GLOVE_FILE_NAME, similarity } from '../lib/lexicon/glove';
import { chooseVocabulary, scanVectors, trimGlove } from './glove';

/** A miniature of the package's JSON: rows are [dims floats, l2norm, index]. */
function fakeEmbeddings(): string {
  const rows: Record<string, number[]> = {
    the: [1, 0, 0],
    ',': [0, 1, 0],
    '"': [0, 0, 1],
    dog: [0.5, 0.5, 0],
    toothbrush: [0, -1, 2],
  };
  const withExtras = Object.fromEntries(Object.entries(rows).map(([w, v], i) => [w, [...v, 1, i]]));
  return JSON.stringify({ precision: 8, dimensions: 3, words: Object.keys(rows), vectors: withExtras });
}

describe('GloVe trim', () => {
  it('keeps frequent alphabetic words plus required ones', () => {
    expect(chooseVocabulary(['the', ',', 'of', '3d', 'dog'], 2, ['toothbrush', 'the'])).toEqual([
      'the',
      'of',
      'toothbrush',
    ]);
  });

  it('scans the vectors object, escaped keys included', () => {
    const rows = scanVectors(Buffer.from(fakeEmbeddings()), new Set(['dog', '"', 'toothbrush']), 3);
    expect(rows.get('dog')).toEqual([0.5, 0.5, 0]);
    expect(rows.get('"')).toEqual([0, 0, 1]);
    expect(rows.get('toothbrush')).toEqual([0, -1, 2]);
  });

  it('round-trips through int8 with cosine preserved', () => {
    const table = decodeGlove(
      encodeGlove(
        ['a', 'b'],
        [
          [0.3, -0.7, 2.1],
          [1, 1, 0],
        ],
        3,
      ),
    );
    expect(table.words).toEqual(['a', 'b']);
    expect(similarity(table.vector('a')!, [0.3, -0.7, 2.1])).toBeGreaterThan(0.9999);
    expect(table.vector('missing')).toBeUndefined();
  });

  it('writes the file once and skips it when the header is right', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glove-'));
    const source = path.join(dir, 'emb.json');
    fs.writeFileSync(source, fakeEmbeddings().replace('"dimensions":3', '"dimensions":100'));
    // Pad rows to 100 dims so the trim's fixed dimensionality applies.
    const json = JSON.parse(fs.readFileSync(source, 'utf8'));
    for (const w of Object.keys(json.vectors))
      json.vectors[w] = [...json.vectors[w].slice(0, 3), ...new Array(97).fill(0), 1, 0];
    fs.writeFileSync(source, JSON.stringify(json));
    expect(await trimGlove(dir, source)).toMatch(/^trimmed \d+ words/);
    const table = decodeGlove(fs.readFileSync(path.join(dir, GLOVE_FILE_NAME)));
    expect(table.words).toContain('dog');
    expect(table.words).not.toContain(',');
    expect(await trimGlove(dir, source)).toBe('already present');
  });
});
