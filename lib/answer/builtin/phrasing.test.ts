import { describe, expect, it } from 'vitest';
import { afterHedge } from './phrasing';

describe('afterHedge', () => {
  it('starts a new sentence after a hedge that ends one, and runs on after a colon', () => {
    expect(afterHedge('It may be a cat (0.29, after dog 0.34). ', 'the white dog is on the right.')).toBe(
      'It may be a cat (0.29, after dog 0.34). The white dog is on the right.',
    );
    expect(
      afterHedge('I see no cat as such, but the crop classifier may have named it tabby: ', 'The dog looks grey.'),
    ).toBe('I see no cat as such, but the crop classifier may have named it tabby: the dog looks grey.');
    expect(afterHedge(undefined, 'the dog is here.')).toBe('The dog is here.');
  });
});
