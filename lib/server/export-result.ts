/**
 * What the export routes share: a stored result as an ExportScene, and its photo at the size its boxes and
 * masks are in. Unknown results, results without an image and unknown entities are HttpErrors (404).
 */
import { decodeImage, resizeRgb } from '@/lib/image/decode';
import type { Scene } from '@/lib/scene/types';
import { analysedImageSize, exportSceneFromScene, type ExportScene } from '@/lib/export/scene';
import type { RgbImage } from '@/lib/export/overlay';
import { HttpError } from './http';
import { loadResult, readResultUpload } from './results';

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

/**
 * The photo for the PNGs: the stored original (full resolution, EXIF orientation applied as in the analysis)
 * when there is one, else the scene's own copy; resized only if neither is at the analysed size.
 */
export async function loadResultImage(id: string, scene: Scene, size: { width: number; height: number }): Promise<RgbImage> {
  const stored = await readResultUpload(id, 'image');
  const decoded = stored ? await decodeImage(stored.bytes) : scene.image;
  if (!decoded) throw notFound('image_missing', 'The photo of this result is no longer stored, so it cannot be drawn.');
  if (decoded.width === size.width && decoded.height === size.height) return decoded;
  if (scene.image && scene.image.width === size.width && scene.image.height === size.height) return scene.image;
  return { ...size, rgb: await resizeRgb(decoded, size.width, size.height) };
}

/** `attachment` with a plain ASCII file name (the names here are built from ids and labels). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`;
}
