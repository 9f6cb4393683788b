/**
 * What the export routes share: a stored result as an ExportScene, and its PNGs rendered in a worker and cached.
 * Unknown results, results without an image and unknown entities are HttpErrors (404).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Scene } from '@/lib/scene/types';
import { passesThreshold } from '@/lib/shared/analysis';
import type { RenderRequest } from '@/lib/export/render';
import { analysedImageSize, exportSceneFromScene, type ExportScene } from '@/lib/export/scene';
import { HttpError } from './http';
import { renderInWorker } from './cluster/dispatch';
import { loadResult, readResultUpload } from './results';

export function notFound(code: string, message: string): HttpError {
  return new HttpError(404, code, message);
}

export interface StoredExportable {
  scene: Scene;
  /** The analysed image's size (boxes and masks are in its pixels). */
  size: { width: number; height: number };
  /** Base of the download names: strix-<id>. */
  baseName: string;
}

/** A stored result that has an image to export; masks stay encoded (the PNGs decode them in a worker). */
export async function loadStoredExportable(id: string): Promise<StoredExportable> {
  const scene = await loadResult(id);
  if (!scene)
    throw notFound(
      'unknown_result',
      'No stored result has this id (it may have been deleted): analyse the image again.',
    );
  const size = analysedImageSize(scene);
  if (!size)
    throw notFound(
      'no_image',
      'This result is a sound without an image: there is nothing to export as boxes or masks.',
    );
  return { scene, size, baseName: `strix-${id}` };
}

/** The JSON exports' ExportScene: the entities the slider at `threshold` keeps, masks decoded. */
export function exportSceneOf({ scene, size, baseName }: StoredExportable, threshold: number): ExportScene {
  return exportSceneFromScene(scene, { name: `${baseName}.jpg`, ...size }, threshold);
}

/** Rendered PNGs kept for a repeat download (the same result, format, slider and entities): 64 MB at most. */
const RENDER_CACHE_BYTES = 64 * 1024 * 1024;
type RenderCacheHolder = {
  __strixRenderCache?: LRUCache<string, Uint8Array>;
  __strixRendering?: Map<string, Promise<Uint8Array>>;
};
const holder = globalThis as typeof globalThis & RenderCacheHolder;
const renderCache = () =>
  (holder.__strixRenderCache ??= new LRUCache<string, Uint8Array>({
    maxSize: RENDER_CACHE_BYTES,
    sizeCalculation: (png) => Math.max(1, png.byteLength),
  }));

type RenderSpec = { png: RenderRequest['png']; threshold: number; entityId?: string };

/** What a PNG depends on: the result, what is drawn, and every drawn entity as it is now (a user may add or rename). */
function renderKey(id: string, exportable: StoredExportable, spec: RenderSpec): string {
  const drawn = exportable.scene.entities
    .filter((e) => passesThreshold(e, spec.threshold))
    .map((e) => [e.id, e.label, e.score, e.fineName?.label, e.color.strong, e.mask?.rle.counts.length]);
  return createHash('sha256')
    .update(JSON.stringify([id, spec, exportable.size, drawn]))
    .digest('base64url');
}

/**
 * An overlay or cut-out PNG: from the cache, from a render of the same already under way, or rendered by an
 * inference worker (queued with the model work, at a bounded size: lib/export/render.ts) from the stored
 * original, else from the scene's own pixels. Nothing here decodes a mask on the main thread.
 */
export async function renderPng(id: string, exportable: StoredExportable, spec: RenderSpec): Promise<Uint8Array> {
  const key = renderKey(id, exportable, spec);
  const cached = renderCache().get(key);
  if (cached) return cached;
  const rendering = (holder.__strixRendering ??= new Map());
  let pending = rendering.get(key);
  if (!pending) {
    pending = renderFresh(id, exportable, spec)
      .then((png) => (renderCache().set(key, png), png))
      .finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

async function renderFresh(
  id: string,
  { scene, size, baseName }: StoredExportable,
  spec: RenderSpec,
): Promise<Uint8Array> {
  const stored = await readResultUpload(id, 'image');
  const photo = stored?.bytes ?? scene.image;
  if (!photo) throw notFound('image_missing', 'The photo of this result is no longer stored, so it cannot be drawn.');
  return renderInWorker({ ...spec, photo, entities: scene.entities, image: { name: `${baseName}.jpg`, ...size } });
}

/** `attachment` with a plain ASCII file name (the names here are built from ids and labels). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`;
}
