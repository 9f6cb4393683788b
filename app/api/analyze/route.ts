import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { AnalysisCancelled, runAnalysis } from '@/lib/pipeline/orchestrator';
import { sniffAudioFormat } from '@/lib/audio/sniff';
import { AudioInputError } from '@/lib/audio/errors';
import { decodeImage, ImageInputError } from '@/lib/pipeline/decode-image';
import { ModelMissingError } from '@/lib/models/manifest';
import { errorResponse, HttpError, ndjsonResponse, readBodyCapped } from '@/lib/server/http';
import { modelQueue, QueueFullError } from '@/lib/server/queue';
import { newResultId } from '@/lib/server/results';
import { recordAnalysis } from '@/lib/server/recorder';
import { AnalyzeFormSchema, MAX_BODY_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function parseForm(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the image as multipart/form-data with an "image" field.');
  }
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpError(400, 'bad_form', 'The multipart body could not be read.');
  }
  const parsed = AnalyzeFormSchema.safeParse({ image: form.get('image') ?? undefined, audio: form.get('audio') ?? undefined });
  if (!parsed.success) {
    const status = parsed.error.issues.some((i) => i.message.includes('larger than')) ? 413 : 400;
    throw new HttpError(status, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '));
  }
  return parsed.data;
}

/** Not an image we take → 415; an image that will not decode → 422; a decompression bomb → 413. */
const IMAGE_ERROR_STATUS: Record<string, number> = { unsupported_type: 415, corrupt_image: 422, too_many_pixels: 413 };

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof QueueFullError) {
    return new HttpError(429, error.code, error.message, { 'retry-after': String(error.retryAfterSeconds) });
  }
  if (error instanceof ImageInputError) {
    return new HttpError(IMAGE_ERROR_STATUS[error.code] ?? 400, error.code, error.message);
  }
  if (error instanceof AudioInputError) return new HttpError(error.code === 'unsupported_type' ? 415 : 422, error.code, error.message);
  if (error instanceof ModelMissingError) return new HttpError(503, error.code, error.message);
  return undefined;
}

function streamErrorEvent(error: unknown): AnalyzeEvent {
  if (error instanceof AnalysisCancelled) return { type: 'error', code: 'cancelled', message: error.message };
  const known = toHttpError(error);
  if (known) return { type: 'error', code: known.code, message: known.message };
  console.error('analysis failed', error);
  return { type: 'error', code: 'analysis_failed', message: 'The analysis failed on the server; see its log.' };
}

export async function POST(request: Request): Promise<Response> {
  let release: (() => void) | undefined;
  try {
    const form = await parseForm(request);
    release = await modelQueue().acquire();
    const decodeStarted = performance.now();
    const image = form.image && (await decodeImage(new Uint8Array(await form.image.arrayBuffer())));
    const decodeMs = performance.now() - decodeStarted;
    const audio = form.audio && new Uint8Array(await form.audio.arrayBuffer());
    // A file that is no sound format at all is refused before anything runs; a damaged one is reported in the stream.
    if (audio) sniffAudioFormat(audio);
    const recorder = await recordAnalysis(form);
    const done = release;
    release = undefined; // the stream releases it when the analysis ends
    return ndjsonResponse(
      AnalyzeEventSchema,
      async (emit, signal) => {
        try {
          const input = { image: image ? { decoded: image, decodeMs } : undefined, audio };
          recorder.save(await runAnalysis(input, newResultId(), recorder.wrap(emit), signal));
        } finally {
          done();
        }
      },
      request.signal,
      streamErrorEvent,
    );
  } catch (error) {
    release?.();
    const known = toHttpError(error);
    if (known) return errorResponse(known);
    console.error('analyze request failed', error);
    return errorResponse(new HttpError(500, 'internal_error', 'The server failed to read the request.'));
  }
}
