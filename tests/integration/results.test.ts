/**
 * Results that last, through the route handlers on real models: an analysis and a chat turn are stored, survive a
 * restart (hot cache dropped, database closed and reopened), are served back (JSON, image, sound) and deleted;
 * bad, unknown and path-traversal ids are clean 404s. A temporary DATA_DIR keeps the test's files apart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import { POST as chat } from '@/app/api/chat/route';
import { DELETE as deleteResult, GET as getResult } from '@/app/api/results/[id]/route';
import { GET as getImage } from '@/app/api/results/[id]/image/route';
import { GET as getAudio } from '@/app/api/results/[id]/audio/route';
import { PUT as putDisplay } from '@/app/api/results/[id]/display/route';
import { POST as postPoints } from '@/app/api/results/[id]/points/route';
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';
import { analyzeForm } from '../helpers/analyze-route';
import { ChatEventSchema } from '@/lib/shared/chat';
import { StoredResultSchema } from '@/lib/shared/result';
import { closeResultsDb } from '@/lib/server/store/db';
import { forgetHotScenes, newResultId } from '@/lib/server/results';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples');
const IMAGE = fs.readFileSync(path.join(SAMPLES, 'images/06_savanna_giraffes_zebras.jpg'));
const SOUND = fs.readFileSync(path.resolve(process.cwd(), 'tests/fixtures/audio/tone_440hz_1s.opus'));
let dataDir = '';

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (id: string, tail = '') => `http://localhost/api/results/${encodeURIComponent(id)}${tail}`;

function restart(): void {
  forgetHotScenes();
  closeResultsDb();
}

async function ask(resultId: string, question: string) {
  const response = await chat(
    new Request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resultId, messages: [{ role: 'user', content: question }] }),
    }),
  );
  if (response.status !== 200) return { status: response.status, text: '' };
  const events = (await response.text())
    .trim()
    .split('\n')
    .map((line) => ChatEventSchema.parse(JSON.parse(line)));
  return { status: 200, text: events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('') };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-results-'));
  process.env.DATA_DIR = dataDir;
  // The grounded-answer test's fake endpoint listens on loopback, which the operator must allow.
  process.env.STRIX_ENDPOINT_HOSTS = '127.0.0.1';
});

afterAll(() => {
  restart();
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
  delete process.env.STRIX_ENDPOINT_HOSTS;
});

describe('stored results', () => {
  let id = '';
  let streamed: AnalyzeEvent[] = [];

  it('stores an analysis with its image and sound, and serves them back', async () => {
    const form = new FormData();
    form.append('image', new File([IMAGE], 'savanna.jpg', { type: 'image/jpeg' }));
    form.append('audio', new File([SOUND], 'tone.opus'));
    ({ id, events: streamed } = await analyzeForm(form));
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const raw = await (await getResult(new Request(url(id)), context(id))).json();
    expect(raw.events).toEqual(streamed); // exactly what was streamed, nothing the pipeline added later
    const stored = StoredResultSchema.parse(raw);
    expect(stored).toMatchObject({
      id,
      imageName: 'savanna.jpg',
      imageUrl: `/api/results/${id}/image`,
      audioUrl: `/api/results/${id}/audio`,
      chat: [],
    });

    const image = await getImage(new Request(url(id, '/image')), context(id));
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await image.arrayBuffer()).equals(IMAGE)).toBe(true);
    const audio = await getAudio(new Request(url(id, '/audio')), context(id));
    expect(audio.headers.get('content-type')).toBe('audio/ogg');
    expect(fs.existsSync(path.join(dataDir, 'results', id, 'image.jpg'))).toBe(true);
  });

  it('keeps chat turns with their source and links, and answers after a restart', async () => {
    const first = await ask(id, 'How many zebras are there?');
    expect(first.status).toBe(200);
    restart();
    const second = await ask(id, 'How many zebras are there?'); // the scene is rebuilt from disk
    expect(second).toEqual(first);
    const stored = StoredResultSchema.parse(await (await getResult(new Request(url(id)), context(id))).json());
    expect(stored.chat.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(stored.chat[1]).toMatchObject({ content: first.text, source: expect.stringMatching(/built-in/i) });
    expect(stored.chat[1].links?.length).toBeGreaterThan(0);
    expect(stored.events).toEqual(streamed);
  });

  it('stores the entities an endpoint grounded during an answer, with their masks', async () => {
    const block = '```json\n[{"bbox_2d": [100, 100, 220, 200], "label": "termite mound"}]\n```';
    const fake = await startFakeOpenAIServer({ kind: 'stream', tokens: ['A termite mound.\n\n', block] });
    try {
      const source = { kind: 'endpoint', baseUrl: fake.url, model: 'fake-model', grounding: true };
      const response = await chat(
        new Request('http://localhost/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ resultId: id, messages: [{ role: 'user', content: 'What else?' }], source }),
        }),
      );
      await response.text();
    } finally {
      await fake.close();
    }
    restart();
    const stored = StoredResultSchema.parse(await (await getResult(new Request(url(id)), context(id))).json());
    const grounded = stored.events.find((e) => e.type === 'entity' && e.entity.source === 'endpoint: fake-model');
    expect(grounded?.type === 'entity' && grounded.entity.label).toBe('termite mound');
    expect(
      stored.events.some((e) => e.type === 'mask' && grounded?.type === 'entity' && e.entityId === grounded.entity.id),
    ).toBe(true);
    expect(stored.chat.at(-1)).toMatchObject({ role: 'assistant', source: expect.stringContaining('fake-model') });
    expect((await ask(id, 'Is there a termite mound?')).text).toMatch(/termite mound/i); // the rebuilt scene has it
  });

  it('saves display settings, and refuses bad ones', async () => {
    const put = (body: unknown) =>
      putDisplay(
        new Request(url(id, '/display'), {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        context(id),
      );
    expect((await put({ scoreThreshold: 0.45, maskOpacity: 0.6 })).status).toBe(204);
    expect((await put({ scoreThreshold: 2, maskOpacity: 0.6 })).status).toBe(400);
    restart();
    const stored = StoredResultSchema.parse(await (await getResult(new Request(url(id)), context(id))).json());
    expect(stored.display).toEqual({ scoreThreshold: 0.45, maskOpacity: 0.6 });
  });

  it('carries the conversation to the same photo analysed again, linked only to entities still there', async () => {
    const again = async (chatFrom: string) => {
      const form = new FormData();
      form.append('image', new File([IMAGE], 'savanna.jpg', { type: 'image/jpeg' }));
      form.append('audio', new File([SOUND], 'tone.opus'));
      form.append('chatFrom', chatFrom);
      return analyze(new Request('http://localhost/api/analyze', { method: 'POST', body: form }));
    };
    expect((await again('not-a-result')).status).toBe(400);
    const lines = (await (await again(id)).text()).trim().split('\n');
    const done = AnalyzeEventSchema.parse(JSON.parse(lines.at(-1)!));
    const newId = done.type === 'done' ? done.resultId : '';
    expect(newId).not.toBe(id);
    const before = StoredResultSchema.parse(await (await getResult(new Request(url(id)), context(id))).json());
    const after = StoredResultSchema.parse(await (await getResult(new Request(url(newId)), context(newId))).json());
    expect(after.chat.map((t) => t.content)).toEqual(before.chat.map((t) => t.content));
    const labels = new Map(
      after.events.flatMap((e) => (e.type === 'entity' ? [[e.entity.id, e.entity.label] as const] : [])),
    );
    const oldLabels = new Map(
      before.events.flatMap((e) => (e.type === 'entity' ? [[e.entity.id, e.entity.label] as const] : [])),
    );
    const kept = after.chat.flatMap((t) => t.links ?? []).flatMap((span) => span.entityIds);
    expect(kept.length).toBeGreaterThan(0); // the zebra count's links survive: same photo, same entities
    for (const entityId of kept) expect(labels.get(entityId)).toBe(oldLabels.get(entityId));
    // The endpoint-grounded termite mound is not part of the new analysis: its phrase is plain text now.
    const mound = before.events.find((e) => e.type === 'entity' && e.entity.label === 'termite mound');
    expect(mound?.type === 'entity' && kept.includes(mound.entity.id)).toBe(false);
    expect((await ask(newId, 'And how many giraffes?')).status).toBe(200);
  });

  it.each([
    ['a malformed id', 'nope'],
    ['a path-traversal id', '../../../../etc/passwd'],
    ['an encoded traversal of id length', '..%2F..%2F..%2Fetc%2Fpass'],
    ['an unknown well-formed id', newResultId()],
  ])('answers %s with a clean JSON 404 on every route', async (_name, bad) => {
    const responses = [
      await getResult(new Request(url(bad)), context(bad)),
      await deleteResult(new Request(url(bad), { method: 'DELETE' }), context(bad)),
      await getImage(new Request(url(bad, '/image')), context(bad)),
      await getAudio(new Request(url(bad, '/audio')), context(bad)),
      await putDisplay(
        new Request(url(bad, '/display'), {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scoreThreshold: 0.3, maskOpacity: 0.5 }),
        }),
        context(bad),
      ),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'unknown_result' } });
    }
  });

  it('stores a sound analysed alone, which has no image to serve or point at', async () => {
    const form = new FormData();
    form.append('audio', new File([SOUND], 'tone.opus'));
    const lines = (
      await (await analyze(new Request('http://localhost/api/analyze', { method: 'POST', body: form }))).text()
    )
      .trim()
      .split('\n');
    const done = AnalyzeEventSchema.parse(JSON.parse(lines.at(-1)!));
    const soundId = done.type === 'done' ? done.resultId : '';
    restart();
    const stored = StoredResultSchema.parse(
      await (await getResult(new Request(url(soundId)), context(soundId))).json(),
    );
    expect(stored.imageUrl).toBeUndefined();
    expect(stored.events.some((e) => e.type === 'audio')).toBe(true);
    expect((await getAudio(new Request(url(soundId, '/audio')), context(soundId))).status).toBe(200);
    expect((await getImage(new Request(url(soundId, '/image')), context(soundId))).status).toBe(404);
    const points = await postPoints(
      new Request(url(soundId, '/points'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ points: [{ x: 0, y: 0, positive: true }] }),
      }),
      context(soundId),
    );
    expect(points.status).toBe(409);
    expect((await ask(soundId, 'What do you hear?')).status).toBe(200);
  });

  it('deletes a result with its files; it is then unknown everywhere', async () => {
    expect((await deleteResult(new Request(url(id), { method: 'DELETE' }), context(id))).status).toBe(204);
    expect((await getResult(new Request(url(id)), context(id))).status).toBe(404);
    expect((await getImage(new Request(url(id, '/image')), context(id))).status).toBe(404);
    expect((await ask(id, 'How many zebras are there?')).status).toBe(404);
    expect(fs.existsSync(path.join(dataDir, 'results', id))).toBe(false);
  });
});
