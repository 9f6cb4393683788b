/**
 * Analysis results kept in memory so questions can refer to them by id. Bounded: the oldest results are
 * forgotten, and a question about one gets a clear 404 asking to analyse the image again.
 */
import { randomUUID } from 'node:crypto';
import type { Scene } from '../pipeline/types';
import { LruCache } from '../util/lru';

type ResultStore = { __strixResults?: LruCache<string, Scene> };

function store(): LruCache<string, Scene> {
  const holder = globalThis as typeof globalThis & ResultStore;
  return (holder.__strixResults ??= new LruCache(Number(process.env.STRIX_MAX_RESULTS ?? 32)));
}

export function newResultId(): string {
  return randomUUID();
}

export function saveResult(scene: Scene): void {
  store().set(scene.resultId, scene);
}

export function loadResult(resultId: string): Scene | undefined {
  return store().get(resultId);
}
