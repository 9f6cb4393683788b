import { describe, expect, it } from 'vitest';
import type { StageProgress } from '../analysisState';
import { composerMode, stillComing } from './earlyQuestion';

const done = (...names: StageProgress['stage'][]) => names.map((stage) => ({ stage, status: 'done' as const }));

describe('stillComing', () => {
  it('names the first part of the result that has not arrived', () => {
    expect(stillComing(done('decode'))).toBe('boxes are still coming');
    expect(stillComing([...done('decode', 'tagging', 'grounding'), { stage: 'fine-names', status: 'start' }])).toBe(
      'masks are still coming',
    );
    expect(stillComing(done('decode', 'tagging', 'grounding', 'fine-names', 'encode', 'segmentation'))).toBe(
      'regions are still coming',
    );
    expect(stillComing(done('decode', 'tagging', 'grounding', 'fine-names', 'encode', 'segmentation', 'regions'))).toBe(
      'the scene is being put together',
    );
  });

  it('counts a skipped stage as delivered and waits for sound only when it runs', () => {
    const skipped = [
      ...done('decode', 'tagging', 'grounding', 'fine-names', 'regions'),
      ...(['encode', 'segmentation'] as const).map((stage) => ({ stage, status: 'skipped' as const })),
    ];
    expect(stillComing(skipped)).toBe('the scene is being put together');
    expect(stillComing([...skipped, { stage: 'audio', status: 'start' }])).toBe('the sound is still being analysed');
    expect(stillComing([{ stage: 'audio', status: 'start' }])).toBe('the sound is still being analysed');
  });
});

describe('composerMode', () => {
  it('keeps the box open while the analysis runs, with the reason the answer waits', () => {
    expect(composerMode({ status: 'running', resultId: null, stages: done('decode', 'tagging', 'grounding') })).toEqual(
      {
        kind: 'early',
        reason: 'Ask now: it is answered once the analysis is done (masks are still coming).',
        stillComing: 'masks are still coming',
      },
    );
    expect(composerMode({ status: 'done', resultId: 'r1', stages: [] })).toEqual({ kind: 'ready' });
    expect(composerMode({ status: 'idle', resultId: null, stages: [] }).kind).toBe('off');
    expect(composerMode({ status: 'error', resultId: null, stages: [] }).kind).toBe('off');
  });
});
