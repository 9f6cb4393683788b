import { describe, expect, it } from 'vitest';
import { LatestOnly } from './latest-only';

/** A job that finishes when the test says so, recording that it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { job: async () => (started.push(name), await done, name), open };
}

describe('LatestOnly', () => {
  it('runs one job per key, keeps only the newest waiting one, and answers the replaced ones "superseded"', async () => {
    const coalescer = new LatestOnly<string>();
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(started, n));
    const outcomes = [a, b, c, d].map((g) => coalescer.run('result-1', g.job));
    expect(await outcomes[1]).toEqual({ kind: 'superseded' });
    expect(await outcomes[2]).toEqual({ kind: 'superseded' });
    expect(started).toEqual(['a']); // b and c never ran
    a.open();
    expect(await outcomes[0]).toEqual({ kind: 'done', value: 'a' });
    d.open();
    expect(await outcomes[3]).toEqual({ kind: 'done', value: 'd' });
    expect(started).toEqual(['a', 'd']);
  });

  it('does not make one key wait for another, and passes errors on', async () => {
    const coalescer = new LatestOnly<string>();
    const started: string[] = [];
    const slow = gate(started, 'slow');
    const pending = coalescer.run('x', slow.job);
    expect(await coalescer.run('y', async () => 'y')).toEqual({ kind: 'done', value: 'y' });
    await expect(coalescer.run('z', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    slow.open();
    expect(await pending).toEqual({ kind: 'done', value: 'slow' });
  });
});
