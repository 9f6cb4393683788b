/**
 * A result stores a ≤ 1024 px copy of a big photo, and what questions compute from that copy comes back in the
 * original photo's pixels: text read at question time, and SAM masks for boxes an endpoint proposes.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as chat } from '@/app/api/chat/route';
import { analyzeForm } from '../helpers/analyze-route';
import { ChatEventSchema, type ChatEvent } from '@/lib/shared/chat';
import { decodeRle, maskStats } from '@/lib/shared/rle';
import { loadResult } from '@/lib/server/results';
import { readText } from '@/lib/models/ppocr';
import { decodeImage } from '@/lib/image/decode';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../helpers/fake-openai-server';

const STREET = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images', '08_street_horse_cart_cars.jpg');
const [W, H] = [2048, 1536]; // twice the sample's 1024×768

async function chatEvents(body: object): Promise<ChatEvent[]> {
  const response = await chat(
    new Request('http://localhost/api/chat', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
  expect(response.status).toBe(200);
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => ChatEventSchema.parse(JSON.parse(line)));
}

let server: FakeOpenAIServer | undefined;
const savedHosts = process.env.STRIX_ENDPOINT_HOSTS;
afterAll(async () => {
  await server?.close();
  process.env.STRIX_ENDPOINT_HOSTS = savedHosts;
});

describe('a big photo’s stored result', () => {
  let resultId = '';

  it('keeps a 1024 px copy and the original size', async () => {
    const jpeg = await sharp(STREET).resize(W, H).jpeg({ quality: 92 }).toBuffer();
    const form = new FormData();
    form.append('image', new File([jpeg], 'street.jpg', { type: 'image/jpeg' }));
    ({ id: resultId } = await analyzeForm(form));
    const scene = (await loadResult(resultId))!;
    expect([scene.image?.width, scene.image?.height]).toEqual([1024, 768]);
    expect(scene.imageSize).toEqual({ width: W, height: H });
  });

  it('reads text from the copy and reports its boxes in the original’s pixels', async () => {
    const events = await chatEvents({ resultId, messages: [{ role: 'user', content: 'What does the sign say?' }] });
    const text = events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
    expect(text).toMatch(/"[^"]*\bAcabamento\b[^"]*"/); // the sign's lines read as one text
    const sign = (await loadResult(resultId))!.texts!.find((t) => t.text.includes('Acabamento'))!;
    // The same words read on the 1024 px sample itself, at half this photo's scale: the boxes must agree ×2.
    const small = (await readText(await decodeImage(new Uint8Array(fs.readFileSync(STREET))))).find((t) =>
      t.text.includes('Acabamento'),
    )!;
    sign.box.forEach((v, i) => expect(Math.abs(v - 2 * small.box[i])).toBeLessThan(12));
  });

  it('segments a box an endpoint proposes into a mask at the original size, inside the box', async () => {
    // The endpoint sees the 1024 px copy and answers in its pixels: a box around the left half of the picture.
    const block = '```json\n[{"bbox_2d": [0, 300, 500, 760], "label": "street"}]\n```';
    server = await startFakeOpenAIServer({ kind: 'stream', tokens: ['Here it is.\n\n', block] });
    process.env.STRIX_ENDPOINT_HOSTS = '127.0.0.1';
    const source = { kind: 'endpoint', baseUrl: server.url, model: 'fake', grounding: true };
    const events = await chatEvents({
      resultId,
      messages: [{ role: 'user', content: 'Where is the street?' }],
      source,
    });
    const grounded = events.find((e) => e.type === 'grounded');
    expect(grounded?.type === 'grounded' && grounded.boxes[0].box.map(Math.round)).toEqual([0, 600, 1000, 920]);
    const mask = events.find((e) => e.type === 'mask');
    expect(mask?.type).toBe('mask');
    if (mask?.type !== 'mask') return;
    expect(mask.mask.rle.size).toEqual([H, W]);
    const { area, bbox } = maskStats(decodeRle(mask.mask.rle), H, W);
    expect(area).toBe(mask.mask.area);
    expect(area).toBeGreaterThan(0);
    // Inside the box grown by the 15% margin SAM masks may use.
    expect(bbox[0]).toBeGreaterThanOrEqual(0);
    expect(bbox[1]).toBeGreaterThanOrEqual(600 - 0.15 * 920 - 1);
    expect(bbox[0] + bbox[2]).toBeLessThanOrEqual(1000 * 1.15 + 1);
  });
});
