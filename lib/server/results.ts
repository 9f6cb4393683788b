/**
 * Analysis results: kept by the result store (store/: SQLite under DATA_DIR with the uploads beside it, or
 * PostgreSQL when DATABASE_URL is set), so questions, links and `/r/<id>` work after a restart and on any replica;
 * the Scenes in use stay in a hot in-memory cache bounded by bytes. Retention keeps at most STRIX_KEEP_RESULTS results and STRIX_KEEP_MB megabytes, dropping the oldest.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { AnalyzeEvent } from '../shared/analysis';
import { ResultIdSchema, type DisplaySettings, type StoredChatTurn, type StoredResult } from '../shared/result';
import type { Scene } from '../scene/types';
import type { StoredUpload, UploadKind } from './store/backend';
import { resultStore } from './store';
import { sceneBytes, sceneFromJson, sceneToJson } from './store/scene-codec';

const MB = 1024 * 1024;
/**
 * Defaults sized for a demo server, not tuned: 256 MB of hot scenes holds a dozen 12 MP photos' pixels; 500 results
 * or 2 GB on disk (whichever comes first) is a few weeks of a busy demo. All three are environment settings.
 */
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

type CacheHolder = {
  __strixHotScenes?: LRUCache<string, Scene>;
  __strixRestoring?: Map<string, Promise<Scene | undefined>>;
};
const holder = globalThis as typeof globalThis & CacheHolder;

function hotScenes(): LRUCache<string, Scene> {
  // lru-cache takes whole bytes only: a fractional megabyte setting (0.3) must not make every save throw.
  return (holder.__strixHotScenes ??= new LRUCache<string, Scene>({
    maxSize: Math.max(1, Math.floor(envNumber('STRIX_RESULTS_MB', 256) * MB)),
  }));
}

const isResultId = (id: string) => ResultIdSchema.safeParse(id).success;

/** 128 random bits as 22 base64url characters: unguessable, and safe in a path and a URL. */
export function newResultId(): string {
  return randomBytes(16).toString('base64url');
}

function cacheScene(scene: Scene, json: string): void {
  // lru-cache refuses (and forgets) an entry larger than the whole cache: such a scene is re-read when needed.
  hotScenes().set(scene.resultId, scene, { size: Math.max(1, sceneBytes(scene, json)) });
}

export interface ResultUploads {
  image?: Uint8Array;
  audio?: Uint8Array;
  imageName?: string;
}

/** Stores a finished analysis (its files, its event stream, its scene), then drops the oldest results over the bounds. */
export async function storeResult(scene: Scene, events: AnalyzeEvent[], uploads: ResultUploads): Promise<void> {
  const json = sceneToJson(scene);
  cacheScene(scene, json);
  const store = resultStore();
  await store.insertResult({
    id: scene.resultId,
    createdAt: new Date(),
    imageName: uploads.imageName?.slice(0, 200),
    sceneJson: json,
    events,
    uploads: { image: uploads.image, audio: uploads.audio },
  });
  await enforceRetention();
}

/**
 * Drops the oldest results over the bounds. Run after every write that grows a result (chat turns, entities),
 * not only after a new one: a long conversation counts too. `inUse` (the result just written to) is kept.
 */
async function enforceRetention(inUse?: string): Promise<void> {
  const keepBytes = envNumber('STRIX_KEEP_MB', 2048) * MB;
  for (const id of await resultStore().idsOverRetention(envNumber('STRIX_KEEP_RESULTS', 500), keepBytes, inUse))
    await deleteResult(id);
}

/**
 * The most questions one result keeps (each answer is bounded: lib/answer/endpoint/answer-cap.ts), and
 * the most entities a user may add by pointing: a result cannot grow without end, one request at a time.
 */
export const MAX_CHAT_QUESTIONS = 200;
export const MAX_USER_ENTITIES = 100;

export async function chatQuestionCount(id: string): Promise<number> {
  return isResultId(id) ? (await resultStore().countChatTurns(id)) / 2 : 0;
}

/** The scene for questions and point prompts: from memory, or rebuilt from the store (pixels decoded again). */
export async function loadResult(id: string): Promise<Scene | undefined> {
  if (!isResultId(id)) return undefined;
  const hot = hotScenes().get(id);
  if (hot) return hot;
  const restoring = (holder.__strixRestoring ??= new Map());
  let pending = restoring.get(id);
  if (!pending) {
    pending = restoreScene(id).finally(() => restoring.delete(id));
    restoring.set(id, pending);
  }
  return pending;
}

async function restoreScene(id: string): Promise<Scene | undefined> {
  const store = resultStore();
  const json = await store.readSceneJson(id);
  const scene = json === undefined ? undefined : await sceneFromJson(json, (kind) => store.readUpload(id, kind));
  if (scene && json) cacheScene(scene, json);
  return scene;
}

/** Saves a scene that changed after the analysis (new entities, text read on demand). */
export async function persistScene(scene: Scene): Promise<void> {
  const store = resultStore();
  if (!(await store.resultExists(scene.resultId))) return; // deleted meanwhile
  const json = sceneToJson(scene);
  await store.updateSceneJson(scene.resultId, json);
  cacheScene(scene, json);
}

export async function getStoredResult(id: string): Promise<StoredResult | undefined> {
  return isResultId(id) ? resultStore().readStoredResult(id) : undefined;
}

/** The uploaded image or sound of a stored result, with the content type its bytes were identified as. */
export async function readResultUpload(id: string, kind: UploadKind): Promise<StoredUpload | undefined> {
  return isResultId(id) ? resultStore().readUpload(id, kind) : undefined;
}

export async function appendResultEvents(id: string, events: AnalyzeEvent[]): Promise<boolean> {
  const stored = isResultId(id) && (await resultStore().appendEvents(id, events));
  if (stored) await enforceRetention(id);
  return stored;
}

export async function appendChatTurns(id: string, turns: StoredChatTurn[]): Promise<boolean> {
  const stored = isResultId(id) && (await resultStore().appendChatTurns(id, turns));
  if (stored) await enforceRetention(id);
  return stored;
}

export async function setDisplaySettings(id: string, display: DisplaySettings): Promise<boolean> {
  return isResultId(id) && resultStore().setDisplay(id, display);
}

export async function deleteResult(id: string): Promise<boolean> {
  if (!isResultId(id)) return false;
  hotScenes().delete(id);
  return resultStore().deleteResult(id);
}

/** Empties the hot cache, so the next load reads from the store (tests use it to play a restart). */
export function forgetHotScenes(): void {
  hotScenes().clear();
}
