/**
 * Runs the registered analysis stages (stages/index.ts) in order and reports each as it starts and finishes.
 * It knows stages only through the PipelineStage contract, never routes or React, so a stage can be added or
 * swapped (an open-vocabulary tagger, a remote grounder) without touching this file.
 */
import { PIPELINE } from './stages';
import {
  AnalysisCancelled,
  type AnalysisInput,
  type Emit,
  type PipelineContext,
  type PipelineStage,
} from './stages/types';
import type { Scene } from '../scene/types';

export { AnalysisCancelled, type AnalysisInput, type Emit } from './stages/types';

async function runStage(stage: PipelineStage, ctx: PipelineContext): Promise<void> {
  ctx.checkCancelled();
  const skipped = stage.skipReason?.(ctx);
  if (skipped) {
    ctx.emit({ type: 'stage', stage: stage.name, status: 'skipped', detail: skipped });
    return;
  }
  ctx.emit({ type: 'stage', stage: stage.name, status: 'start' });
  const started = performance.now();
  await stage.run(ctx);
  ctx.emit({
    type: 'stage',
    stage: stage.name,
    status: 'done',
    ms: Math.round(performance.now() - started),
    detail: stage.detail,
  });
}

export async function runAnalysis(
  input: AnalysisInput,
  resultId: string,
  emit: Emit,
  signal: AbortSignal,
): Promise<Scene> {
  const started = performance.now() - (input.image?.decodeMs ?? 0);
  const scene: Scene = { resultId, image: input.image?.decoded, tags: [], entities: [], soundSourceIds: [] };
  const ctx: PipelineContext = {
    input,
    scene,
    emit,
    signal,
    detections: [],
    checkCancelled() {
      if (signal.aborted) throw new AnalysisCancelled('The client went away.');
    },
  };
  if (input.image) {
    const { decoded, decodeMs } = input.image;
    emit({ type: 'image', width: decoded.width, height: decoded.height, hash: decoded.hash });
    emit({ type: 'stage', stage: 'decode', status: 'done', ms: Math.round(decodeMs) });
  }
  const due = PIPELINE.filter((stage) => input[stage.needs]);
  for (const stage of due) {
    for (const early of due) if (early.startsBeside === stage.name && !early.skipReason?.(ctx)) early.start?.(ctx);
    await runStage(stage, ctx);
  }
  emit({ type: 'done', resultId, totalMs: Math.round(performance.now() - started) });
  return scene;
}
