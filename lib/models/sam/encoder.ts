/** SAM image encoder: one run per image (~0.5–1 s on 2 cores), cached by the image's hash and encoder variant. */
import { getSession, ort } from '../session';
import type { DecodedImage } from '../../image/types';
import { LRUCache } from 'lru-cache';
import { samEncoderModelId, samEncoderVariant, type SamEncoderVariant } from './variants';
import { preprocess, SAM_INPUT_SIZE, type ImageSize, type SamGeometry } from './preprocess';
const EMBEDDING_CACHE_SIZE = 8;

export interface SamEmbedding {
  /** [1, 256, 64, 64] image embedding. */
  data: Float32Array;
  dims: readonly number[];
  geometry: SamGeometry;
  hash: string;
  variant: SamEncoderVariant;
}

const globalStore = globalThis as typeof globalThis & {
  __strixSamEmbeddings?: LRUCache<string, Promise<SamEmbedding>>;
};
// On globalThis so Next.js dev reloads and several route modules share one cache. Promises are cached so two
// requests for the same image wait for one encoder run.
const cache = (globalStore.__strixSamEmbeddings ??= new LRUCache<string, Promise<SamEmbedding>>({
  max: EMBEDDING_CACHE_SIZE,
}));

// Keyed by variant too: an int8 embedding must not answer for fp32 (a benchmark or a changed setting).
const cacheKey = (hash: string, variant: SamEncoderVariant) => `${variant}:${hash}`;

/** `size`: the original image's size when `image` is a downscaled copy (see preprocess). */
export function encodeImage(
  image: DecodedImage,
  size: ImageSize = image,
  variant = samEncoderVariant(),
): Promise<SamEmbedding> {
  const key = cacheKey(image.hash, variant);
  let pending = cache.get(key);
  if (!pending) {
    pending = runEncoder(image, size, variant);
    // A failed run must not stay cached: the next request retries.
    const failed = pending;
    failed.catch(() => cache.get(key) === failed && cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Whether an embedding for this image is cached (or being computed) by the process's encoder. */
export function hasCachedEmbedding(hash: string, variant = samEncoderVariant()): boolean {
  return cache.has(cacheKey(hash, variant));
}

/** Empties the embedding cache, e.g. so a benchmark measures the encoder itself. */
export function clearEmbeddingCache(): void {
  cache.clear();
}

async function runEncoder(image: DecodedImage, size: ImageSize, variant: SamEncoderVariant): Promise<SamEmbedding> {
  const session = await getSession(samEncoderModelId(variant));
  const { data, geometry } = await preprocess(image, size);
  const input = new ort.Tensor('float32', data, [1, 3, SAM_INPUT_SIZE, SAM_INPUT_SIZE]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const output = outputs[session.outputNames[0]];
  return { data: output.data as Float32Array, dims: output.dims, geometry, hash: image.hash, variant };
}
