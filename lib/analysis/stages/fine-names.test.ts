import { describe, expect, it } from 'vitest';
import { imagenetClasses } from '../../models/mobilenet';
import { fineNameFor, isKindOf, sceneTags } from './fine-names';

const byName = (name: string) => imagenetClasses().find((c) => c.names[0] === name)!;

/** Probabilities with the given classes set, the rest spread evenly and below any floor. */
function probabilities(set: Record<string, number>): Float32Array {
  const p = new Float32Array(1000).fill(1e-5);
  for (const [name, value] of Object.entries(set)) p[byName(name).index] = value;
  return p;
}

describe('fine names through WordNet', () => {
  it('accepts ImageNet classes under the detector class and refuses others', () => {
    expect(isKindOf(byName('tabby'), 'cat')).toBe(true);
    expect(isKindOf(byName('pickup'), 'truck')).toBe(true);
    expect(isKindOf(byName('golden retriever'), 'dog')).toBe(true);
    expect(isKindOf(byName('ballplayer'), 'person')).toBe(true);
    expect(isKindOf(byName('limousine'), 'truck')).toBe(false);
    expect(isKindOf(byName('hartebeest'), 'horse')).toBe(false);
    // "tiger" is also "a fierce person" in WordNet, but the class is Panthera tigris.
    expect(isKindOf(byName('tiger'), 'person')).toBe(false);
  });

  it('names a thing by the most probable class under its label, with the classifier as source', () => {
    const p = probabilities({ limousine: 0.5, pickup: 0.3 });
    expect(fineNameFor(p, 'truck')).toEqual({
      label: 'pickup',
      score: expect.closeTo(0.3, 5),
      source: 'imagenet-mobilenetv2',
    });
    expect(fineNameFor(probabilities({ hartebeest: 0.8 }), 'horse')).toBeUndefined();
  });

  it('turns the whole image’s probable classes into scene tags', () => {
    expect(sceneTags(probabilities({ 'horse cart': 0.9, sorrel: 0.05 })).map((t) => [t.label, t.source])).toEqual([
      ['horse cart', 'imagenet-mobilenetv2'],
    ]);
  });
});
