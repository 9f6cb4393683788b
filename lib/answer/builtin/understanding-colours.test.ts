/**
 * Colour as the only thing asked by: "is there anything red?", "what is white?", "which things are blue?",
 * "what is the main colour?". These were "I can't tell whether there is any anything red" or the fallback.
 */
import { describe, expect, it } from 'vitest';
import { paintScene, RED, WHITE } from '../../scene/test-fixtures';
import { talk, yard } from './understanding-fixtures';

const GREEN: [number, number, number] = [40, 160, 50];

// A red car and a weakly detected red umbrella, a white bus, green grass below them all.
const street = () =>
  paintScene(300, 200, [
    { id: 'car', label: 'car', rect: [20, 100, 80, 40], rgb: RED },
    { id: 'umbrella', label: 'umbrella', score: 0.35, rect: [200, 20, 30, 20], rgb: RED },
    { id: 'bus', label: 'bus', rect: [120, 60, 150, 80], rgb: WHITE },
    { id: 'grass', label: 'grass', kind: 'stuff', rect: [0, 150, 300, 50], rgb: GREEN },
  ]);

describe('things picked by colour', () => {
  it('answers yes or no with what has that colour, linked, a weak detection hedged', () => {
    const answer = talk(street(), 'Is there anything red?');
    expect(answer.text).toMatch(
      /^Yes: the red car on the left, and possibly a red umbrella \(the detector is unsure: 0\.35/,
    );
    expect(answer.ids).toContainEqual(['car']);
    expect(talk(street(), 'Are there any red things?').text).toMatch(/^Yes: the red car/);
    expect(talk(street(), 'Anything green?').text).toMatch(/^Yes: the green grass \(about 25% of the image\)\.$/);
  });

  it('lists them for an open question, regions too', () => {
    expect(talk(street(), 'What is white?').text).toMatch(/^The white bus /);
    expect(talk(street(), "What's green in the picture?").text).toMatch(/^The green grass/);
    expect(talk(yard(), 'Which things are red?').text).toMatch(
      /^The red horse on the left and the red horse on the right\.$/,
    );
  });

  it('says no with the colours there are, and why a small part may be missed', () => {
    const answer = talk(street(), 'Is there something blue here?');
    expect(answer.text).toMatch(/^No, nothing I see looks mainly blue \(I go by each thing's main colour/);
    expect(answer.text).toContain(
      'The colours I see, the most of the picture first: green (the grass), white (the bus)',
    );
  });

  it('keeps "is there any orange?" the fruit', () => {
    expect(talk(street(), 'Is there any orange?').text).toMatch(/oranges/);
  });

  it('names the colour that covers the most of the picture, and the next', () => {
    expect(talk(street(), 'What is the main colour?').text).toMatch(
      /^Green covers the most: the grass, about 25% of the picture; then white \(the bus\)\.$/,
    );
    expect(talk(yard(), 'What colour is the picture?').text).toMatch(/^White covers the most: /);
  });

  it('leaves a colour asked of a named thing to the colour answers', () => {
    expect(talk(street(), 'Is the car red?').text).toMatch(/^Yes/);
    expect(talk(street(), 'What colour is the bus?').text).toMatch(/white/);
    expect(talk(yard(), 'Is there a person in blue?').text).toMatch(/^I see a person in blue on the left/);
  });
});
