import { describe, expect, it } from 'vitest';
import { parseDataPayloads, SseParser } from './sse';

describe('SseParser', () => {
  it('parses data events split anywhere, including between \\r and \\n', () => {
    const parser = new SseParser();
    const text = ': keep-alive\r\n\r\ndata: {"a":1}\r\n\r\nevent: x\r\ndata: [DONE]\r\n\r\n';
    const items = [];
    for (let i = 0; i < text.length; i += 3) items.push(...parser.push(text.slice(i, i + 3)));
    items.push(...parser.end());
    expect(items).toEqual([
      { kind: 'data', data: '{"a":1}' },
      { kind: 'data', data: '[DONE]' },
    ]);
  });

  it('joins multi-line data and flushes a last event without a blank line', () => {
    const parser = new SseParser();
    expect(parser.push('data: line1\ndata:line2\n\ndata: tail')).toEqual([{ kind: 'data', data: 'line1\nline2' }]);
    expect(parser.end()).toEqual([{ kind: 'data', data: 'tail' }]);
  });

  it('reports lines that are not SSE', () => {
    expect(new SseParser().push('<html>\n')).toEqual([{ kind: 'junk', line: '<html>' }]);
  });
});

describe('parseDataPayloads', () => {
  it('parses one JSON payload, or several lines that were not separated by blank lines', () => {
    expect(parseDataPayloads('{"a":1}')).toEqual([{ a: 1 }]);
    expect(parseDataPayloads('{"a":1}\n{"b":2}\n[DONE]')).toEqual([{ a: 1 }, { b: 2 }, '[DONE]']);
    expect(parseDataPayloads('not json')).toBeNull();
  });
});
