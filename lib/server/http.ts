/** Small helpers shared by the route handlers: JSON errors, size-capped bodies, NDJSON streams. */
import type { ZodType } from 'zod';
import { isSameOrigin } from './same-origin';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(error: HttpError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: error.headers },
  );
}

/** A size as people read it: "256 kB", "36 MB" (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Refuses a state-changing request from another site's page (same-origin.ts) with a 403. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new HttpError(
      403,
      'cross_origin',
      'This request came from another site; only this app’s own pages may change results.',
    );
  }
}

/** Refuses a body that is not JSON before reading it (415), so no other content type is ever parsed as JSON. */
export function requireJson(request: Request): void {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the request as JSON with "Content-Type: application/json".',
    );
  }
}

/**
 * Reads the request body, refusing it as soon as it passes `maxBytes` (a Content-Length is not trusted:
 * chunked uploads have none), so a huge upload cannot fill memory.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new HttpError(413, 'body_too_large', `The request body is larger than the ${formatBytes(maxBytes)} limit.`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) throw new HttpError(400, 'empty_body', 'The request has no body.');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Streams events as NDJSON. Each event is checked against the shared schema first, so a server bug shows
 * up as an error event instead of a line the client cannot read.
 */
export function ndjsonResponse<E>(
  schema: ZodType<E>,
  produce: (emit: (event: E) => void, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  onError: (error: unknown) => E,
): Response {
  const encoder = new TextEncoder();
  // Stops the work when the client goes away, whichever way the runtime reports it.
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (event: E) => {
        if (stop.signal.aborted) return;
        controller.enqueue(encoder.encode(JSON.stringify(schema.parse(event)) + '\n'));
      };
      try {
        await produce(emit, stop.signal);
      } catch (error) {
        if (!stop.signal.aborted) emit(onError(error));
      } finally {
        try {
          controller.close();
        } catch {
          // Already closed because the client went away.
        }
      }
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}

/**
 * A state-changing JSON request's body, size-capped and checked against `schema`: refused unless it comes
 * from this app's pages (same-origin.ts) and says it is JSON (a cross-site form can send text/plain, never
 * JSON without a preflight); 400 with the reason for bad JSON or a wrong shape.
 */
export async function readJsonBody<T>(request: Request, schema: ZodType<T>, maxBytes: number): Promise<T> {
  assertSameOrigin(request);
  requireJson(request);
  const body = await readBodyCapped(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'invalid_input',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
