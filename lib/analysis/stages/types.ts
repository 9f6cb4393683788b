/**
 * The contract every analysis stage meets. A stage names itself, says which input it needs and what it adds
 * to the scene, and the orchestrator runs the registered list in order (stages/index.ts): a new stage is a new
 * file plus one line in that list, never a change to the orchestrator.
 */
import type { AnalyzeEvent, StageName } from '../../shared/analysis';
import type { DecodedImage } from '../../image/types';
import type { Detection } from '../../models/detection';
import type { Scene } from '../../scene/types';
import type { SceneSegmentation } from '../../models/ade-segmenter';
import type { DecodedAudio } from '../../audio/decode';

export type Emit = (event: AnalyzeEvent) => void;

export class AnalysisCancelled extends Error {}

export interface AnalysisInput {
  image?: { decoded: DecodedImage; decodeMs: number };
  /** The uploaded file, or already decoded (a sound uploaded alone is decoded before its stream starts). */
  audio?: Uint8Array | DecodedAudio;
  /** Everything mode: SAM's automatic masks over the whole image, named by the models (stages/everything.ts). */
  everything?: boolean;
  /** Words to find (stages/find.ts); undefined when none were asked for. */
  find?: string[];
}

/** What stages share while one analysis runs. Everything a later question needs lives on `scene`. */
export interface PipelineContext {
  input: AnalysisInput;
  scene: Scene;
  emit: Emit;
  signal: AbortSignal;
  /** The detector's boxes, from tagging to grounding (not kept with the result). */
  detections: Detection[];
  /** The ADE20K class map from the regions stage, for the stages that name regions after it. */
  segmentation?: SceneSegmentation;
  /** Throws AnalysisCancelled once the client has gone; call it between units of work. */
  checkCancelled(): void;
}

export interface PipelineStage {
  name: StageName;
  /** Runs only when this input was uploaded (or, for a mode, asked for). */
  needs: 'image' | 'audio' | 'everything' | 'find';
  /** The model or algorithm, shown beside the stage's timing in the UI. */
  detail: string;
  /** Scene fields it reads and writes, for readers of the registry. */
  reads: string[];
  writes: string[];
  /** A reason to skip it on this run (reported as a skipped stage), or undefined to run it. */
  skipReason?(ctx: PipelineContext): string | undefined;
  /**
   * Starts work that needs only the input and runs on a thread of its own (a side-thread model) as the stage
   * named in startsBeside begins, so it uses the core that stage leaves idle; run() then awaits it. Called
   * only for a stage that will run.
   */
  start?(ctx: PipelineContext): void;
  startsBeside?: StageName;
  run(ctx: PipelineContext): Promise<void>;
}
