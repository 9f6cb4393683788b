/**
 * What the main thread and the inference workers say to each other. Errors cross the thread boundary as
 * plain `Failure` objects (a class does not survive structured cloning), and the main thread turns them back
 * into a WorkerFailure the routes map to HTTP statuses.
 */
import type { MessagePort } from 'node:worker_threads';
import type { AnalyzeEvent, Box, Mask } from '../../shared/analysis';
import type { TextRegion } from '../../models/ppocr';
import type { PointClick } from '../../models/sam';
import type { DecodedImage } from '../../image/types';
import type { Scene } from '../../scene/types';
import type { RenderRequest } from '../../export/render';

export type ImageSize = { width: number; height: number };
export type ResultFiles = { image?: Uint8Array; audio?: Uint8Array };

export type WorkerTask =
  | {
      kind: 'analyze';
      port: MessagePort;
      /** Set to 1 by the main thread when the client has gone (shared memory: seen at once, see tasks.ts). */
      cancelFlag: Int32Array<SharedArrayBuffer>;
      resultId: string;
      image?: Uint8Array;
      audio?: Uint8Array;
      everything?: boolean;
      find?: string[];
      /** A video comes alone: its keyframes and soundtrack are decoded in the worker (lib/analysis/video). */
      video?: Uint8Array;
    }
  /** Text in a stored (downscaled) image; boxes come back in the original's pixels. */
  | { kind: 'read-text'; image: DecodedImage; size: ImageSize }
  /** SAM masks for boxes in the original's pixels, from a stored (downscaled) image. */
  | { kind: 'segment'; image: DecodedImage; size: ImageSize; boxes: { id: string; box: Box }[] }
  /** Point mode: one SAM mask from clicks in the original's pixels, from a stored (downscaled) image. */
  | { kind: 'points'; image: DecodedImage; size: ImageSize; points: PointClick[] }
  /** Load every model and run each once, so the first user does not pay for it (server start). */
  | { kind: 'warm' }
  /** An overlay or cut-out PNG at a bounded size (lib/export/render.ts): sharp and pixel loops off the main thread. */
  | ({ kind: 'render' } & RenderRequest);

export type FailureKind = 'image_input' | 'audio_input' | 'video_input' | 'model' | 'cancelled' | 'internal';
export interface Failure {
  kind: FailureKind;
  code: string;
  message: string;
}

/** Worker → main over an analysis's port. `accepted` comes once the input decoded and the models loaded. */
export type AnalysisMessage =
  | { type: 'accepted' }
  | { type: 'event'; event: AnalyzeEvent }
  /** `uploads`: files to store in place of the upload (a video's keyframe picture and soundtrack). */
  | { type: 'result'; scene: Scene; uploads?: ResultFiles }
  | { type: 'failed'; failure: Failure };

export type TaskResult<T> = { ok: true; value: T } | { ok: false; failure: Failure };
export type ReadTextResult = TaskResult<TextRegion[]>;
export type SegmentResult = TaskResult<{ id: string; mask: Mask }[]>;
/** A point-mode mask, the decode's own time in ms, and whether the image had to be encoded again first. */
export type PointMask = { mask: Mask; decodeMs: number; reencoded: boolean };
export type PointsResult = TaskResult<PointMask>;
export type RenderResult = TaskResult<Uint8Array>;

export class WorkerFailure extends Error {
  readonly kind: FailureKind;
  readonly code: string;
  constructor(failure: Failure) {
    super(failure.message);
    this.kind = failure.kind;
    this.code = failure.code;
  }
}
