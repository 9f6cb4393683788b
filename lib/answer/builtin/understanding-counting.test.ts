/**
 * Counting asked as a choice or by kind: "are there more zebras or giraffes?" names the kind (it was "Yes: …"),
 * "how many kinds of animals are there?" counts the kinds (it was the animals).
 */
import { describe, expect, it } from 'vitest';
import { paintScene, WHITE, YELLOW } from '../../scene/test-fixtures';
import { talk, savanna } from './understanding-fixtures';

describe('counts compared as a choice', () => {
  it('names which kind there are more or fewer of', () => {
    expect(talk(savanna(), 'Are there more zebras or giraffes?').text).toMatch(
      /^More giraffes: I count a white zebra and two giraffes\.$/,
    );
    expect(talk(savanna(), 'Which are there fewer of, giraffes or zebras?').text).toMatch(/^Fewer zebras: I count /);
    expect(talk(savanna(), 'Are there more giraffes than zebras?').text).toMatch(/^Yes/);
  });

  it('says neither on a tie', () => {
    const pair = paintScene(300, 200, [
      { id: 'g', label: 'giraffe', rect: [180, 20, 80, 150], rgb: YELLOW },
      { id: 'z', label: 'zebra', rect: [20, 140, 35, 32], rgb: WHITE },
    ]);
    expect(talk(pair, 'Are there more zebras or giraffes?').text).toMatch(
      /^Neither: there are as many zebras as giraffes: /,
    );
  });
});

describe('kinds counted', () => {
  it('counts the kinds, each with its own count', () => {
    expect(talk(savanna(), 'How many different kinds of animals are there?').text).toMatch(
      /^Two kinds: a white zebra and two giraffes\.$/,
    );
    expect(talk(savanna(), 'How many animals are there?').text).toMatch(/^I count three animals/);
  });
});

describe('a superlative over a broad word', () => {
  it("names only the kinds in the contest, not a crop classifier's finer name the word also covers", () => {
    const apron = paintScene(300, 200, [
      {
        id: 'plane',
        label: 'airplane',
        rect: [20, 60, 120, 30],
        rgb: WHITE,
        fineName: { label: 'airliner', score: 0.6, source: 'imagenet-mobilenetv2' },
      },
      { id: 'bus', label: 'bus', rect: [180, 50, 100, 90], rgb: YELLOW },
    ]);
    expect(talk(apron, "What's the biggest vehicle?").text).toMatch(
      /^Of the airplanes and buses, the biggest is the yellow bus/,
    );
  });
});

describe('a count says what the description says', () => {
  const street = () =>
    paintScene(300, 200, [
      { id: 'c1', label: 'car', rect: [10, 120, 60, 40], rgb: WHITE, score: 0.87 },
      { id: 'c2', label: 'car', rect: [120, 120, 60, 40], rgb: WHITE, score: 0.68 },
      { id: 'c3', label: 'car', rect: [220, 120, 60, 40], rgb: YELLOW, score: 0.44 },
    ]);
  it('a car too weak for the description to state is counted as unsure, not as sure', () => {
    expect(talk(street(), 'What is in the picture?').text).toMatch(/two cars, and possibly one more car/);
    expect(talk(street(), 'How many cars are there?').text).toMatch(
      /^Two or three cars: .*, and a further one the detector is unsure of \(0\.44\)\.$/,
    );
    expect(talk(street(), 'Are there three cars?').text).toMatch(/^Possibly\./);
  });
});
