import { describe, expect, it } from 'vitest';
import { chatCompletionsUrl, endpointLabel } from './base-url';

describe('chatCompletionsUrl', () => {
  it.each([
    ['http://localhost:11434', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:8000/v1/', 'http://localhost:8000/v1/chat/completions'],
    ['http://localhost:1234/v1/chat/completions', 'http://localhost:1234/v1/chat/completions'],
    ['https://example.com/v1beta/openai', 'https://example.com/v1beta/openai/chat/completions'],
    [
      'https://example.com/openai/v1?api-version=2024',
      'https://example.com/openai/v1/chat/completions?api-version=2024',
    ],
  ])('%s → %s', (base, url) => expect(chatCompletionsUrl(base)).toBe(url));

  it('labels an endpoint by model and host', () => {
    expect(endpointLabel('http://localhost:11434/v1', 'qwen2.5vl:3b')).toBe('qwen2.5vl:3b at localhost:11434');
  });
});
