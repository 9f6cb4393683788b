import { describe, expect, it } from 'vitest';
import { pointPrompt, positiveCellsBox } from './points';
import { samGeometry } from './preprocess';

describe('pointPrompt', () => {
  it('scales clicks per axis into the 1024 frame, labels them 1/0 and adds the padding point', () => {
    const prompt = pointPrompt(
      [
        { x: 900, y: 600, positive: true },
        { x: 0, y: 1200, positive: false },
      ],
      samGeometry(1800, 1200),
    );
    const sy = 683 / 1200;
    [512, 600 * sy, 0, 1200 * sy, 0, 0].forEach((v, i) => expect(prompt.coords[i]).toBeCloseTo(v, 3));
    expect([...prompt.labels]).toEqual([1, 0, -1]);
  });
});

describe('positiveCellsBox', () => {
  it('boxes the positive low-res cells in image pixels, one cell wider each side', () => {
    // 2048×1024 image: 1024×512 in the SAM frame, so one 256-grid cell is 4 frame px = 8 image px.
    const geometry = samGeometry(2048, 1024);
    const logits = new Float32Array(256 * 256).fill(-5);
    for (let y = 10; y < 20; y++) for (let x = 30; x < 40; x++) logits[y * 256 + x] = 5;
    logits[200 * 256 + 10] = 5; // in the padding below the image (rows ≥ 128): ignored
    expect(positiveCellsBox(logits, geometry)).toEqual([29 * 8, 9 * 8, 12 * 8, 12 * 8]);
  });

  it('finds nothing when no cell is positive', () => {
    expect(positiveCellsBox(new Float32Array(256 * 256).fill(-1), samGeometry(640, 480))).toBeUndefined();
  });
});
