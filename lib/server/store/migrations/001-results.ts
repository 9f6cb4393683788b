/**
 * The first schema: the SQLite tables (db.ts) in PostgreSQL, plus the uploads as bytea so that every replica
 * reads them from the database and no machine needs a shared volume. `seq` orders results made in the same ms.
 */
export const version = '001-results';

export const sql = `
CREATE TABLE results (
  id TEXT PRIMARY KEY,
  seq BIGSERIAL,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  image_name TEXT,
  has_image BOOLEAN NOT NULL,
  has_audio BOOLEAN NOT NULL,
  scene TEXT NOT NULL,
  display TEXT,
  bytes BIGINT NOT NULL
);
CREATE INDEX results_by_age ON results (created_ms DESC, seq DESC);
CREATE TABLE result_events (
  seq BIGSERIAL PRIMARY KEY,
  result_id TEXT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
CREATE INDEX result_events_by_result ON result_events (result_id, seq);
CREATE TABLE chat_turns (
  seq BIGSERIAL PRIMARY KEY,
  result_id TEXT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
CREATE INDEX chat_turns_by_result ON chat_turns (result_id, seq);
CREATE TABLE result_uploads (
  result_id TEXT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio')),
  content_type TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (result_id, kind)
);
`;
