/**
 * The browser's side of the stored-result routes (`/api/results/<id>…`). Every response is validated with
 * the shared schemas, and every failure becomes a {code, message} the UI shows verbatim.
 */
import { z } from 'zod';
import { AnalyzeEventSchema, RleSchema, BoxSchema } from '@/lib/shared/analysis';
import { StoredResultSchema, type DisplaySettings, type StoredResult } from '@/lib/shared/result';
import { errorFromResponse, type HttpFailure } from './http-error';

/** `status` is the HTTP status of a failure (0 when none came back). */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: HttpFailure; notFound: boolean; status: number };

export const resultUrl = (id: string) => `/api/results/${encodeURIComponent(id)}`;
/** The page that reopens a result: what the address bar shows and "Copy link" copies. */
export const resultPagePath = (id: string) => `/r/${encodeURIComponent(id)}`;

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<Loaded<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return {
      ok: false,
      notFound: false,
      status: 0,
      error: { code: 'network', message: `Could not reach the server: ${(error as Error).message}` },
    };
  }
  if (!response.ok)
    return {
      ok: false,
      notFound: response.status === 404,
      status: response.status,
      error: await errorFromResponse(response),
    };
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    return {
      ok: false,
      notFound: false,
      status: response.status,
      error: { code: 'bad_response', message: `Unexpected answer from ${url}: ${parsed.error.issues[0]?.message}` },
    };
  return { ok: true, value: parsed.data };
}

export function fetchStoredResult(id: string, signal?: AbortSignal): Promise<Loaded<StoredResult>> {
  return call(resultUrl(id), { signal }, StoredResultSchema);
}

export async function deleteStoredResult(id: string): Promise<Loaded<unknown>> {
  return call(resultUrl(id), { method: 'DELETE' }, z.unknown());
}

export function saveDisplaySettings(id: string, settings: DisplaySettings): Promise<Loaded<unknown>> {
  return call(
    `${resultUrl(id)}/display`,
    { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) },
    z.unknown(),
  );
}

export interface PointPrompt {
  /** Image pixels. */
  x: number;
  y: number;
  positive: boolean;
}

export const PointPreviewSchema = z.object({ mask: z.object({ rle: RleSchema, bbox: BoxSchema, area: z.number() }) });
export type PointPreview = z.infer<typeof PointPreviewSchema>;

/** SAM's mask for these points, from the cached embedding. A 409 (a newer request superseded it) is not an error. */
export function previewPointMask(
  id: string,
  points: PointPrompt[],
  signal?: AbortSignal,
): Promise<Loaded<PointPreview>> {
  return call(
    `${resultUrl(id)}/points`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ points }), signal },
    PointPreviewSchema,
  );
}

const NewEntityEventsSchema = z.object({ events: z.array(AnalyzeEventSchema) });

/** Keeps the points' mask as a new entity named `label`; the server answers with its entity and mask events. */
export function keepPointEntity(
  id: string,
  label: string,
  points: PointPrompt[],
): Promise<Loaded<z.infer<typeof NewEntityEventsSchema>>> {
  return call(
    `${resultUrl(id)}/entities`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label, points }) },
    NewEntityEventsSchema,
  );
}

/** Masks for detected things the analysis left unmasked (revealed by lowering the score slider): a `mask` event each. */
export function requestEntityMasks(
  id: string,
  entityIds: string[],
  signal?: AbortSignal,
): Promise<Loaded<z.infer<typeof NewEntityEventsSchema>>> {
  return call(
    `${resultUrl(id)}/masks`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entityIds }), signal },
    NewEntityEventsSchema,
  );
}

/** Export and cut-out downloads, served by the export routes; the exports keep what the score slider shows. */
export const exportUrls = (id: string, threshold: number) => ({
  coco: `${resultUrl(id)}/export/coco.json?threshold=${threshold}`,
  labelStudio: `${resultUrl(id)}/export/label-studio.json?threshold=${threshold}`,
  overlay: `${resultUrl(id)}/export/overlay.png?threshold=${threshold}`,
  cutout: (entityId: string) => `${resultUrl(id)}/cutout/${encodeURIComponent(entityId)}.png`,
});
