import { describe, expect, it } from 'vitest';
import { paintScene, BLUE, RED, WHITE } from '../../scene/test-fixtures';
import { talk } from './understanding-fixtures';

const DUSK: [number, number, number] = [240, 130, 40];

/** A bus under a sky of the given colour. */
const street = (skyRgb: [number, number, number]) =>
  paintScene(300, 200, [
    { id: 'sky', label: 'sky', rect: [0, 0, 300, 80], rgb: skyRgb, kind: 'stuff' },
    { id: 'road', label: 'road', rect: [0, 150, 300, 50], rgb: [90, 90, 90], kind: 'stuff' },
    { id: 'bus', label: 'bus', rect: [60, 60, 160, 100], rgb: RED },
  ]);

describe('weather and time of day, from the colour of the sky', () => {
  it('a blue sky is a clear day, a white one overcast, an orange one dawn or dusk', () => {
    expect(talk(street(BLUE), 'Is it sunny?').text).toMatch(/^Probably yes, it looks clear: the sky reads blue/);
    expect(talk(street(WHITE), "What's the weather like?").text).toMatch(
      /^It looks overcast or hazy: the sky reads white/,
    );
    expect(talk(street(WHITE), 'Is it sunny?').text).toMatch(/^Probably not: /);
    expect(talk(street(BLUE), 'Is it day or night?').text).toMatch(/^Probably daytime: /);
    expect(talk(street(DUSK), 'Is it daytime?').text).toMatch(/^Probably dawn or dusk: /);
    expect(talk(street(BLUE), 'Is it raining?').text).toMatch(/^I can't see rain, snow or fog as such/);
  });

  it('links the sky it read, and says it cannot tell with no sky in view', () => {
    expect(talk(street(BLUE), 'Is it sunny?').ids[0]).toEqual(['sky']);
    const indoors = paintScene(300, 200, [{ id: 'bus', label: 'bus', rect: [60, 60, 160, 100], rgb: RED }]);
    expect(talk(indoors, 'Is it sunny?').text).toMatch(/^I can't tell: the scene segmenter found no sky in view/);
  });
});
