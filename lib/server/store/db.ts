/**
 * The SQLite file that keeps results across restarts (`${DATA_DIR}/strix.db`, better-sqlite3). One result row
 * holds what is set once (files, scene, display settings); its analysis events and chat turns are rows of their
 * own, appended in order, so a chat turn or a user's entity is one INSERT rather than a rewrite of the result.
 * `bytes` is what the result costs on disk (files + JSON), kept up to date for retention by size.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { dataDir } from '../stored-files';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS results (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  image_name TEXT,
  has_image INTEGER NOT NULL,
  has_audio INTEGER NOT NULL,
  scene TEXT NOT NULL,
  display TEXT,
  bytes INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS results_by_age ON results (created_ms);
CREATE TABLE IF NOT EXISTS result_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  result_id TEXT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS result_events_by_result ON result_events (result_id, seq);
CREATE TABLE IF NOT EXISTS chat_turns (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  result_id TEXT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chat_turns_by_result ON chat_turns (result_id, seq);
`;

type DbHolder = { __strixResultsDb?: { db: Database.Database; file: string } };
const holder = globalThis as typeof globalThis & DbHolder;

/** The process's connection (on globalThis so route modules and dev reloads share it), opened on first use. */
export function resultsDb(): Database.Database {
  const file = path.join(dataDir(), 'strix.db');
  // A changed DATA_DIR (tests use one per file) opens the new store.
  if (holder.__strixResultsDb?.file === file) return holder.__strixResultsDb.db;
  closeResultsDb();
  const db = new Database(file);
  db.pragma('journal_mode = WAL'); // readers do not wait for the writer
  db.pragma('foreign_keys = ON'); // deleting a result deletes its events and chat
  db.exec(SCHEMA);
  holder.__strixResultsDb = { db, file };
  return db;
}

/** Closes the connection; the next call reopens it, as after a restart. */
export function closeResultsDb(): void {
  holder.__strixResultsDb?.db.close();
  holder.__strixResultsDb = undefined;
}
