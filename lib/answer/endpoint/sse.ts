/**
 * Incremental parser for server-sent events as chat-completion servers send them. Network chunks can end
 * anywhere (mid-line, between \r and \n), so text is buffered until a line is complete. Per the SSE spec,
 * lines starting with ":" are comments (keep-alives), "event:", "id:" and "retry:" are ignored, and an event's
 * "data:" lines are joined with "\n" and dispatched at a blank line.
 *
 * Unlike a browser's EventSource, unknown lines are reported as junk rather than silently dropped: a server
 * that answers 200 with an HTML page must fail fast, not look like an empty stream.
 */

export type SseItem = { kind: 'data'; data: string } | { kind: 'junk'; line: string };

const KNOWN_FIELDS = new Set(['event', 'id', 'retry']);

export class SseParser {
  private buffer = '';
  private dataLines: string[] = [];

  /** Feed decoded text; returns the items completed by it. */
  push(text: string): SseItem[] {
    this.buffer += text;
    const items: SseItem[] = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.buffer);
      if (!match) break;
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line, items);
    }
    return items;
  }

  /** End of stream: a last event without its blank line still counts. */
  end(): SseItem[] {
    const items: SseItem[] = [];
    if (this.buffer) this.line(this.buffer, items);
    this.buffer = '';
    this.dispatch(items);
    return items;
  }

  private line(line: string, items: SseItem[]): void {
    if (line === '') return this.dispatch(items);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.dataLines.push(value);
    else if (!KNOWN_FIELDS.has(field)) items.push({ kind: 'junk', line });
  }

  private dispatch(items: SseItem[]): void {
    if (this.dataLines.length === 0) return;
    items.push({ kind: 'data', data: this.dataLines.join('\n') });
    this.dataLines = [];
  }
}

/**
 * JSON payloads of one data item. Some servers put consecutive "data:" lines without blank lines between
 * them, which the spec joins into one event; if the joined text is not JSON, each line is tried alone.
 */
export function parseDataPayloads(data: string): unknown[] | null {
  try {
    return [JSON.parse(data)];
  } catch {
    const lines = data.split('\n').filter((line) => line.trim());
    if (lines.length < 2) return null;
    try {
      return lines.map((line) => (line.trim() === '[DONE]' ? '[DONE]' : JSON.parse(line)));
    } catch {
      return null;
    }
  }
}
