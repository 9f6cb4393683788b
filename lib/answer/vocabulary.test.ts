import { describe, expect, it } from 'vitest';
import { COCO_LABELS, findLabelMentions, pluralize, singularize } from './vocabulary';

describe('findLabelMentions', () => {
  it('finds labels, plurals and synonyms, longest phrase first', () => {
    const mentions = findLabelMentions('How many people and wine glasses are near the cars?', COCO_LABELS);
    expect(mentions.map((m) => [m.label, m.plural])).toEqual([
      ['person', true],
      ['wine glass', true],
      ['car', true],
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = 'Is there a Dog?';
    const [mention] = findLabelMentions(text, ['dog']);
    expect(text.slice(mention.start, mention.end)).toBe('Dog');
    expect(mention.plural).toBe(false);
  });

  it('only maps synonyms onto labels in the vocabulary', () => {
    expect(findLabelMentions('the table', ['cup'])).toEqual([]);
    expect(findLabelMentions('the table', ['dining table'])[0].label).toBe('dining table');
  });
});

describe('singular and plural', () => {
  it.each([
    ['dogs', 'dog'],
    ['buses', 'bus'],
    ['benches', 'bench'],
    ['knives', 'knife'],
    ['ponies', 'pony'],
    ['sheep', 'sheep'],
    ['glass', 'glass'],
    ['bus', 'bus'],
  ])('singularize(%s) = %s', (plural, singular) => expect(singularize(plural)).toBe(singular));

  it.each([
    ['person', 'people'],
    ['bus', 'buses'],
    ['wine glass', 'wine glasses'],
    ['teddy bear', 'teddy bears'],
    ['knife', 'knives'],
    ['sheep', 'sheep'],
    ['skis', 'skis'],
    ['furniture', 'furniture'],
    ['shelf', 'shelves'],
    ['garden furniture', 'garden furniture'],
    ['chest of drawers', 'chests of drawers'],
  ])('pluralize(%s) = %s', (singular, plural) => expect(pluralize(singular)).toBe(plural));
});
