/**
 * Citations and box conventions through the real streaming client, against the scripted local server playing
 * an Ollama-like and a vLLM-like endpoint, done right and done wrong.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answerWithFallback, type AnswerEvent, type OwnLinksEvent } from '@/lib/answer/answer-with-fallback';
import { streetScene } from '@/lib/scene/test-fixtures';
import type { AnswerSource, ChatMessage } from '@/lib/shared/chat';
import {
  endpointSource,
  startFakeOpenAIServer,
  type FakeBehaviour,
  type FakeOpenAIServer,
} from '../helpers/fake-openai-server';

const QUESTION: ChatMessage[] = [{ role: 'user', content: 'What is in the image?' }];
const SENT = { dataUrl: 'data:image/jpeg;base64,/9j/AAAA', width: 120, height: 90 };
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ask(behaviour: FakeBehaviour, extra: Partial<Extract<AnswerSource, { kind: 'endpoint' }>> = {}) {
  server = await startFakeOpenAIServer(behaviour);
  const events: AnswerEvent[] = [];
  for await (const e of answerWithFallback({
    source: endpointSource(server.url, extra),
    scene: streetScene(),
    messages: QUESTION,
    image: SENT,
    idleTimeoutMs: 200,
    firstTokenTimeoutMs: 500,
  }))
    events.push(e);
  const text = events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
  const own = events.find((e): e is OwnLinksEvent => e.type === 'own-links')!;
  return { events, text, own, links: own.spans.map((s) => [text.slice(s.start, s.end), s.entityIds, s.method]) };
}

const CITING = ['I see [the red', ' car](e', '1) and [two peo', 'ple](e2, e3) near [a dragon](e42).'];

describe('an endpoint that cites entity ids', () => {
  it('vLLM-like (split SSE lines): markup stripped while streaming, citations become instance links', async () => {
    const { text, own, links, events } = await ask({ kind: 'stream', tokens: CITING, splitMidLine: true });
    expect(text).toBe('I see the red car and two people near a dragon.');
    expect(events.filter((e) => e.type === 'token').every((e) => !/[[\]()]/.test((e as { text: string }).text))).toBe(
      true,
    );
    expect(links).toEqual([
      ['the red car', ['e1'], 'cited'],
      ['two people', ['e2', 'e3'], 'cited'],
    ]);
    expect(own.matchUpTo).toBe(text.length); // uncited text is still the matcher's to link
  });

  it('Ollama-like (non-streamed JSON reply): same result', async () => {
    const { text, links } = await ask({ kind: 'json', content: CITING.join('') });
    expect(text).toBe('I see the red car and two people near a dragon.');
    expect(links.map((l) => l[0])).toEqual(['the red car', 'two people']);
  });

  it('is asked to cite, with the ids it may use', async () => {
    await ask({ kind: 'stream', tokens: ['ok'] });
    const system = server!.requests[0].body.messages[0].content as string;
    expect(system).toContain('[the red car](e3)');
    expect(system).toMatch(/- e1: car, 0\.90/);
  });

  it('done wrong: a stall inside a citation falls back; the half citation is never shown', async () => {
    const { text, events, own } = await ask({
      kind: 'stream',
      tokens: ['The [red car', '](e1) is', ' here'],
      stallAfter: 1,
    });
    expect(events.some((e) => e.type === 'fallback')).toBe(true);
    expect(text).not.toContain('[red car');
    expect(own.matchUpTo).toBe('The '.length); // only the endpoint's part goes to the matcher
    expect(own.spans.every((s) => s.method === 'generated')).toBe(true);
  });

  it('done wrong: unterminated markup at the end is shown as written, not swallowed', async () => {
    const { text, links } = await ask({ kind: 'stream', tokens: ['See [the car](e1'] });
    expect(text).toBe('See [the car](e1');
    expect(links).toEqual([]);
  });
});

describe('grounding boxes in each convention', () => {
  const answer = (box: number[]) => [
    `The car.\n\`\`\`json\n[{"bbox_2d": [${box.join(', ')}], "label": "car"}]\n\`\`\``,
  ];
  const grounded = (events: AnswerEvent[]) =>
    events.find((e) => e.type === 'grounded') as Extract<AnswerEvent, { type: 'grounded' }>;

  it('Qwen3-VL 0–1000', async () => {
    const { events } = await ask(
      { kind: 'stream', tokens: answer([0, 500, 500, 1000]) },
      { grounding: true, boxFormat: 'qwen3-vl' },
    );
    expect(grounded(events).boxes[0].box).toEqual([0, 45, 60, 45]);
  });

  it('Qwen2.5-VL absolute pixels of its resized input (112 × 84 for a 120 × 90 image)', async () => {
    const { events } = await ask(
      { kind: 'stream', tokens: answer([0, 42, 56, 84]) },
      { grounding: true, boxFormat: 'qwen2.5-vl' },
    );
    expect(grounded(events).boxes[0].box).toEqual([0, 45, 60, 45]);
  });

  it('plain pixels', async () => {
    const { events } = await ask(
      { kind: 'stream', tokens: answer([0, 45, 60, 90]) },
      { grounding: true, boxFormat: 'pixels' },
    );
    expect(grounded(events).boxes[0].box).toEqual([0, 45, 60, 45]);
  });
});
