import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchStoredResult, keepPointEntity, previewPointMask } from './resultsApi';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';
const stored = {
  id: ID,
  createdAt: '2026-01-01T00:00:00Z',
  events: [{ type: 'done', resultId: ID, totalMs: 5 }],
  chat: [],
};

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('stored-result client', () => {
  it('validates a stored result', async () => {
    answer(200, stored);
    const loaded = await fetchStoredResult(ID);
    expect(loaded.ok && loaded.value.events).toHaveLength(1);
  });

  it('tells "not found" apart from other failures, with the server message', async () => {
    answer(404, { error: { code: 'not_found', message: 'No such result' } });
    expect(await fetchStoredResult(ID)).toEqual({
      ok: false,
      notFound: true,
      status: 404,
      error: { code: 'not_found', message: 'No such result' },
    });
    answer(500, 'oops');
    const failed = await fetchStoredResult(ID);
    expect(failed.ok === false && [failed.notFound, failed.error.code]).toEqual([false, 'http_500']);
  });

  it('refuses an answer that does not match the contract', async () => {
    answer(200, { ...stored, events: [{ type: 'nonsense' }] });
    const loaded = await fetchStoredResult(ID);
    expect(loaded.ok === false && loaded.error.code).toBe('bad_response');
  });

  it('posts points and a new entity as JSON to the result routes', async () => {
    const mask = { rle: { size: [2, 2], counts: [1, 3] }, bbox: [0, 0, 2, 2], area: 3 };
    answer(200, { mask });
    const preview = await previewPointMask(ID, [{ x: 1, y: 1, positive: true }]);
    expect(preview.ok && preview.value.mask.area).toBe(3);
    const call = vi.mocked(fetch).mock.calls[0];
    expect(call[0]).toBe(`/api/results/${ID}/points`);
    expect(JSON.parse(String(call[1]?.body))).toEqual({ points: [{ x: 1, y: 1, positive: true }] });

    answer(409, { error: { code: 'superseded', message: 'A newer request replaced this one' } });
    const superseded = await previewPointMask(ID, []);
    expect(superseded.ok === false && superseded.status).toBe(409);

    answer(200, { events: [{ type: 'error', code: 'x', message: 'y' }] });
    const kept = await keepPointEntity(ID, 'cup', [{ x: 1, y: 1, positive: true }]);
    expect(kept.ok && kept.value.events[0].type).toBe('error');
  });
});
