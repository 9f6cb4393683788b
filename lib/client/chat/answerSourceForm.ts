/**
 * The answer-source settings as the form holds them (strings while typing), their validation into an
 * AnswerSource with one message per field, and their persistence. The schema in lib/shared/chat.ts is the
 * authority; the only extra rule is the temperature floor of 0.1, the reference demo's slider minimum.
 *
 * The API key is kept in sessionStorage, not localStorage: a secret should not outlive the tab on a shared
 * machine, while the rest of the settings are harmless to remember.
 */
import { AnswerSourceSchema, type AnswerSource } from '@/lib/shared/chat';

export interface AnswerSourceForm {
  kind: 'builtin' | 'endpoint';
  baseUrl: string;
  model: string;
  apiKey: string;
  temperature: string;
  topP: string;
  maxTokens: string;
  grounding: boolean;
  /** The frame the endpoint writes boxes in (set from the server's configuration; no field of its own yet). */
  boxFormat?: 'qwen2.5-vl' | 'qwen3-vl' | 'pixels';
  llmMatching: boolean;
  audioInput: boolean;
}

export type AnswerSourceField = 'baseUrl' | 'model' | 'apiKey' | 'temperature' | 'topP' | 'maxTokens';
export type AnswerSourceErrors = Partial<Record<AnswerSourceField, string>>;

export const DEFAULT_ANSWER_SOURCE_FORM: AnswerSourceForm = {
  kind: 'builtin',
  baseUrl: '',
  model: '',
  apiKey: '',
  temperature: '0.2',
  topP: '0.9',
  maxTokens: '300',
  grounding: false,
  llmMatching: false,
  audioInput: false,
};

export const TEMPERATURE_MIN = 0.1;
export const TEMPERATURE_MAX = 2;

export type AnswerSourceResult = { ok: true; source: AnswerSource } | { ok: false; errors: AnswerSourceErrors };

/** Friendly wording per field; zod's own messages name types, not what to type. */
const FIELD_HINTS: Record<AnswerSourceField, string> = {
  baseUrl: 'Enter an http(s) URL, e.g. http://localhost:8000/v1',
  model: 'Enter the model name the server expects',
  apiKey: 'The API key is too long',
  temperature: `Temperature must be between ${TEMPERATURE_MIN} and ${TEMPERATURE_MAX}`,
  topP: 'Top-p must be between 0 and 1',
  maxTokens: 'Max tokens must be a whole number from 1 to 4096',
};

function toNumber(text: string): number {
  // Number('') is 0, which would silently pass several ranges.
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function validateAnswerSource(form: AnswerSourceForm): AnswerSourceResult {
  if (form.kind === 'builtin') return { ok: true, source: { kind: 'builtin' } };
  const temperature = toNumber(form.temperature);
  const candidate = {
    kind: 'endpoint' as const,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    apiKey: form.apiKey.trim() || undefined,
    temperature,
    topP: toNumber(form.topP),
    maxTokens: toNumber(form.maxTokens),
    grounding: form.grounding,
    boxFormat: form.boxFormat,
    llmMatching: form.llmMatching,
    audioInput: form.audioInput,
  };
  const errors: AnswerSourceErrors = {};
  const parsed = AnswerSourceSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in FIELD_HINTS)
        errors[field as AnswerSourceField] ??= FIELD_HINTS[field as AnswerSourceField];
    }
  }
  if (!(temperature >= TEMPERATURE_MIN)) errors.temperature ??= FIELD_HINTS.temperature;
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, source: parsed.data };
}

const SETTINGS_KEY = 'strix.answerSource.v1';
const API_KEY_KEY = 'strix.answerSource.apiKey.v1';

/** Only keys we know, with the right types: stored data may come from an older version or be edited by hand. */
function sanitize(stored: unknown): Omit<AnswerSourceForm, 'apiKey'> {
  const result = { ...DEFAULT_ANSWER_SOURCE_FORM } as AnswerSourceForm;
  if (!stored || typeof stored !== 'object') return result;
  const record = stored as Record<string, unknown>;
  if (record.kind === 'builtin' || record.kind === 'endpoint') result.kind = record.kind;
  for (const key of ['baseUrl', 'model', 'temperature', 'topP', 'maxTokens'] as const) {
    if (typeof record[key] === 'string') result[key] = record[key];
  }
  if (typeof record.grounding === 'boolean') result.grounding = record.grounding;
  if (typeof record.llmMatching === 'boolean') result.llmMatching = record.llmMatching;
  if (typeof record.audioInput === 'boolean') result.audioInput = record.audioInput;
  const { apiKey: _ignored, ...rest } = result;
  return rest;
}

export interface SettingsStorage {
  local: Pick<Storage, 'getItem' | 'setItem'>;
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export function loadAnswerSourceForm(storage: SettingsStorage): AnswerSourceForm {
  let stored: unknown = null;
  try {
    stored = JSON.parse(storage.local.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    // corrupt entry: defaults
  }
  let apiKey = '';
  try {
    apiKey = storage.session.getItem(API_KEY_KEY) ?? '';
  } catch {
    // storage blocked (privacy mode): no key
  }
  return { ...sanitize(stored), apiKey };
}

/** True once the user has saved settings: the server's configured endpoint is only a first-visit default. */
export function hasStoredAnswerSource(storage: SettingsStorage): boolean {
  try {
    return storage.local.getItem(SETTINGS_KEY) !== null;
  } catch {
    return false;
  }
}

export function saveAnswerSourceForm(storage: SettingsStorage, form: AnswerSourceForm): void {
  const { apiKey, ...rest } = form;
  try {
    storage.local.setItem(SETTINGS_KEY, JSON.stringify(rest));
    if (apiKey) storage.session.setItem(API_KEY_KEY, apiKey);
    else storage.session.removeItem(API_KEY_KEY);
  } catch {
    // quota or privacy mode: the settings still work for this page view
  }
}
