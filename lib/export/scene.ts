/**
 * What every exporter reads: the image's size and name, the entities to export, their masks cropped to their
 * boxes, and the sound. The browser builds it from its analysis state, the server and the CLI from a Scene
 * (`exportSceneFromScene`), so COCO, Label Studio and the PNGs come out the same everywhere.
 */
import { passesThreshold, type Entity } from '@/lib/shared/analysis';
import type { AudioSummary } from '@/lib/shared/audio';
import { decodeMask, type ClientMask } from '@/lib/shared/mask-bitmap';
import type { Scene } from '@/lib/scene/types';

/** A mask cropped to its tight box (the client's in-memory form): `bits` is row-major over `bbox`. */
export type ExportMask = Pick<ClientMask, 'bbox' | 'bits' | 'area' | 'predictedIou' | 'source'>;

export interface ExportImage {
  name: string;
  width: number;
  height: number;
}

export type ExportSound = Pick<AudioSummary, 'soundEvents' | 'clipTags' | 'plainSummary'>;

export interface ExportScene {
  image: ExportImage;
  entities: Entity[];
  masks: Record<string, ExportMask | undefined>;
  sound?: ExportSound;
}

/** The browser's default score slider (components/analysis/AnalysisProvider DEFAULT_VIEW): exports show what a first look shows. */
export const DEFAULT_EXPORT_THRESHOLD = 0.3;

export function soundForExport(audio: AudioSummary | null | undefined): ExportSound | undefined {
  if (!audio) return undefined;
  return { soundEvents: audio.soundEvents, clipTags: audio.clipTags, plainSummary: audio.plainSummary };
}

/**
 * A stored Scene as an export: the entities the score slider at `threshold` keeps (entities without a score
 * always pass, as in the browser), with their masks decoded from the wire RLE.
 */
export function exportSceneFromScene(
  scene: Pick<Scene, 'entities' | 'audio'>,
  image: ExportImage,
  threshold = DEFAULT_EXPORT_THRESHOLD,
): ExportScene {
  const entities = scene.entities.filter((entity) => passesThreshold(entity, threshold));
  const masks: Record<string, ExportMask | undefined> = {};
  for (const entity of entities) {
    const decoded = entity.mask && decodeMask(entity.id, entity.mask);
    if (decoded) masks[entity.id] = decoded;
  }
  // SceneEntity carries its wire mask; exporters take entities without it (masks travel separately, cropped).
  const plain = entities.map(({ mask: _mask, ...entity }) => entity);
  return { image, entities: plain, masks, sound: soundForExport(scene.audio) };
}

/**
 * The analysed image's size: masks are encoded at it, so their RLE size is the surest answer; the scene's
 * decoded image otherwise (undefined for a sound-only result).
 */
export function analysedImageSize(scene: Scene): { width: number; height: number } | undefined {
  const withMask = scene.entities.find((entity) => entity.mask);
  if (withMask?.mask) return { width: withMask.mask.rle.size[1], height: withMask.mask.rle.size[0] };
  return scene.image && { width: scene.image.width, height: scene.image.height };
}
