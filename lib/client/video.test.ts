import { describe, expect, it } from 'vitest';
import type { AnalyzeEvent, Entity } from '@/lib/shared/analysis';
import type { Keyframe } from '@/lib/shared/video';
import { analysisReducer, initialAnalysisState, visibleEntities, type AnalysisState } from './analysisState';
import { nearestKeyframe, spanPercent, trackText } from './video';

const color = { name: 'red', strong: '#d62728', light: '#ff9896' };
const entity = (id: string, keyframe: number): Entity => ({
  id,
  label: 'dog',
  score: 0.9,
  box: [0, 0, 1, 1],
  color,
  source: 't',
  kind: 'thing',
  keyframe,
});
const keyframe = (index: number, timeSec: number): Keyframe => ({
  index,
  timeSec,
  width: 64,
  height: 36,
  reason: index ? 'interval' : 'first',
  url: `data:image/jpeg;base64,${index}`,
});

function play(events: AnalyzeEvent[]): AnalysisState {
  const started = analysisReducer(initialAnalysisState, {
    type: 'run-started',
    runId: 1,
    imageUrl: null,
    imageName: 'clip.mp4',
  });
  return events.reduce((state, event) => analysisReducer(state, { type: 'event', runId: 1, event }), started);
}

describe('video in the analysis state', () => {
  const stream: AnalyzeEvent[] = [
    { type: 'keyframe', keyframe: keyframe(0, 0) },
    { type: 'entity', entity: entity('k0-e1', 0) },
    { type: 'keyframe', keyframe: keyframe(1, 2) },
    { type: 'entity', entity: entity('k1-e1', 1) },
    {
      type: 'track',
      track: { id: 't1', label: 'dog', entityIds: ['k0-e1', 'k1-e1'], keyframes: [0, 1], startSec: 0, endSec: 4 },
    },
  ];

  it('draws the first keyframe as it arrives and keeps the later ones for the filmstrip', () => {
    const state = play(stream);
    expect([state.shownKeyframe, state.imageUrl, state.image]).toEqual([
      0,
      'data:image/jpeg;base64,0',
      { width: 64, height: 36, hash: 'keyframe-0' },
    ]);
    expect(state.keyframes.map((k) => k.index)).toEqual([0, 1]);
    expect(state.tracks.map((t) => t.id)).toEqual(['t1']);
  });

  it('shows a chosen keyframe with only its own entities visible', () => {
    const state = analysisReducer(play(stream), { type: 'show-keyframe', index: 1 });
    expect([state.shownKeyframe, state.imageUrl]).toEqual([1, 'data:image/jpeg;base64,1']);
    expect(visibleEntities(state.entities, 0.3, true, state.shownKeyframe).map((e) => e.id)).toEqual(['k1-e1']);
  });
});

describe('video helpers', () => {
  it('finds the keyframe nearest a moment, places spans and reads tracks aloud', () => {
    expect(nearestKeyframe([keyframe(0, 0), keyframe(1, 2), keyframe(2, 4)], 2.9)?.index).toBe(1);
    expect(nearestKeyframe([], 1)).toBeUndefined();
    expect(spanPercent(2, 4, 8)).toEqual({ left: '25%', width: '25%' });
    expect(spanPercent(6, 6, 8)).toEqual({ left: '75%', width: '1%' });
    expect(trackText({ id: 't1', label: 'dog', entityIds: ['a'], keyframes: [3], startSec: 6, endSec: 7.2 })).toBe(
      'dog, 6.0–7.2 s (1 keyframe)',
    );
  });
});
