/**
 * The one interface every stored-result read and write goes through, whatever holds the results: SQLite under
 * DATA_DIR with the uploads as files beside it (sqlite-store.ts, one machine), or PostgreSQL with the uploads as
 * bytea rows (pg-store.ts, any number of replicas). Async because a network database is; the SQLite backend
 * answers at once. Ids reaching a backend have passed ResultIdSchema (results.ts checks them).
 */
import type { AnalyzeEvent } from '../../shared/analysis';
import type { DisplaySettings, StoredChatTurn, StoredResult } from '../../shared/result';

export type UploadKind = 'image' | 'audio';

export interface StoredUpload {
  bytes: Uint8Array;
  contentType: string;
}

export interface NewResult {
  id: string;
  createdAt: Date;
  imageName?: string;
  sceneJson: string;
  events: AnalyzeEvent[];
  uploads: { image?: Uint8Array; audio?: Uint8Array };
}

export interface ResultStore {
  /** Named by /api/health. */
  readonly kind: 'sqlite' | 'postgres';
  /** Stores the row, its events and its uploads together: complete once the promise resolves. */
  insertResult(result: NewResult): Promise<void>;
  resultExists(id: string): Promise<boolean>;
  /** False when the result is unknown (deleted meanwhile). */
  appendEvents(id: string, events: AnalyzeEvent[]): Promise<boolean>;
  appendChatTurns(id: string, turns: StoredChatTurn[]): Promise<boolean>;
  /** How many chat turns the result keeps (a question and its answer are two). */
  countChatTurns(id: string): Promise<number>;
  updateSceneJson(id: string, sceneJson: string): Promise<void>;
  readSceneJson(id: string): Promise<string | undefined>;
  setDisplay(id: string, display: DisplaySettings): Promise<boolean>;
  readStoredResult(id: string): Promise<StoredResult | undefined>;
  readUpload(id: string, kind: UploadKind): Promise<StoredUpload | undefined>;
  /** Removes the result with its events, chat and uploads; false when there was none. */
  deleteResult(id: string): Promise<boolean>;
  /**
   * Ids of the oldest results to drop so that at most `maxCount` results and `maxBytes` bytes remain (uploads and
   * JSON counted). The newest result is never among them, even when it alone is over the byte bound, nor `inUse`
   * (the result just written to).
   */
  idsOverRetention(maxCount: number, maxBytes: number, inUse?: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The retention rule both backends share, over rows newest first. */
export function overRetention(
  rowsNewestFirst: { id: string; bytes: number }[],
  maxCount: number,
  maxBytes: number,
  inUse?: string,
): string[] {
  let total = 0;
  return rowsNewestFirst
    .filter((row, index) => {
      total += row.bytes;
      return index > 0 && row.id !== inUse && (index >= maxCount || total > maxBytes);
    })
    .map((row) => row.id);
}

/** A results row as both backends read it (flags are 0/1 in SQLite, booleans in PostgreSQL). */
export interface ResultRowFields {
  id: string;
  created_at: string;
  image_name: string | null;
  has_image: number | boolean;
  has_audio: number | boolean;
  display: string | null;
}

/** The stored result both backends answer with: its row, and its events and chat turns in order. */
export function storedResultFromRow(
  row: ResultRowFields,
  events: AnalyzeEvent[],
  chat: StoredChatTurn[],
): StoredResult {
  return {
    id: row.id,
    createdAt: row.created_at,
    imageUrl: row.has_image ? `/api/results/${row.id}/image` : undefined,
    audioUrl: row.has_audio ? `/api/results/${row.id}/audio` : undefined,
    imageName: row.image_name ?? undefined,
    events,
    chat,
    display: row.display ? JSON.parse(row.display) : undefined,
  };
}
