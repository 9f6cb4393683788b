/**
 * The shared backend: results in PostgreSQL (DATABASE_URL), uploads included as bytea (see migrations/), so any
 * number of web processes on any machines see the same results. The schema is brought up to date before the
 * first query. Multi-row writes are transactions, so a reader on another replica never sees half a result.
 */
import pg from 'pg';
import type { AnalyzeEvent } from '../../shared/analysis';
import type { StoredChatTurn, StoredResult } from '../../shared/result';
import { uploadContentType } from '../stored-files';
import { type NewResult, overRetention, type ResultStore, storedResultFromRow, type UploadKind } from './backend';
import { migrate } from './migrate';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

async function insertJsonRows(
  query: Query,
  table: 'result_events' | 'chat_turns',
  id: string,
  items: unknown[],
): Promise<number> {
  if (items.length === 0) return 0;
  const json = items.map((item) => JSON.stringify(item));
  // One statement for the whole list: unnest keeps the order of the array, and seq follows it.
  await query(
    `INSERT INTO ${table} (result_id, json) SELECT $1, j FROM unnest($2::text[]) WITH ORDINALITY AS t(j, n) ORDER BY n`,
    [id, json],
  );
  return json.reduce((sum, text) => sum + byteLength(text), 0);
}

export function postgresStore(connectionString: string): ResultStore {
  // A few connections per process: every query is short, and many replicas share the server's connection limit.
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL connection lost', error.message));
  const ready = migrate(pool);
  ready.catch(() => {}); // reported by the first query that waits for it

  async function transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await work((text, values) => client.query(text, values));
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const query: Query = async (text, values) => {
    await ready;
    return pool.query(text, values);
  };

  async function append(table: 'result_events' | 'chat_turns', id: string, items: unknown[]): Promise<boolean> {
    return transaction(async (q) => {
      // Locks the row, so a concurrent delete waits or has already happened.
      const found = await q('SELECT 1 FROM results WHERE id = $1 FOR UPDATE', [id]);
      if (found.rowCount === 0) return false;
      const bytes = await insertJsonRows(q, table, id, items);
      await q('UPDATE results SET bytes = bytes + $2 WHERE id = $1', [id, bytes]);
      return true;
    });
  }

  return {
    kind: 'postgres',
    insertResult: (result: NewResult) =>
      transaction(async (q) => {
        const { image, audio } = result.uploads;
        const fileBytes = (image?.byteLength ?? 0) + (audio?.byteLength ?? 0);
        await q(
          `INSERT INTO results (id, created_at, created_ms, image_name, has_image, has_audio, scene, bytes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            result.id,
            result.createdAt.toISOString(),
            result.createdAt.getTime(),
            result.imageName ?? null,
            Boolean(image),
            Boolean(audio),
            result.sceneJson,
            fileBytes + byteLength(result.sceneJson),
          ],
        );
        for (const [kind, bytes] of [
          ['image', image],
          ['audio', audio],
        ] as const) {
          if (!bytes) continue;
          await q('INSERT INTO result_uploads (result_id, kind, content_type, bytes) VALUES ($1, $2, $3, $4)', [
            result.id,
            kind,
            uploadContentType(kind, bytes),
            Buffer.from(bytes),
          ]);
        }
        const eventBytes = await insertJsonRows(q, 'result_events', result.id, result.events);
        await q('UPDATE results SET bytes = bytes + $2 WHERE id = $1', [result.id, eventBytes]);
      }),
    resultExists: async (id) => ((await query('SELECT 1 FROM results WHERE id = $1', [id])).rowCount ?? 0) > 0,
    appendEvents: (id, events: AnalyzeEvent[]) => append('result_events', id, events),
    appendChatTurns: (id, turns: StoredChatTurn[]) => append('chat_turns', id, turns),
    countChatTurns: async (id) =>
      Number((await query('SELECT count(*) AS n FROM chat_turns WHERE result_id = $1', [id])).rows[0].n),
    async updateSceneJson(id, json) {
      await query('UPDATE results SET bytes = bytes - octet_length(scene) + $2, scene = $3 WHERE id = $1', [
        id,
        byteLength(json),
        json,
      ]);
    },
    readSceneJson: async (id) => (await query('SELECT scene FROM results WHERE id = $1', [id])).rows[0]?.scene,
    setDisplay: async (id, display) =>
      ((await query('UPDATE results SET display = $2 WHERE id = $1', [id, JSON.stringify(display)])).rowCount ?? 0) > 0,
    async readStoredResult(id): Promise<StoredResult | undefined> {
      const row = (
        await query('SELECT id, created_at, image_name, has_image, has_audio, display FROM results WHERE id = $1', [id])
      ).rows[0];
      if (!row) return undefined;
      const [events, chat] = await Promise.all(
        (['result_events', 'chat_turns'] as const).map(async (table) =>
          (await query(`SELECT json FROM ${table} WHERE result_id = $1 ORDER BY seq`, [id])).rows.map((r) =>
            JSON.parse(r.json),
          ),
        ),
      );
      return storedResultFromRow(row, events, chat);
    },
    async readUpload(id, kind: UploadKind) {
      const row = (
        await query('SELECT content_type, bytes FROM result_uploads WHERE result_id = $1 AND kind = $2', [id, kind])
      ).rows[0];
      return row && { bytes: new Uint8Array(row.bytes), contentType: row.content_type };
    },
    deleteResult: async (id) => ((await query('DELETE FROM results WHERE id = $1', [id])).rowCount ?? 0) > 0,
    async idsOverRetention(maxCount, maxBytes, inUse) {
      const rows = (await query('SELECT id, bytes FROM results ORDER BY created_ms DESC, seq DESC')).rows;
      return overRetention(
        rows.map((r) => ({ id: r.id, bytes: Number(r.bytes) })),
        maxCount,
        maxBytes,
        inUse,
      );
    },
    async close() {
      await ready.catch(() => {});
      await pool.end();
    },
  };
}
