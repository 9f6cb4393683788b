import { describe, expect, it } from 'vitest';
import {
  analysisReducer,
  currentStage,
  initialAnalysisState,
  visibleEntities,
  type AnalysisState,
} from './analysisState';
import type { Entity } from '@/lib/shared/analysis';

const color = { name: 'red', strong: '#d62728', light: '#ff9896' };
const entity = (id: string, score: number): Entity => ({
  id,
  label: id,
  score,
  box: [0, 0, 1, 1],
  color,
  source: 't',
  kind: 'thing',
});

function started(): AnalysisState {
  return analysisReducer(initialAnalysisState, {
    type: 'run-started',
    runId: 1,
    imageUrl: 'blob:x',
    imageName: 'x.jpg',
  });
}

describe('analysisReducer', () => {
  it('tracks stages in first-seen order and replaces their status', () => {
    let state = started();
    state = analysisReducer(state, {
      type: 'event',
      runId: 1,
      event: { type: 'stage', stage: 'decode', status: 'done', ms: 5 },
    });
    state = analysisReducer(state, {
      type: 'event',
      runId: 1,
      event: { type: 'stage', stage: 'tagging', status: 'start' },
    });
    expect(currentStage(state.stages)).toBe('tagging');
    state = analysisReducer(state, {
      type: 'event',
      runId: 1,
      event: { type: 'stage', stage: 'tagging', status: 'done', ms: 40 },
    });
    expect(state.stages.map((s) => [s.stage, s.ms])).toEqual([
      ['decode', 5],
      ['tagging', 40],
    ]);
    expect(currentStage(state.stages)).toBeNull();
  });

  it('ignores events from a superseded run', () => {
    const state = started();
    const next = analysisReducer(state, {
      type: 'event',
      runId: 0,
      event: { type: 'entity', entity: entity('a', 0.5) },
    });
    expect(next).toBe(state);
  });

  it('finishes with done, or fails with the server message', () => {
    const done = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'done', resultId: 'r', totalMs: 9 },
    });
    expect([done.status, done.resultId, done.totalMs]).toEqual(['done', 'r', 9]);
    const failed = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'error', code: 'boom', message: 'It broke' },
    });
    expect(failed.error).toEqual({ code: 'boom', message: 'It broke' });
  });

  it('a new run replaces the shown result only once its first event arrives', () => {
    let state = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'entity', entity: entity('a', 0.5) },
    });
    state = analysisReducer(state, { type: 'event', runId: 1, event: { type: 'done', resultId: 'r1', totalMs: 9 } });
    state = analysisReducer(state, { type: 'run-started', runId: 2, imageUrl: 'blob:y', imageName: 'y.png' });
    expect([state.status, state.runId, state.shownRunId, state.imageUrl]).toEqual(['running', 2, 1, 'blob:x']);
    expect(state.entities.map((e) => e.id)).toEqual(['a']);
    state = analysisReducer(state, {
      type: 'event',
      runId: 2,
      event: { type: 'image', width: 4, height: 3, hash: 'h' },
    });
    expect([state.shownRunId, state.imageUrl, state.imageName, state.resultId]).toEqual([2, 'blob:y', 'y.png', null]);
    expect(state.entities).toEqual([]);
  });

  it('a rejected upload leaves the previous result on screen, with the reason', () => {
    let state = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'entity', entity: entity('a', 0.5) },
    });
    state = analysisReducer(state, { type: 'event', runId: 1, event: { type: 'done', resultId: 'r1', totalMs: 9 } });
    state = analysisReducer(state, { type: 'run-started', runId: 2, imageUrl: 'blob:bad', imageName: 'bad.jpg' });
    state = analysisReducer(state, {
      type: 'failed',
      runId: 2,
      error: { code: 'undecodable', message: 'Not an image' },
    });
    expect([state.status, state.resultId, state.imageUrl, state.pending]).toEqual(['done', 'r1', 'blob:x', null]);
    expect(state.entities.map((e) => e.id)).toEqual(['a']);
    expect(state.error?.code).toBe('undecodable');
  });

  it('a first upload that fails is an error state', () => {
    const state = analysisReducer(started(), {
      type: 'failed',
      runId: 1,
      error: { code: 'undecodable', message: 'Not an image' },
    });
    expect([state.status, state.error?.code]).toEqual(['error', 'undecodable']);
  });

  it('reopens a stored result by replaying its events, with its id and chat', () => {
    const state = analysisReducer(started(), {
      type: 'restored',
      runId: 5,
      resultId: 'stored',
      imageUrl: '/img',
      imageName: 'x.jpg',
      replay: [
        { event: { type: 'image', width: 4, height: 3, hash: 'h' } },
        { event: { type: 'entity', entity: entity('a', 0.5) } },
        { event: { type: 'done', resultId: 'stored', totalMs: 9 } },
      ],
      chat: [{ role: 'user', content: 'hi' }],
    });
    expect([state.status, state.runId, state.shownRunId, state.resultId, state.imageUrl]).toEqual([
      'done',
      5,
      5,
      'stored',
      '/img',
    ]);
    expect(state.entities.map((e) => e.id)).toEqual(['a']);
    expect(state.restoredChat).toHaveLength(1);
  });
});

describe('entity updates', () => {
  it('an entity sent again (a fine name arrived) is replaced where it stands', () => {
    let state = started();
    for (const e of [entity('a', 0.9), entity('b', 0.5)])
      state = analysisReducer(state, { type: 'event', runId: 1, event: { type: 'entity', entity: e } });
    const named = { ...entity('a', 0.9), fineName: { label: 'pickup', score: 0.6, source: 'imagenet-mobilenetv2' } };
    state = analysisReducer(state, { type: 'event', runId: 1, event: { type: 'entity', entity: named } });
    expect(state.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(state.entities[0].fineName?.label).toBe('pickup');
  });
});

describe('late additions', () => {
  it('adds entities and masks to the current run, replacing same ids', () => {
    let state = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'entity', entity: entity('a', 0.5) },
    });
    state = analysisReducer(state, {
      type: 'entities-added',
      runId: 1,
      entities: [entity('a', 0.6), entity('x', 0.7)],
      masks: {},
    });
    expect(state.entities.map((e) => [e.id, e.score])).toEqual([
      ['a', 0.6],
      ['x', 0.7],
    ]);
    const stale = analysisReducer(state, { type: 'entities-added', runId: 7, entities: [entity('y', 0.9)], masks: {} });
    expect(stale).toBe(state);
  });

  it('records sound sources', () => {
    const state = analysisReducer(started(), {
      type: 'event',
      runId: 1,
      event: { type: 'sound-source', entityIds: ['e1'], phrase: 'speech', method: 'speech → person' },
    });
    expect(state.soundSources).toEqual([{ entityIds: ['e1'], phrase: 'speech', method: 'speech → person' }]);
  });
});

describe('visibleEntities', () => {
  it('keeps scores at or above the threshold', () => {
    const all = [entity('a', 0.9), entity('b', 0.3), entity('c', 0.29)];
    expect(visibleEntities(all, 0.3).map((e) => e.id)).toEqual(['a', 'b']);
    expect(visibleEntities(all, 0.95)).toEqual([]);
  });
});
