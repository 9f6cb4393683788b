import { describe, expect, it } from 'vitest';
import { endpointFromEnv } from './config';

describe('endpointFromEnv', () => {
  it('is null when nothing is set', () => {
    expect(endpointFromEnv({})).toBeNull();
  });

  it('reads the endpoint with defaults', () => {
    expect(
      endpointFromEnv({
        STRIX_ENDPOINT_BASE_URL: 'http://localhost:11434/v1',
        STRIX_ENDPOINT_MODEL: 'qwen2.5vl:3b',
        STRIX_ENDPOINT_API_KEY: '',
        STRIX_ENDPOINT_GROUNDING: 'true',
      }),
    ).toEqual({
      kind: 'endpoint',
      baseUrl: 'http://localhost:11434/v1',
      model: 'qwen2.5vl:3b',
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 300,
      grounding: true,
      llmMatching: false,
      audioInput: false,
      boxFormat: 'pixels',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => endpointFromEnv({ STRIX_ENDPOINT_MODEL: 'm' })).toThrow(/STRIX_ENDPOINT_BASE_URL/);
    expect(() => endpointFromEnv({ STRIX_ENDPOINT_BASE_URL: 'not a url', STRIX_ENDPOINT_MODEL: 'm' })).toThrow(
      /STRIX_ENDPOINT_BASE_URL/,
    );
    expect(() =>
      endpointFromEnv({
        STRIX_ENDPOINT_BASE_URL: 'http://x',
        STRIX_ENDPOINT_MODEL: 'm',
        STRIX_ENDPOINT_BOX_FORMAT: 'qwen4',
      }),
    ).toThrow(/STRIX_ENDPOINT_BOX_FORMAT/);
  });

  it('reads the box convention', () => {
    const env = {
      STRIX_ENDPOINT_BASE_URL: 'http://x',
      STRIX_ENDPOINT_MODEL: 'm',
      STRIX_ENDPOINT_BOX_FORMAT: 'qwen3-vl',
    };
    expect(endpointFromEnv(env)).toMatchObject({ boxFormat: 'qwen3-vl' });
  });
});
