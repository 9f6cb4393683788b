import { z } from 'zod';
import type { AnalyzeEvent } from '@/lib/shared/analysis';
import { eventLoopMonitor } from '@/lib/server/event-loop';
import { assertSameOrigin, errorResponse, HttpError, ndjsonResponse } from '@/lib/server/http';
import { readUploadForm } from '@/lib/server/multipart';
import { startAnalysis } from '@/lib/server/cluster/dispatch';
import { WorkerFailure } from '@/lib/server/inference/protocol';
import { modelQueue, QueueFullError, QueueLeftError } from '@/lib/server/queue';
import { newResultId } from '@/lib/server/results';
import { recordAnalysis } from '@/lib/server/recorder';
import { AnalyzeFormSchema, MAX_AUDIO_BYTES, MAX_BODY_BYTES, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The event loop is watched from the first request on (its worst stall is reported by /api/health).
eventLoopMonitor();

async function parseForm(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the image as multipart/form-data with an "image" field.');
  }
  const form = await readUploadForm(request, {
    files: { image: MAX_IMAGE_BYTES, audio: MAX_AUDIO_BYTES, video: MAX_VIDEO_BYTES },
    fields: ['mode', 'find', 'chatFrom'],
    maxBodyBytes: MAX_BODY_BYTES,
  });
  const parsed = AnalyzeFormSchema.safeParse({
    ...form,
    mode: form.mode || undefined,
    chatFrom: form.chatFrom || undefined,
  });
  if (!parsed.success) {
    const status = parsed.error.issues.some((i) => i.message.includes('larger than')) ? 413 : 400;
    throw new HttpError(status, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '));
  }
  return parsed.data;
}

/** Not an image we take → 415; an image that will not decode → 422; a decompression bomb → 413. */
const IMAGE_ERROR_STATUS: Record<string, number> = { unsupported_type: 415, corrupt_image: 422, too_many_pixels: 413 };
/** Not a video → 415; no picture, damaged, or too slow to decode → 422; frames too large → 413 (lib/analysis/video/probe.ts). */
const VIDEO_ERROR_STATUS: Record<string, number> = { not_video: 415, frame_too_large: 413 };

function failureStatus(failure: WorkerFailure): number {
  switch (failure.kind) {
    case 'image_input':
      return IMAGE_ERROR_STATUS[failure.code] ?? 400;
    case 'audio_input':
      return failure.code === 'unsupported_type' ? 415 : 422;
    case 'video_input':
      return VIDEO_ERROR_STATUS[failure.code] ?? 422;
    case 'model':
      return 503; // a missing or damaged model: the message names it and `npm run models`
    case 'cancelled':
      return 499;
    case 'internal':
      return 500;
  }
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof QueueFullError) {
    return new HttpError(429, error.code, error.message, { 'retry-after': String(error.retryAfterSeconds) });
  }
  if (error instanceof QueueLeftError) return new HttpError(499, error.code, error.message);
  if (error instanceof WorkerFailure) return new HttpError(failureStatus(error), error.code, error.message);
  return undefined;
}

function streamErrorEvent(error: unknown): AnalyzeEvent {
  const known = toHttpError(error);
  if (known) return { type: 'error', code: known.code, message: known.message };
  console.error('analysis failed', error);
  return { type: 'error', code: 'analysis_failed', message: 'The analysis failed on the server; see its log.' };
}

/**
 * The worker checks its events against AnalyzeEventSchema before sending them (lib/server/inference/tasks.ts);
 * checking each again here would put that work back on the thread every request shares.
 */
const CHECKED_IN_WORKER = z.custom<AnalyzeEvent>(() => true);

/** The analysis runs in an inference worker (lib/server/inference); this thread only streams its events. */
export async function POST(request: Request): Promise<Response> {
  try {
    // A full queue answers 429 before the upload is read: refusing must cost the server next to nothing.
    modelQueue().assertRoom();
    assertSameOrigin(request);
    const form = await parseForm(request);
    // The recorder keeps its own copy of the uploads: the worker takes ownership of the bytes it is sent.
    const recorder = await recordAnalysis(form, form.chatFrom);
    const started = await startAnalysis(
      {
        resultId: newResultId(),
        image: form.image && new Uint8Array(await form.image.arrayBuffer()),
        audio: form.audio && new Uint8Array(await form.audio.arrayBuffer()),
        everything: form.mode === 'everything' || undefined,
        find: form.find?.length ? form.find : undefined,
        video: form.video && new Uint8Array(await form.video.arrayBuffer()),
      },
      request.signal,
    );
    return ndjsonResponse(
      CHECKED_IN_WORKER,
      async (emit, signal) => {
        const { scene, uploads } = await started.stream(recorder.wrap(emit), signal);
        await recorder.save(scene, uploads);
      },
      request.signal,
      streamErrorEvent,
    );
  } catch (error) {
    const known = toHttpError(error);
    if (known) return errorResponse(known);
    console.error('analyze request failed', error);
    return errorResponse(new HttpError(500, 'internal_error', 'The server failed to read the request.'));
  }
}
