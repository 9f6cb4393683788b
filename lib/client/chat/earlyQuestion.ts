/**
 * The chat while an analysis is still running: the box stays open, and a question asked then waits for the
 * stored result (answers need the whole scene graph, which is built last) with a note saying what is still
 * coming, so the input is never locked without a reason on screen.
 */
import type { StageName } from '@/lib/shared/analysis';
import type { AnalysisState } from '../analysisState';

/**
 * In pipeline order; the first group not finished names what the user is waiting for. Image groups are still
 * coming until reported (every image stage reports, even when skipped); the sound group only once it started.
 */
const STILL_COMING: { stages: StageName[]; words: string; image: boolean }[] = [
  { stages: ['tagging', 'grounding'], words: 'boxes are still coming', image: true },
  { stages: ['fine-names', 'encode', 'segmentation'], words: 'masks are still coming', image: true },
  { stages: ['regions'], words: 'regions are still coming', image: true },
  { stages: ['audio', 'sound-source'], words: 'the sound is still being analysed', image: false },
];

/** What the running analysis has not delivered yet, in words ("masks are still coming"). */
export function stillComing(stages: AnalysisState['stages']): string {
  const started = new Set(stages.map((s) => s.stage));
  const finished = new Set(stages.filter((s) => s.status !== 'start').map((s) => s.stage));
  const analysingImage = started.has('decode');
  for (const group of STILL_COMING) {
    const running = group.stages.some((n) => started.has(n) && !finished.has(n));
    const notYet = group.image && analysingImage && !group.stages.every((n) => finished.has(n));
    if (running || notYet) return group.words;
  }
  return 'the scene is being put together';
}

export type ComposerMode =
  | { kind: 'ready' }
  /** Typing is allowed; a question sent now is answered when the result is stored. */
  | { kind: 'early'; reason: string; stillComing: string }
  | { kind: 'off'; reason: string };

export function composerMode(analysis: Pick<AnalysisState, 'status' | 'resultId' | 'stages'>): ComposerMode {
  if (analysis.status === 'done' && analysis.resultId !== null) return { kind: 'ready' };
  if (analysis.status === 'running') {
    const coming = stillComing(analysis.stages);
    return {
      kind: 'early',
      reason: `Ask now: it is answered once the analysis is done (${coming}).`,
      stillComing: coming,
    };
  }
  return { kind: 'off', reason: 'Analyse an image first, then ask about it.' };
}
