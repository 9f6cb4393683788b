'use client';
/** One line: the stage running now, each finished stage's time, and the total once done. */
import type { StageName } from '@/lib/shared/analysis';
import { currentStage } from '@/lib/client/analysisState';
import { useAnalysis } from './analysis/AnalysisProvider';

const STAGE_LABELS: Record<StageName, string> = {
  decode: 'decode',
  tagging: 'tagging',
  grounding: 'grounding',
  encode: 'image encoder',
  segmentation: 'segmentation',
  'fine-names': 'fine names',
  regions: 'stuff regions',
  audio: 'audio',
  'sound-source': 'sound source',
  'scene-graph': 'scene graph',
  everything: 'everything (automatic masks)',
  find: 'find',
  keyframes: 'keyframes',
};

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

export function ProgressLine() {
  const { analysis } = useAnalysis();
  if (analysis.status === 'idle') return null;
  const running = analysis.status === 'running' ? currentStage(analysis.stages) : null;
  const finished = analysis.stages.filter((s) => s.status !== 'start');

  return (
    <div
      data-testid="progress"
      data-status={analysis.status}
      data-current-stage={running ?? ''}
      aria-live="polite"
      className="flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-400"
    >
      {analysis.status === 'running' && (
        <span className="flex items-center gap-2 font-medium text-sky-300">
          <span
            className="inline-block size-3 animate-spin rounded-full border-2 border-sky-300 border-t-transparent"
            aria-hidden
          />
          {running ? `${STAGE_LABELS[running]}…` : 'uploading…'}
        </span>
      )}
      {finished.map((stage) => (
        <span key={stage.stage} data-stage={stage.stage} title={stage.detail} className="tabular-nums">
          <span className="text-neutral-300">{STAGE_LABELS[stage.stage]}</span>{' '}
          {stage.status === 'skipped' ? 'skipped' : stage.ms !== undefined ? formatMs(stage.ms) : 'done'}
        </span>
      ))}
      {analysis.status === 'done' && analysis.totalMs !== null && (
        <span className="ml-auto font-medium tabular-nums text-emerald-300" data-testid="total-time">
          total {formatMs(analysis.totalMs)}
        </span>
      )}
    </div>
  );
}
