import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANSWER_SOURCE_FORM,
  loadAnswerSourceForm,
  saveAnswerSourceForm,
  validateAnswerSource,
  type AnswerSourceForm,
  type SettingsStorage,
} from './answerSourceForm';

const endpointForm: AnswerSourceForm = {
  ...DEFAULT_ANSWER_SOURCE_FORM,
  kind: 'endpoint',
  baseUrl: ' http://localhost:8000/v1 ',
  model: 'Qwen2.5-VL-7B',
  temperature: '0.7',
};

function memoryStorage(): SettingsStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const store = {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
  // Two namespaces in one map is enough to check which key goes where.
  return { data, local: store, session: store };
}

describe('validateAnswerSource', () => {
  it('accepts the built-in answerer whatever the endpoint fields hold', () => {
    expect(validateAnswerSource({ ...endpointForm, kind: 'builtin', baseUrl: 'nonsense' })).toEqual({
      ok: true,
      source: { kind: 'builtin' },
    });
  });

  it('builds an endpoint source with trimmed values and no empty API key', () => {
    expect(validateAnswerSource(endpointForm)).toEqual({
      ok: true,
      source: {
        kind: 'endpoint',
        baseUrl: 'http://localhost:8000/v1',
        model: 'Qwen2.5-VL-7B',
        temperature: 0.7,
        topP: 0.9,
        maxTokens: 300,
        grounding: false,
        boxFormat: 'pixels',
        llmMatching: false,
        audioInput: false,
      },
    });
  });

  it('names every bad field', () => {
    const result = validateAnswerSource({
      ...endpointForm,
      baseUrl: 'ftp://x',
      model: ' ',
      topP: '1.5',
      maxTokens: '2.5',
      temperature: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['baseUrl', 'maxTokens', 'model', 'temperature', 'topP']);
  });

  it('keeps the temperature within 0.1–2.0', () => {
    expect(validateAnswerSource({ ...endpointForm, temperature: '0.05' }).ok).toBe(false);
    expect(validateAnswerSource({ ...endpointForm, temperature: '2.1' }).ok).toBe(false);
    expect(validateAnswerSource({ ...endpointForm, temperature: '0.1' }).ok).toBe(true);
    expect(validateAnswerSource({ ...endpointForm, temperature: '2' }).ok).toBe(true);
  });
});

describe('answer source persistence', () => {
  it('round-trips the settings, with the API key apart', () => {
    const storage = memoryStorage();
    saveAnswerSourceForm(storage, { ...endpointForm, apiKey: 'sk-secret', grounding: true });
    expect(storage.data.get('strix.answerSource.v1')).not.toContain('sk-secret');
    expect(loadAnswerSourceForm(storage)).toEqual({ ...endpointForm, apiKey: 'sk-secret', grounding: true });
  });

  it('falls back to defaults for missing, corrupt or foreign data', () => {
    const storage = memoryStorage();
    expect(loadAnswerSourceForm(storage)).toEqual(DEFAULT_ANSWER_SOURCE_FORM);
    storage.data.set('strix.answerSource.v1', '{not json');
    expect(loadAnswerSourceForm(storage)).toEqual(DEFAULT_ANSWER_SOURCE_FORM);
    storage.data.set('strix.answerSource.v1', JSON.stringify({ kind: 'magic', model: 42, topP: '0.5', extra: true }));
    expect(loadAnswerSourceForm(storage)).toEqual({ ...DEFAULT_ANSWER_SOURCE_FORM, topP: '0.5' });
  });
});
