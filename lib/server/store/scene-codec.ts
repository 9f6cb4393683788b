/**
 * A Scene (what questions need) as it is kept on disk: JSON of everything except the pixels and the audio
 * samples, which are decoded again from the stored upload when a result is opened after a restart.
 */
import { decodeAudio } from '../../audio/decode';
import { decodeImage } from '../../image/decode';
import { downscaleForStorage } from '../../image/downscale';
import type { Scene } from '../../scene/types';
import type { StoredUpload, UploadKind } from './backend';

type SceneWithoutSamples = Omit<Scene, 'image' | 'audioSamples'> & {
  image?: { width: number; height: number; hash: string };
};

export function sceneToJson(scene: Scene): string {
  const { image, audioSamples: _samples, ...rest } = scene;
  const kept: SceneWithoutSamples = {
    ...rest,
    image: image && { width: image.width, height: image.height, hash: image.hash },
  };
  return JSON.stringify(kept);
}

/** Rebuilds the scene; undefined when its files are gone (the result is then treated as unknown). */
export async function sceneFromJson(
  json: string,
  readUpload: (kind: UploadKind) => Promise<StoredUpload | undefined>,
): Promise<Scene | undefined> {
  const { image: imageInfo, ...rest } = JSON.parse(json) as SceneWithoutSamples;
  const scene: Scene = { ...rest };
  if (imageInfo) {
    const stored = await readUpload('image');
    if (!stored) return undefined;
    // The same ≤ 1024 px copy the analysis handed over (imageSize keeps the original's size).
    scene.image = await downscaleForStorage(await decodeImage(stored.bytes));
  }
  if (scene.audio) {
    const stored = await readUpload('audio');
    // The samples only serve endpoints that take audio; a sound that no longer decodes leaves the summary standing.
    if (stored)
      scene.audioSamples = await decodeAudio(stored.bytes).then(
        (decoded) => decoded.samples,
        () => undefined,
      );
  }
  return scene;
}

/**
 * Memory a scene holds, for the byte-bounded hot cache: its typed arrays plus its JSON (a fair stand-in for the
 * plain objects: masks travel as RLE number arrays, which dominate).
 */
export function sceneBytes(scene: Scene, json: string): number {
  return (scene.image?.rgb.byteLength ?? 0) + (scene.audioSamples?.byteLength ?? 0) + json.length;
}
