/**
 * Reads an NDJSON response body (one JSON value a line) as it streams, so the UI can draw boxes while the
 * server is still segmenting. Every line of /api/analyze is validated against the shared zod schema: a
 * malformed line means client and server disagree about the contract, and that must surface loudly.
 */
import { AnalyzeEventSchema, type AnalyzeEvent } from '@/lib/shared/analysis';

export class NdjsonLineError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly line: string,
    reason: string,
  ) {
    super(`Bad line ${lineNumber} in the analysis stream: ${reason} — ${line.slice(0, 120)}`);
    this.name = 'NdjsonLineError';
  }
}

/** Yields each non-empty line of a UTF-8 byte stream, however the bytes were split into chunks. */
export async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  // stream: true keeps a multi-byte character that straddles two chunks intact.
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).replace(/\r$/, '');
        buffered = buffered.slice(newline + 1);
        if (line.trim()) yield line;
        newline = buffered.indexOf('\n');
      }
    }
    buffered += decoder.decode();
    if (buffered.trim()) yield buffered.replace(/\r$/, '');
  } finally {
    reader.releaseLock();
  }
}

/** Parses and validates one line; throws NdjsonLineError naming the line and what was wrong with it. */
export function parseAnalyzeLine(line: string, lineNumber: number): AnalyzeEvent {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new NdjsonLineError(lineNumber, line, `not JSON (${(error as Error).message})`);
  }
  const parsed = AnalyzeEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new NdjsonLineError(lineNumber, line, `not an AnalyzeEvent${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Typed analysis events from a streaming response body, in arrival order. */
export async function* readAnalyzeEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<AnalyzeEvent> {
  let lineNumber = 0;
  for await (const line of readLines(body)) {
    lineNumber++;
    yield parseAnalyzeLine(line, lineNumber);
  }
}
