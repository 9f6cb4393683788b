/**
 * The PNG exports at a bounded size, as the inference worker renders them: a 40 MP photo drawn at full size
 * on the main thread once took 9 s and 7 GB for ten requests. The photo is decoded straight to the render
 * size (sharp shrinks JPEGs while decoding), and the scene's boxes and masks are scaled to it.
 */
import sharp from 'sharp';
import type { Box } from '@/lib/shared/analysis';
import { renderCutoutPng, renderOverlayPng, type RgbImage } from './overlay';
import { exportSceneFromScene, type ExportImage, type ExportMask, type ExportScene } from './scene';
import type { SceneEntity } from '@/lib/scene/types';

/** The long side of a rendered PNG at most: a 12 MP overlay, sharper than any screen shows it whole. */
export const MAX_RENDER_SIDE = 4096;

export interface RenderRequest {
  png: 'overlay' | 'cutout';
  /** The stored upload (decoded here, EXIF orientation applied as in the analysis) or the scene's own pixels. */
  photo: Uint8Array | RgbImage;
  /** The result's entities with their wire (RLE) masks: decoded here, off the main thread. */
  entities: SceneEntity[];
  image: ExportImage;
  /** The score slider's threshold (a cut-out passes 0: any entity can be cut out). */
  threshold: number;
  /** For a cut-out: whose mask. */
  entityId?: string;
}

/** The factor that brings the analysed size within MAX_RENDER_SIDE (1 when it already is). */
export function renderScale(width: number, height: number, maxSide = MAX_RENDER_SIDE): number {
  return Math.min(1, maxSide / Math.max(width, height));
}

const scaleBox = (box: Box, s: number): Box => {
  const x = Math.floor(box[0] * s);
  const y = Math.floor(box[1] * s);
  return [x, y, Math.max(1, Math.ceil((box[0] + box[2]) * s) - x), Math.max(1, Math.ceil((box[1] + box[3]) * s) - y)];
};

/** A mask resampled (nearest neighbour) onto its scaled box. */
function scaleMask(mask: ExportMask, s: number): ExportMask {
  if (s === 1) return mask;
  const [x0, y0, w0, h0] = mask.bbox;
  const bbox = scaleBox(mask.bbox, s);
  const [x1, y1, w, h] = bbox;
  const bits = new Uint8Array(w * h);
  let area = 0;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(h0 - 1, Math.max(0, Math.floor((y1 + y + 0.5) / s) - y0));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(w0 - 1, Math.max(0, Math.floor((x1 + x + 0.5) / s) - x0));
      if (mask.bits[sy * w0 + sx]) {
        bits[y * w + x] = 1;
        area++;
      }
    }
  }
  return { ...mask, bbox, bits, area: Math.max(1, area) };
}

export function scaleExportScene(scene: ExportScene, s: number): ExportScene {
  if (s === 1) return scene;
  const width = Math.max(1, Math.round(scene.image.width * s));
  const height = Math.max(1, Math.round(scene.image.height * s));
  const masks: ExportScene['masks'] = {};
  for (const [id, mask] of Object.entries(scene.masks)) masks[id] = mask && scaleMask(mask, s);
  const entities = scene.entities.map((e) => ({ ...e, box: scaleBox(e.box, s) }));
  return { ...scene, image: { ...scene.image, width, height }, entities, masks };
}

async function photoAt(photo: Uint8Array | RgbImage, width: number, height: number): Promise<RgbImage> {
  if (!(photo instanceof Uint8Array) && photo.width === width && photo.height === height) return photo;
  const source =
    photo instanceof Uint8Array
      ? sharp(photo, { failOn: 'error' }).autoOrient().flatten({ background: '#ffffff' }).toColourspace('srgb')
      : sharp(photo.rgb, { raw: { width: photo.width, height: photo.height, channels: 3 } });
  const data = await source.removeAlpha().resize(width, height, { fit: 'fill', kernel: 'linear' }).raw().toBuffer();
  return { width, height, rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export async function renderExportPng(request: RenderRequest): Promise<Uint8Array> {
  const { width, height } = request.image;
  const full = exportSceneFromScene({ entities: request.entities }, request.image, request.threshold);
  const scene = scaleExportScene(full, renderScale(width, height));
  const image = await photoAt(request.photo, scene.image.width, scene.image.height);
  if (request.png === 'overlay') return new Uint8Array(await renderOverlayPng(image, scene));
  const mask = scene.masks[request.entityId ?? ''];
  if (!mask) throw new Error(`no mask for ${request.entityId}`);
  return new Uint8Array(await renderCutoutPng(image, mask));
}
