/**
 * One contract, both backends: what a route can observe of the store (rows, events and chat in order, uploads
 * with their types, display settings, deletion, the retention rule with its byte accounting, chat counts) is the same for
 * SQLite under DATA_DIR and for PostgreSQL. The Postgres run needs STRIX_TEST_DATABASE_URL (see the helper).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../../../tests/helpers/test-postgres';
import type { AnalyzeEvent } from '../../shared/analysis';
import type { NewResult, ResultStore } from './backend';
import { migrate } from './migrate';
import { postgresStore } from './pg-store';
import { sqliteStore } from './sqlite-store';

let png: Uint8Array;
let counter = 0;
/** 22 characters, as ResultIdSchema wants; increasing, so the test reads in creation order. */
const newId = () => `contract${String(++counter).padStart(14, '0')}`;

const done = (id: string): AnalyzeEvent => ({ type: 'done', resultId: id, totalMs: 1 });

function result(id: string, overrides: Partial<NewResult> = {}): NewResult {
  return {
    id,
    createdAt: new Date(Date.now() + counter),
    sceneJson: '{"tags":[]}',
    events: [done(id)],
    uploads: { image: png },
    ...overrides,
  };
}

beforeAll(async () => {
  // Random pixels do not compress: about 12 kB, so the uploads dominate the byte accounting, as in real use.
  png = new Uint8Array(
    await sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer(),
  );
});

function contract(name: string, open: () => Promise<{ store: ResultStore; teardown: () => Promise<void> }>) {
  describe(`result store contract: ${name}`, () => {
    let store: ResultStore;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ store, teardown } = await open()));
    afterAll(() => teardown());

    it('reads back what was stored: events and chat in order, uploads with their types, display', async () => {
      const id = newId();
      const events: AnalyzeEvent[] = [{ type: 'image', width: 8, height: 8, hash: 'h' }, done(id)];
      await store.insertResult(result(id, { imageName: 'dog.png', events }));
      expect(
        await store.appendChatTurns(id, [
          { role: 'user', content: 'q1' },
          { role: 'assistant', content: 'a1', source: 's', links: [] },
        ]),
      ).toBe(true);
      expect(await store.appendEvents(id, [{ type: 'error', code: 'c', message: 'm' }])).toBe(true);
      expect(await store.setDisplay(id, { scoreThreshold: 0.4, maskOpacity: 0.5 })).toBe(true);
      const read = await store.readStoredResult(id);
      expect(read).toMatchObject({
        id,
        imageName: 'dog.png',
        imageUrl: `/api/results/${id}/image`,
        audioUrl: undefined,
        display: { scoreThreshold: 0.4, maskOpacity: 0.5 },
      });
      expect(read?.events.map((e) => e.type)).toEqual(['image', 'done', 'error']);
      expect(read?.chat.map((t) => t.content)).toEqual(['q1', 'a1']);
      const upload = await store.readUpload(id, 'image');
      expect(upload?.contentType).toBe('image/png');
      expect(Buffer.from(upload!.bytes).equals(Buffer.from(png))).toBe(true);
      expect(await store.readUpload(id, 'audio')).toBeUndefined();
    });

    it('updates the scene JSON and answers unknown ids with false / undefined', async () => {
      const id = newId();
      await store.insertResult(result(id));
      await store.updateSceneJson(id, '{"tags":["new"]}');
      expect(await store.readSceneJson(id)).toBe('{"tags":["new"]}');
      const unknown = newId();
      expect(await store.resultExists(unknown)).toBe(false);
      expect(await store.appendEvents(unknown, [done(unknown)])).toBe(false);
      expect(await store.appendChatTurns(unknown, [])).toBe(false);
      expect(await store.setDisplay(unknown, { scoreThreshold: 0.1, maskOpacity: 0.1 })).toBe(false);
      expect(await store.readStoredResult(unknown)).toBeUndefined();
      expect(await store.readSceneJson(unknown)).toBeUndefined();
    });

    it('deletes a result with its uploads, once', async () => {
      const id = newId();
      await store.insertResult(result(id));
      expect(await store.deleteResult(id)).toBe(true);
      expect(await store.deleteResult(id)).toBe(false);
      expect(await store.resultExists(id)).toBe(false);
      expect(await store.readUpload(id, 'image')).toBeUndefined();
    });

    it('retention: oldest first by count and by bytes (uploads + JSON), never the newest', async () => {
      const ids = [newId(), newId(), newId()];
      for (const id of ids) await store.insertResult(result(id));
      const all = await store.idsOverRetention(1000, Number.MAX_SAFE_INTEGER);
      expect(all).toEqual([]);
      const byCount = await store.idsOverRetention(2, Number.MAX_SAFE_INTEGER);
      expect(byCount).toContain(ids[0]);
      expect(byCount).not.toContain(ids[1]);
      // Each result is the PNG plus its JSON: a bound of one and a half results keeps only the newest.
      expect(await store.idsOverRetention(1000, png.byteLength * 1.5)).toEqual(
        expect.arrayContaining([ids[0], ids[1]]),
      );
      expect(await store.idsOverRetention(1000, 1)).not.toContain(ids[2]);
      // Appended chat counts: a long turn pushes its result over a bound it fitted before.
      const fits = png.byteLength * 2 + 1000;
      expect(await store.idsOverRetention(1000, fits)).not.toContain(ids[1]);
      await store.appendChatTurns(ids[2], [{ role: 'user', content: 'x'.repeat(png.byteLength) }]);
      expect(await store.idsOverRetention(1000, fits)).toContain(ids[1]);
    });

    it('retention keeps the result in use, and counts its chat turns', async () => {
      const ids = [newId(), newId()];
      for (const id of ids) await store.insertResult(result(id));
      expect(await store.idsOverRetention(1, 1)).toContain(ids[0]);
      expect(await store.idsOverRetention(1, 1, ids[0])).not.toContain(ids[0]);
      expect(await store.countChatTurns(ids[0])).toBe(0);
      await store.appendChatTurns(ids[0], [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a', source: 's', links: [] },
      ]);
      expect(await store.countChatTurns(ids[0])).toBe(2);
      expect(await store.countChatTurns(newId())).toBe(0);
    });
  });
}

contract('SQLite under DATA_DIR', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-contract-'));
  const previous = process.env.DATA_DIR;
  process.env.DATA_DIR = dir;
  const store = sqliteStore();
  return {
    store,
    teardown: async () => {
      await store.close();
      process.env.DATA_DIR = previous;
      if (previous === undefined) delete process.env.DATA_DIR;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

if (postgresAvailable()) {
  contract('PostgreSQL', async () => {
    const db = await createTestDatabase('strix_contract');
    const store = postgresStore(db.url);
    return {
      store,
      teardown: async () => {
        await store.close();
        await db.drop();
      },
    };
  });

  it('PostgreSQL migrations run once, even from replicas starting together', async () => {
    const db = await createTestDatabase('strix_migrate');
    const pools = [new pg.Pool({ connectionString: db.url }), new pg.Pool({ connectionString: db.url })];
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.flat()).toEqual(['001-results']);
      expect(await migrate(pools[0])).toEqual([]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await db.drop();
    }
  });
}
