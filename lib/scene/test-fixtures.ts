/**
 * Hand-made scenes for the answer tests: flat-coloured rectangles on a grey background, each with an exact
 * mask, so every fact (position, size, colour, count) is known in advance.
 */
import type { Box, NamedLabel } from '@/lib/shared/analysis';
import { encodeRle, maskStats } from '@/lib/shared/rle';
import type { SoundEvent } from '@/lib/shared/audio';
import { buildSceneGraph } from './graph/build';
import type { SceneEntity } from './types';
import type { SceneGraph } from './graph/types';

/** A painted scene as the answerers read it (an AnswerSceneInput). */
export interface PaintedScene {
  resultId: string;
  graph: SceneGraph;
  threshold: number;
}

export interface TestSound {
  description: string;
  keywords: string[];
  soundEvents?: SoundEvent[];
  sourceIds?: string[];
}

export interface PaintedObject {
  id: string;
  label: string;
  score?: number;
  /** [x, y, w, h] of the painted rectangle, which is also its mask. */
  rect: Box;
  rgb: [number, number, number];
  /** A second colour for the rectangle's lower 40 % (a person's trousers under a shirt of `rgb`). */
  lowerRgb?: [number, number, number];
  /** Leave the entity without a mask (colour then comes from the box's core). */
  noMask?: boolean;
  kind?: 'thing' | 'stuff' | 'user';
  /** The crop classifier's finer name, as the fine-names stage gives it. */
  fineName?: NamedLabel;
}

export function paintScene(
  width: number,
  height: number,
  objects: PaintedObject[],
  options: { resultId?: string; sound?: TestSound; background?: [number, number, number]; threshold?: number } = {},
): PaintedScene {
  const rgb = new Uint8Array(width * height * 3);
  const background = options.background ?? [128, 128, 128];
  for (let i = 0; i < width * height; i++) rgb.set(background, i * 3);
  const entities: SceneEntity[] = objects.map((object) => {
    const [x0, y0, w, h] = object.rect;
    const mask = new Uint8Array(width * height);
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        mask[y * width + x] = 1;
        const lower = object.lowerRgb && y >= y0 + 0.6 * h;
        rgb.set(lower ? (object.lowerRgb ?? object.rgb) : object.rgb, (y * width + x) * 3);
      }
    }
    const stats = maskStats(mask, height, width);
    return {
      id: object.id,
      label: object.label,
      score: object.score ?? 0.9,
      box: object.rect,
      color: { name: 'red', strong: '#d62728', light: '#ff9896' },
      source: 'test',
      kind: object.kind ?? 'thing',
      ...(object.fineName ? { fineName: object.fineName } : {}),
      mask: object.noMask
        ? undefined
        : {
            rle: encodeRle(mask, height, width),
            area: stats.area,
            bbox: stats.bbox,
            predictedIou: 0.9,
            source: 'test',
          },
    };
  });
  const sound = options.sound;
  const audio = sound && {
    description: sound.description,
    keywords: sound.keywords,
    soundEvents: sound.soundEvents ?? [],
    plainSummary: sound.description,
  };
  const graph = buildSceneGraph({ image: { width, height, rgb }, entities, audio, soundSourceIds: sound?.sourceIds });
  return { resultId: options.resultId ?? 'test-result', graph, threshold: options.threshold ?? 0.3 };
}

export const RED: [number, number, number] = [210, 30, 35];
export const BLUE: [number, number, number] = [30, 70, 200];
export const WHITE: [number, number, number] = [245, 245, 245];
export const BROWN: [number, number, number] = [120, 70, 30];
export const YELLOW: [number, number, number] = [235, 210, 40];

/**
 * A street: a red car bottom-left (large), two people (blue on the right, yellow in the centre), a small white
 * dog next to the car. 120 × 90 pixels.
 */
export function streetScene(options: { sound?: TestSound } = {}): PaintedScene {
  return paintScene(
    120,
    90,
    [
      { id: 'e1', label: 'car', rect: [2, 50, 40, 36], rgb: RED },
      { id: 'e2', label: 'person', rect: [92, 20, 16, 60], rgb: BLUE },
      { id: 'e3', label: 'person', rect: [55, 25, 12, 50], rgb: YELLOW, score: 0.8 },
      { id: 'e4', label: 'dog', rect: [44, 66, 12, 18], rgb: WHITE, score: 0.7 },
    ],
    { resultId: 'street', sound: options.sound },
  );
}
