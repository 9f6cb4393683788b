/**
 * Reads and writes of stored results in SQLite (see db.ts for the tables). Everything here is synchronous
 * (better-sqlite3), so a result is complete on disk the moment a call returns.
 */
import type { AnalyzeEvent } from '../../shared/analysis';
import type { DisplaySettings, StoredChatTurn, StoredResult } from '../../shared/result';
import { overRetention, type ResultRowFields, storedResultFromRow } from './backend';
import { resultsDb } from './db';

export interface NewResultRow {
  id: string;
  createdAt: Date;
  imageName?: string;
  hasImage: boolean;
  hasAudio: boolean;
  sceneJson: string;
  events: AnalyzeEvent[];
  /** Bytes of the uploaded files written beside the database. */
  fileBytes: number;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

function insertRows(table: 'result_events' | 'chat_turns', id: string, items: unknown[]): number {
  const insert = resultsDb().prepare(`INSERT INTO ${table} (result_id, json) VALUES (?, ?)`);
  let bytes = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    insert.run(id, json);
    bytes += byteLength(json);
  }
  return bytes;
}

export function insertResult(row: NewResultRow): void {
  const db = resultsDb();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO results (id, created_at, created_ms, image_name, has_image, has_audio, scene, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.createdAt.toISOString(),
      row.createdAt.getTime(),
      row.imageName ?? null,
      Number(row.hasImage),
      Number(row.hasAudio),
      row.sceneJson,
      row.fileBytes + byteLength(row.sceneJson),
    );
    addBytes(row.id, insertRows('result_events', row.id, row.events));
  })();
}

function addBytes(id: string, bytes: number): void {
  resultsDb().prepare('UPDATE results SET bytes = bytes + ? WHERE id = ?').run(bytes, id);
}

export function resultExists(id: string): boolean {
  return resultsDb().prepare('SELECT 1 FROM results WHERE id = ?').get(id) !== undefined;
}

/** Appends events (a user's entity, an endpoint's grounded entities) to the stream the browser replays. */
export function appendEvents(id: string, events: AnalyzeEvent[]): boolean {
  if (!resultExists(id)) return false;
  const db = resultsDb();
  db.transaction(() => addBytes(id, insertRows('result_events', id, events)))();
  return true;
}

export function appendChatTurns(id: string, turns: StoredChatTurn[]): boolean {
  if (!resultExists(id)) return false;
  const db = resultsDb();
  db.transaction(() => addBytes(id, insertRows('chat_turns', id, turns)))();
  return true;
}

/** How many rows a result has in `table` (chat turns: a question and an answer are two). */
export function countRows(table: 'result_events' | 'chat_turns', id: string): number {
  return (resultsDb().prepare(`SELECT count(*) AS n FROM ${table} WHERE result_id = ?`).get(id) as { n: number }).n;
}

export function updateSceneJson(id: string, sceneJson: string): void {
  resultsDb()
    .prepare('UPDATE results SET bytes = bytes - length(CAST(scene AS BLOB)) + ?, scene = ? WHERE id = ?')
    .run(byteLength(sceneJson), sceneJson, id);
}

export function readSceneJson(id: string): string | undefined {
  const row = resultsDb().prepare('SELECT scene FROM results WHERE id = ?').get(id) as { scene: string } | undefined;
  return row?.scene;
}

export function setDisplay(id: string, display: DisplaySettings): boolean {
  return (
    resultsDb().prepare('UPDATE results SET display = ? WHERE id = ?').run(JSON.stringify(display), id).changes > 0
  );
}

export function readStoredResult(id: string): StoredResult | undefined {
  const db = resultsDb();
  const row = db
    .prepare('SELECT id, created_at, image_name, has_image, has_audio, display FROM results WHERE id = ?')
    .get(id) as ResultRowFields | undefined;
  if (!row) return undefined;
  const jsonColumn = (table: 'result_events' | 'chat_turns') =>
    (db.prepare(`SELECT json FROM ${table} WHERE result_id = ? ORDER BY seq`).all(id) as { json: string }[]).map((r) =>
      JSON.parse(r.json),
    );
  return storedResultFromRow(row, jsonColumn('result_events'), jsonColumn('chat_turns'));
}

export function deleteResultRow(id: string): boolean {
  return resultsDb().prepare('DELETE FROM results WHERE id = ?').run(id).changes > 0;
}

/**
 * Ids of the oldest results to drop so that at most `maxCount` results and `maxBytes` bytes remain. The newest
 * result is never among them, even when it alone is over the byte bound: the user who just made it keeps it.
 */
export function idsOverRetention(maxCount: number, maxBytes: number, inUse?: string): string[] {
  const rows = resultsDb().prepare('SELECT id, bytes FROM results ORDER BY created_ms DESC, rowid DESC').all() as {
    id: string;
    bytes: number;
  }[];
  return overRetention(rows, maxCount, maxBytes, inUse);
}
