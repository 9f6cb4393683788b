/**
 * What the export routes share: a stored result as an ExportScene, and its PNGs rendered in a worker and cached.
 * Unknown results, results without an image and unknown entities are HttpErrors (404).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Scene } from '@/lib/pipeline/types';
import type { RenderRequest } from '@/lib/export/render';
import { analysedImageSize, exportSceneFromScene, type ExportScene } from '@/lib/export/scene';
import { HttpError } from './http';
import { renderInWorker } from './inference/pool';
import { loadResult } from './results';
import { readStoredImage } from './stored-files';

export function notFound(code: string, message: string): HttpError {
  return new HttpError(404, code, message);
}

export interface ExportableResult {
  scene: Scene;
  exportScene: ExportScene;
  /** Base of the download names: strix-<id>. */
  baseName: string;
}

export async function loadExportable(id: string, threshold: number): Promise<ExportableResult> {
  const scene = await loadResult(id);
  if (!scene) throw notFound('unknown_result', 'No stored result has this id (it may have been deleted): analyse the image again.');
  const size = analysedImageSize(scene);
  if (!size) throw notFound('no_image', 'This result is a sound without an image: there is nothing to export as boxes or masks.');
  const baseName = `strix-${id}`;
  return { scene, exportScene: exportSceneFromScene(scene, { name: `${baseName}.jpg`, ...size }, threshold), baseName };
}

/** Rendered PNGs kept for a repeat download (the same result, format, slider and entities): 64 MB at most. */
const RENDER_CACHE_BYTES = 64 * 1024 * 1024;
type RenderCacheHolder = { __strixRenderCache?: LRUCache<string, Uint8Array> };
const holder = globalThis as typeof globalThis & RenderCacheHolder;
const renderCache = () => (holder.__strixRenderCache ??= new LRUCache<string, Uint8Array>({ maxSize: RENDER_CACHE_BYTES, sizeCalculation: (png) => Math.max(1, png.byteLength) }));

/** What a PNG depends on: the result, what is drawn, and every drawn entity as it is now (a user may add or rename). */
function renderKey(id: string, exportScene: ExportScene, png: RenderRequest['png'], entityId?: string): string {
  const drawn = exportScene.entities.map((e) => [e.id, e.label, e.score, e.fineName?.label, e.color.strong]);
  return createHash('sha256').update(JSON.stringify([id, png, entityId, exportScene.image, drawn])).digest('base64url');
}

/**
 * An overlay or cut-out PNG: from the cache, or rendered by an inference worker (queued with the model work,
 * at a bounded size: lib/export/render.ts) from the stored original, else from the scene's own pixels.
 */
export async function renderPng(id: string, scene: Scene, exportScene: ExportScene, png: RenderRequest['png'], entityId?: string): Promise<Uint8Array> {
  const key = renderKey(id, exportScene, png, entityId);
  const cached = renderCache().get(key);
  if (cached) return cached;
  const stored = await readStoredImage(id);
  const photo = stored?.bytes ?? scene.image;
  if (!photo) throw notFound('image_missing', 'The photo of this result is no longer stored, so it cannot be drawn.');
  const rendered = await renderInWorker({ png, photo, scene: exportScene, entityId });
  renderCache().set(key, rendered);
  return rendered;
}

/** `attachment` with a plain ASCII file name (the names here are built from ids and labels). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`;
}
