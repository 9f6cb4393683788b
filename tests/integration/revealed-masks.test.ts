/**
 * Masks on demand through the route handlers on real models: the analysis cuts masks only for the things shown at
 * the default threshold; POST /api/results/<id>/masks cuts a weaker thing's mask from the cached embedding, keeps
 * it with the stored result (also after a restart), returns the stored mask of a thing that had one, and refuses
 * what it cannot mask.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getResult } from '@/app/api/results/[id]/route';
import { POST as postMasks } from '@/app/api/results/[id]/masks/route';
import type { AnalyzeEvent, Entity } from '@/lib/shared/analysis';
import { analyzeForm, sampleImageForm, withTempDataDir } from '../helpers/analyze-route';
import { EntityMasksResponseSchema } from '@/lib/shared/entity-masks';
import { StoredResultSchema } from '@/lib/shared/result';
import { DEFAULT_THRESHOLD } from '@/lib/analysis/calibration';
import { insideShare } from '@/lib/shared/box';
import { closeResultsDb } from '@/lib/server/store/db';
import { forgetHotScenes, newResultId } from '@/lib/server/results';

let id = '';
let events: AnalyzeEvent[] = [];

const context = (resultId: string) => ({ params: Promise.resolve({ id: resultId }) });
const askMasks = (resultId: string, body: unknown) =>
  postMasks(
    new Request(`http://localhost/api/results/${resultId}/masks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    context(resultId),
  );
const entities = () => events.flatMap((e) => (e.type === 'entity' ? [e.entity] : []));
const streamedMask = (entity: Entity) => events.find((e) => e.type === 'mask' && e.entityId === entity.id);
const things = () => entities().filter((e) => e.kind === 'thing');

withTempDataDir('strix-revealed-');
beforeAll(async () => {
  ({ id, events } = await analyzeForm(sampleImageForm('06_savanna_giraffes_zebras.jpg')));
});

describe('masks on demand', () => {
  it('the analysis masks the things shown by default and leaves the weaker ones for later', () => {
    const shown = things().filter((e) => (e.score ?? 0) >= DEFAULT_THRESHOLD);
    const weak = things().filter((e) => (e.score ?? 0) < DEFAULT_THRESHOLD);
    expect(shown.length).toBeGreaterThan(0);
    expect(weak.length).toBeGreaterThan(0);
    for (const entity of shown) expect(streamedMask(entity)).toBeDefined();
    for (const entity of weak) expect(streamedMask(entity)).toBeUndefined();
  });

  it('cuts a weaker thing’s mask inside its box, keeps it stored, and returns a shown thing’s own mask', async () => {
    const weak = things().find((e) => (e.score ?? 0) < DEFAULT_THRESHOLD)!;
    const shown = things().find((e) => (e.score ?? 0) >= DEFAULT_THRESHOLD)!;
    const response = await askMasks(id, { entityIds: [weak.id, shown.id] });
    expect(response.status).toBe(200);
    const answer = EntityMasksResponseSchema.parse(await response.json());
    const [weakMask, shownMask] = answer.events;
    expect(weakMask).toMatchObject({ type: 'mask', entityId: weak.id });
    expect(weakMask.type === 'mask' && weakMask.mask.area).toBeGreaterThan(0);
    // SAM keeps to the box it is prompted with (the working region is the box plus 15 % margins).
    expect(weakMask.type === 'mask' && insideShare(weakMask.mask.bbox, weak.box)).toBeGreaterThan(0.7);
    expect(shownMask).toEqual(streamedMask(shown));

    forgetHotScenes();
    closeResultsDb();
    const stored = StoredResultSchema.parse(
      await (await getResult(new Request(`http://localhost/api/results/${id}`), context(id))).json(),
    );
    expect(stored.events.at(-1)).toEqual(weakMask);
    // Asked again, the stored mask comes back and nothing more is stored.
    const again = EntityMasksResponseSchema.parse(await (await askMasks(id, { entityIds: [weak.id] })).json());
    expect(again.events).toEqual([weakMask]);
  });

  it('refuses a region: the segmenter’s regions come with their masks', async () => {
    const region = entities().find((e) => e.kind === 'stuff');
    expect(region).toBeDefined();
    const response = await askMasks(id, { entityIds: [region!.id] });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('not_maskable');
  });

  it.each([
    ['an unknown result', () => newResultId(), { entityIds: ['e1'] }, 404, 'unknown_result'],
    ['an unknown entity', () => id, { entityIds: ['e999'] }, 400, 'unknown_entity'],
    ['no ids', () => id, { entityIds: [] }, 400, undefined],
    ['a body that is no JSON', () => id, '{', 400, undefined],
  ])('refuses %s', async (_name, resultId, body, status, code) => {
    const response = await askMasks(resultId(), body);
    expect(response.status).toBe(status);
    if (code) expect((await response.json()).error.code).toBe(code);
  });
});
