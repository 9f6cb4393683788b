/**
 * What crosses Redis between a worker process and the web process. Scenes and task values hold typed arrays
 * (pixels, masks), which JSON would bloat and lose: they travel as V8's structured-clone bytes in base64.
 */
import v8 from 'node:v8';
import type { AnalyzeEvent } from '../../shared/analysis';
import type { Failure, WorkerTask } from '../inference/protocol';

/** One entry of an analysis's stream. `attempt` opens each run of the job: a second one means a retry. */
export type StreamMessage =
  | { type: 'attempt'; worker: string }
  | { type: 'accepted' }
  | { type: 'event'; event: AnalyzeEvent }
  /** `scene` and `uploads` (a video's keyframe and soundtrack, stored in place of the upload) packed by packValue. */
  | { type: 'result'; scene: string; uploads?: string }
  | { type: 'failed'; failure: Failure };

/** The analyse route's input (inference/pool.ts AnalysisInputBytes), uploads in base64. */
export interface AnalyzeJobData {
  resultId: string;
  image?: string;
  audio?: string;
  video?: string;
  everything?: boolean;
  find?: string[];
}

/** A question-time task (read-text, segment, points) or an export render, packed by packValue; its answer too. */
export type FleetTask = Exclude<WorkerTask, { kind: 'analyze' } | { kind: 'warm' }>;

export interface TaskJobData {
  task: string;
}

export const packValue = (value: unknown): string => v8.serialize(value).toString('base64');
export const unpackValue = <T>(packed: string): T => v8.deserialize(Buffer.from(packed, 'base64')) as T;

export const packBytes = (bytes?: Uint8Array): string | undefined =>
  bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const unpackBytes = (packed?: string): Uint8Array<ArrayBuffer> | undefined => {
  if (packed === undefined) return undefined;
  const buffer = Buffer.from(packed, 'base64');
  // A copy of its own: the pool moves the buffer to an inference thread, which a pooled Buffer slice cannot be.
  return new Uint8Array(buffer).slice();
};
