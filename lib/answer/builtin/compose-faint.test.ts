import { describe, expect, it } from 'vitest';
import { paintScene, BROWN, WHITE } from '../../scene/test-fixtures';
import { talk } from './understanding-fixtures';

/** A dog too faint to show (0.25 under the 0.3 threshold) on a floor, and the classifier's whole-image guess. */
const faint = () => ({
  ...paintScene(300, 200, [
    { id: 'dog', label: 'dog', rect: [100, 60, 80, 60], rgb: BROWN, score: 0.25 },
    { id: 'floor', label: 'floor', rect: [0, 150, 300, 50], rgb: WHITE, kind: 'stuff' },
  ]),
  tags: [
    { label: 'dog', score: 0.25, source: 'yolox-nano (COCO classes)' },
    { label: 'toy poodle', score: 0.3, source: 'imagenet-mobilenetv2' },
  ],
});

describe('a photo with nothing sure in it', () => {
  it('is described by its leads, each hedged, never by an empty answer', () => {
    for (const question of ['Describe the image', 'What is this?', 'What colour is it?']) {
      expect(talk(faint(), question).text).toBe(
        "Nothing was detected above the current score threshold. The detector's weaker guesses: possibly a dog (0.25); lowering the threshold slider shows them. The whole-image classifier's best guess is a toy poodle (0.30). The scene segmenter sees the floor.",
      );
    }
  });
});
