import { describe, expect, it } from 'vitest';
import { NdjsonLineError, readAnalyzeEvents, readLines } from './ndjson';
import type { AnalyzeEvent } from '@/lib/shared/analysis';

/** A byte stream that delivers `bytes` cut at the given offsets, to mimic arbitrary network chunking. */
function chunkedStream(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i >= bounds.length - 1) return controller.close();
      controller.enqueue(bytes.slice(bounds[i], bounds[i + 1]));
      i++;
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const events: AnalyzeEvent[] = [
  { type: 'image', width: 640, height: 427, hash: 'abc' },
  { type: 'stage', stage: 'decode', status: 'done', ms: 12 },
  { type: 'tags', tags: [{ label: 'café crème ☕', score: 0.8, source: 'yolox-nano (COCO classes)' }] },
  {
    type: 'entity',
    entity: {
      id: 'e0',
      label: 'truck',
      score: 0.91,
      box: [1, 2, 30, 40],
      color: { name: 'red', strong: '#d62728', light: '#ff9896' },
      source: 'yolox-nano',
      kind: 'thing',
    },
  },
  { type: 'done', resultId: 'r1', totalMs: 1234 },
];

describe('readAnalyzeEvents', () => {
  const text = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const bytes = new TextEncoder().encode(text);

  it('parses every event whatever the chunk boundaries, including inside multi-byte characters', async () => {
    const multiByteAt = bytes.findIndex((b) => b >= 0x80); // first byte of "é": cut right after it
    const cutSets = [[], [1], [multiByteAt + 1, multiByteAt + 2], Array.from({ length: bytes.length }, (_, k) => k)];
    for (const cuts of cutSets) {
      expect(await collect(readAnalyzeEvents(chunkedStream(bytes, cuts)))).toEqual(events);
    }
  });

  it('accepts a last line without a trailing newline, CRLF endings and blank lines', async () => {
    const crlf = new TextEncoder().encode(events.map((e) => JSON.stringify(e)).join('\r\n\r\n'));
    expect(await collect(readAnalyzeEvents(chunkedStream(crlf, [7, 50, 51])))).toEqual(events);
  });

  it('names the line number and reason for a line that is not JSON', async () => {
    const bad = new TextEncoder().encode(`${JSON.stringify(events[0])}\n{"type":"stage",oops\n`);
    const error = await collect(readAnalyzeEvents(chunkedStream(bad, [10]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NdjsonLineError);
    expect((error as NdjsonLineError).lineNumber).toBe(2);
    expect((error as Error).message).toMatch(/not JSON/);
  });

  it('rejects JSON that does not match the schema, naming the field', async () => {
    const bad = new TextEncoder().encode('{"type":"done","resultId":7,"totalMs":1}\n');
    await expect(collect(readAnalyzeEvents(chunkedStream(bad, [])))).rejects.toThrow(/resultId/);
  });

  it('readLines skips whitespace-only lines', async () => {
    const lines = await collect(readLines(chunkedStream(new TextEncoder().encode('a\n  \nb'), [2])));
    expect(lines).toEqual(['a', 'b']);
  });
});
