import { describe, expect, it } from 'vitest';
import { adeNames, resolveNoun } from './model-lexicon';

const labels = (noun: string, role?: string) =>
  (resolveNoun(noun)?.classes ?? []).filter((c) => !role || c.role === role).map((c) => c.label);

describe('one lexicon over every model', () => {
  it('meets ADE20K synonyms', () => {
    expect(labels('window')).toContain('windowpane');
    expect(labels('carpet')).toContain('rug');
    expect(labels('armchair', 'segmenter')).toContain('armchair');
  });
  it('meets WordNet synonyms and kinds across models', () => {
    expect(labels('automobile', 'detector')).toEqual(['car']);
    expect(labels('vehicle')).toEqual(expect.arrayContaining(['car', 'truck', 'bus']));
    expect(labels('furniture', 'detector')).toEqual(expect.arrayContaining(['chair', 'couch', 'dining table']));
    expect(labels('animal', 'detector')).toEqual(expect.arrayContaining(['cat', 'dog', 'horse', 'giraffe']));
    expect(labels('animal', 'detector')).not.toContain('mouse');
    expect(labels('vegetable', 'detector')).toEqual(expect.arrayContaining(['broccoli', 'carrot']));
    expect(labels('tripod', 'classifier')).toContain('tripod');
  });
  it('does not follow WordNet from wheeled vehicles to containers', () => {
    expect(labels('container', 'detector')).toEqual(expect.arrayContaining(['bowl', 'cup', 'bottle']));
    expect(labels('container', 'detector')).not.toContain('car');
    expect(labels('container', 'detector')).not.toContain('bicycle');
    expect(labels('vehicle', 'detector')).toContain('bicycle');
  });
  it("takes an ADE20K class in the sense its own names share, not its label's first sense", () => {
    // ADE's "tank; storage tank" and "barrel; cask": a water tank is one, a gun barrel or a panzer is not.
    expect(labels('water tank', 'segmenter')).toContain('tank');
    expect(labels('panzer', 'segmenter')).not.toContain('tank');
    expect(labels('gun barrel', 'segmenter')).not.toContain('barrel');
  });
  it('takes the class a noun names outright over one that lists it in a rare sense', () => {
    // ADE20K's toilet lists "pot" among its names; the pot a user means is ADE20K's own pot (a flowerpot).
    expect(labels('pot', 'segmenter')).toContain('pot');
    expect(labels('pot', 'segmenter')).not.toContain('toilet');
    expect(labels('table')).toEqual(expect.arrayContaining(['table', 'dining table']));
    expect(labels('glass')).toContain('wine glass');
  });
  it("takes a segmenter class's seen sense, not an idea or a place, and its kinds from that sense", () => {
    // WordNet's first "seat" is a seat of government, its first "table" a tabular array, its first "path" a way of
    // life: the segmenter outlines the furniture and the footway.
    expect(labels('seat')).toEqual(expect.arrayContaining(['seat', 'chair', 'couch', 'bench']));
    expect(labels('path')).toContain('sidewalk');
    expect(labels('table')).toEqual(expect.arrayContaining(['table', 'dining table', 'coffee table']));
  });
  it('never makes an object a person, and knows nothing of unicorns', () => {
    expect(labels('person', 'detector')).toEqual(['person']);
    expect(labels('person', 'segmenter')).toEqual(['person']);
    expect(resolveNoun('unicorn')).toBeNull();
  });
});

describe('ADE20K names split into words', () => {
  it('joins the words of a two-word name again, so "street" and "dish" do not mean the class', () => {
    expect(adeNames(['streetlight', 'street', 'lamp'])).toEqual(['streetlight', 'street lamp']);
    expect(adeNames(['dishwasher', 'dish', 'washer', 'dishwashing', 'machine'])).toEqual([
      'dishwasher',
      'dish washer',
      'dishwashing machine',
    ]);
    expect(adeNames(['windowpane', 'window'])).toEqual(['windowpane', 'window']);
    expect(adeNames(['chest', 'of', 'drawers', 'chest', 'bureau', 'dresser'], 'chest of drawers')).toEqual([
      'chest of drawers',
      'chest',
      'bureau',
      'dresser',
    ]);
    expect(adeNames(['coffee', 'table', 'cocktail', 'table'], 'coffee table')).toEqual([
      'coffee table',
      'cocktail table',
    ]);
    expect(resolveNoun('drawers')?.classes.map((c) => c.label) ?? []).not.toContain('chest of drawers');
    expect(resolveNoun('dresser')?.classes.map((c) => c.label)).toContain('chest of drawers');
    expect(resolveNoun('street')?.classes.map((c) => c.label)).not.toContain('streetlight');
    expect(resolveNoun('dish')?.classes.map((c) => c.label) ?? []).not.toContain('dishwasher');
  });
});

describe('words written apart', () => {
  it('close up only nouns: "tooth brush" is a toothbrush, "to me" is not a tome', () => {
    expect(resolveNoun('tooth brush')?.classes.map((c) => c.label)).toContain('toothbrush');
    expect(resolveNoun('to me')).toBeNull();
  });
});
