/** Route helpers for /api/results/<id>/…: the id from the path, the clean 404, JSON bodies checked by a schema. */
import { ResultIdSchema } from '../shared/result';
import { errorResponse, HttpError } from './http';
import { QueueFullError } from './queue';
import { loadResult, readResultUpload } from './results';
import type { DecodedImage } from '../image/types';
import type { Scene } from '../scene/types';
import type { UploadKind } from './store/backend';

export type ResultRouteContext = { params: Promise<{ id: string }> };

export function unknownResult(): HttpError {
  return new HttpError(
    404,
    'unknown_result',
    'No stored result has this id (it was deleted, dropped by retention, or never existed).',
  );
}

/** A stored result that has an image (point mode, masks on demand); a sound alone is a 409. */
export async function sceneWithImage(id: string): Promise<Scene & { image: DecodedImage }> {
  const scene = await loadResult(id);
  if (!scene) throw unknownResult();
  if (!scene.image) throw new HttpError(409, 'no_image', 'This result has no image to point at (it is a sound alone).');
  return scene as Scene & { image: DecodedImage };
}

/** The id from the path; anything that is not a well-formed id is answered like an unknown one. */
export async function resultIdFrom(context: ResultRouteContext): Promise<string> {
  const { id } = await context.params;
  if (!ResultIdSchema.safeParse(id).success) throw unknownResult();
  return id;
}

/** Known failures become their JSON error; anything else is logged and answered 500 without details. */
export function handleRouteError(error: unknown, what: string): Response {
  if (error instanceof HttpError) return errorResponse(error);
  if (error instanceof QueueFullError) {
    return errorResponse(
      new HttpError(429, error.code, error.message, { 'retry-after': String(error.retryAfterSeconds) }),
    );
  }
  console.error(`${what} failed`, error);
  return errorResponse(new HttpError(500, 'internal_error', `The server failed to ${what}.`));
}

/**
 * An uploaded file served back: its sniffed content type, never sniffed again by the browser, shown inline.
 * Private caching only: a deleted result must not live on in a shared cache.
 */
export function storedFileResponse(file: { bytes: Uint8Array; contentType: string }, stem: string): Response {
  const extension = file.contentType.split('/')[1].replace('jpeg', 'jpg').replace('mpeg', 'mp3');
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${stem}.${extension}"`,
      'cache-control': 'private, max-age=300',
    },
  });
}

/** GET of a stored result's upload (`/image`, `/audio`), with the content type its bytes were identified as. */
export function storedUploadRoute(kind: UploadKind) {
  return async (_request: Request, context: ResultRouteContext): Promise<Response> => {
    try {
      const file = await readResultUpload(await resultIdFrom(context), kind);
      if (!file) throw unknownResult();
      return storedFileResponse(file, kind);
    } catch (error) {
      return handleRouteError(error, `read the ${kind}`);
    }
  };
}
