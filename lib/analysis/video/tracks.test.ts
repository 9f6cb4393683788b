import { describe, expect, it } from 'vitest';
import type { Box } from '../../shared/analysis';
import { buildTracks, type TrackKeyframe } from './tracks';

const frame = (
  index: number,
  timeSec: number,
  entities: [string, string, Box][],
  sceneChange = false,
): TrackKeyframe => ({
  index,
  timeSec,
  width: 1000,
  height: 500,
  sceneChange,
  entities: entities.map(([id, label, box]) => ({ id, label, box })),
});

describe('tracks', () => {
  it('follows two people of one class by overlap and keeps them apart', () => {
    const tracks = buildTracks(
      [
        frame(0, 0, [
          ['k0-e1', 'person', [100, 100, 100, 300]],
          ['k0-e2', 'person', [700, 100, 100, 300]],
        ]),
        frame(1, 2, [
          ['k1-e1', 'person', [720, 110, 100, 300]],
          ['k1-e2', 'person', [120, 100, 100, 300]],
        ]),
      ],
      4,
    );
    expect(tracks.map((t) => t.entityIds)).toEqual([
      ['k0-e1', 'k1-e2'],
      ['k0-e2', 'k1-e1'],
    ]);
    expect(tracks[0]).toMatchObject({ startSec: 0, endSec: 4, keyframes: [0, 1] });
  });

  it('joins a moved object by nearness, bridges one missed keyframe, and never mixes classes', () => {
    const tracks = buildTracks(
      [
        frame(0, 0, [['k0-e1', 'dog', [100, 300, 120, 80]]]),
        frame(1, 2, [['k1-e1', 'cat', [260, 300, 120, 80]]]),
        frame(2, 4, [['k2-e1', 'dog', [300, 300, 120, 80]]]),
        frame(3, 6, []),
      ],
      7,
    );
    const dog = tracks.find((t) => t.label === 'dog')!;
    expect(dog.entityIds).toEqual(['k0-e1', 'k2-e1']);
    expect(dog).toMatchObject({ startSec: 0, endSec: 4 });
    expect(tracks.find((t) => t.label === 'cat')!.entityIds).toEqual(['k1-e1']);
  });

  it('ends every track at a scene cut', () => {
    const box: Box = [100, 100, 100, 100];
    const tracks = buildTracks([frame(0, 0, [['a', 'bird', box]]), frame(1, 3, [['b', 'bird', box]], true)], 5);
    expect(tracks.map((t) => t.entityIds)).toEqual([['a'], ['b']]);
    expect(tracks.map((t) => [t.startSec, t.endSec])).toEqual([
      [0, 0],
      [3, 5],
    ]);
  });
});
