/**
 * ../shared/qa/dev.json — 195 questions written by someone who never saw Strix's answers — on the real
 * pipeline, judged by the shared scorer's rules (qa/dev-scorer.ts). Prints the table by family and the wrong
 * answers, and holds the overall score to a floor set a little under what the answerer reaches today, so a
 * regression fails while honest run-to-run noise (a detection flipping near the threshold) does not.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTable, loadDevItems, QA_DIR, runItem, tableOf, type DevResult } from '../../bench/qa/dev-runner';
import { judgeLink, judgeText, matches, type DevItem } from '../../bench/qa/dev-scorer';

/** Floor on the share of dev.json answered right (see the README's QA section for the measured figure). */
const FLOOR = 0.55;

describe('the dev.json scorer', () => {
  const item = (over: Partial<DevItem>): DevItem => ({
    id: 'x',
    image: '',
    question: '',
    expect_any: [],
    why: '',
    family: 'f',
    ...over,
  });
  it('matches whole words with an optional plural on the last word', () => {
    expect(matches('I see two bags.', 'two bag')).toBe(true);
    expect(matches('a category', 'cat')).toBe(false);
    expect(matches('Some boxes', 'box')).toBe(true);
    expect(matches('No, there is none.', 're:^\\W*no\\b')).toBe(true);
    expect(matches('I do not know. No.', 're:^\\W*no\\b')).toBe(false);
    expect(matches('he is not a cap', "re:(?<!not )(?<!n't )\\b(a|an) (cap|hat)\\b")).toBe(false);
  });
  it('straightens curly quotes, needs expect_min entries and rejects forbidden phrases', () => {
    expect(judgeText('It’s black.', item({ expect_any: ["it's black"] })).ok).toBe(true);
    expect(
      judgeText('red and blue', item({ expect_any: [['red', 'crimson'], 'blue', 'green'], expect_min: 2 })).ok,
    ).toBe(true);
    expect(judgeText('red only', item({ expect_any: [['red'], 'blue'], expect_min: 2 })).ok).toBe(false);
    expect(judgeText('a black dog', item({ expect_any: ['dog'], forbid: ['black dog'] })).ok).toBe(false);
  });
  it('judges the first linked occurrence of the word by IoU', () => {
    const boxes: Record<string, [number, number, number, number]> = { a: [0, 0, 10, 10], b: [50, 50, 10, 10] };
    const link = { word: ['dog'], gt_box: [0, 0, 10, 10] as [number, number, number, number] };
    const spans = (ids: string[]) => [{ start: 4, end: 7, entityIds: ids, method: 'generated', text: 'dog' }];
    expect(judgeLink('The dog sits.', spans(['a']), (id) => boxes[id], link).ok).toBe(true);
    expect(judgeLink('The dog sits.', spans(['a', 'b']), (id) => boxes[id], link).ok).toBe(false);
    expect(judgeLink('The dog sits.', [], (id) => boxes[id], link).ok).toBe(false);
  });
});

describe.skipIf(!fs.existsSync(QA_DIR))('dev.json on the real pipeline', () => {
  it(`answers at least ${FLOOR * 100} % right`, async () => {
    const results: DevResult[] = [];
    for (const item of loadDevItems()) results.push(await runItem(item));
    for (const r of results.filter((r) => !r.right))
      console.log(
        `✗ ${r.item.id} [${r.item.family}] ${r.item.question}\n    ${r.answer}\n    ${r.problems.join('; ')}`,
      );
    console.log(formatTable(results));
    const { all } = tableOf(results);
    expect(all.total).toBe(195);
    expect(all.right / all.total).toBeGreaterThanOrEqual(FLOOR);
  }, 1_800_000);
});
