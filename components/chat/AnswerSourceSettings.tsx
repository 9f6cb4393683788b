'use client';
/**
 * Where answers come from: the built-in grounded answerer (always available, not an LLM) or any
 * OpenAI-compatible model endpoint. Errors show per field once it was left or a send was attempted, so the
 * form does not scold while the user is still typing.
 */
import { useId, useState, type ReactNode } from 'react';
import {
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
  type AnswerSourceErrors,
  type AnswerSourceField,
  type AnswerSourceForm,
} from '@/lib/client/chat/answerSourceForm';

export interface AnswerSourceSettingsProps {
  form: AnswerSourceForm;
  errors: AnswerSourceErrors;
  onChange(patch: Partial<AnswerSourceForm>): void;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** After a send was refused: show every error, touched or not. */
  showAllErrors: boolean;
  /** False where this server takes no model endpoint (GET /api/config): only the built-in answerer is shown. */
  endpointOffered: boolean;
}

const inputClass =
  'w-full rounded-md border border-neutral-700 bg-neutral-950 px-2 py-1 text-sm text-neutral-100 focus:border-sky-500 aria-[invalid=true]:border-red-500';

function Field({
  label,
  error,
  errorId,
  children,
}: {
  label: string;
  error?: string;
  errorId: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as `children`, inside the label.
    <label className="flex flex-col gap-1 text-xs text-neutral-400">
      {label}
      {children}
      {error && (
        <span id={errorId} data-testid="source-error" className="text-red-300">
          {error}
        </span>
      )}
    </label>
  );
}

export function AnswerSourceSettings({
  form,
  errors,
  onChange,
  open,
  onOpenChange,
  showAllErrors,
  endpointOffered,
}: AnswerSourceSettingsProps) {
  const id = useId();
  const [touched, setTouched] = useState<Partial<Record<AnswerSourceField, boolean>>>({});
  const errorFor = (field: AnswerSourceField) => (showAllErrors || touched[field] ? errors[field] : undefined);
  const fieldProps = (field: AnswerSourceField) => ({
    'aria-invalid': errorFor(field) ? true : undefined,
    'aria-describedby': errorFor(field) ? `${id}-${field}-error` : undefined,
    onBlur: () => setTouched((current) => ({ ...current, [field]: true })),
    className: inputClass,
  });
  const summary =
    form.kind === 'builtin' ? 'Built-in answerer' : `Endpoint${form.model.trim() ? `: ${form.model.trim()}` : ''}`;

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        data-testid="source-settings"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => onOpenChange(!open)}
        className="flex items-center gap-1.5 self-start rounded px-1.5 py-0.5 text-xs text-neutral-400 ring-1 ring-neutral-700 hover:text-neutral-200 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        <span aria-hidden>{open ? '▾' : '▸'}</span> Answer source: {summary}
      </button>
      {open && (
        <fieldset id={`${id}-panel`} className="flex flex-col gap-2 rounded-md border border-neutral-800 p-3">
          <legend className="px-1 text-xs text-neutral-400">Answer source</legend>
          <label className="flex items-start gap-2 text-sm text-neutral-200">
            <input
              type="radio"
              name={`${id}-kind`}
              data-testid="source-kind-builtin"
              checked={form.kind === 'builtin'}
              onChange={() => onChange({ kind: 'builtin' })}
              className="mt-1"
            />
            <span>
              Built-in grounded answerer
              <span className="block text-xs text-neutral-400">
                Rules over the detections, not an LLM. Always available.
              </span>
            </span>
          </label>
          {!endpointOffered && (
            <p data-testid="source-endpoint-off" className="text-xs text-neutral-400">
              This server answers with the built-in answerer only: its operator has not allowed model endpoints.
            </p>
          )}
          {endpointOffered && (
            <label className="flex items-start gap-2 text-sm text-neutral-200">
              <input
                type="radio"
                name={`${id}-kind`}
                data-testid="source-kind-endpoint"
                checked={form.kind === 'endpoint'}
                onChange={() => onChange({ kind: 'endpoint' })}
                className="mt-1"
              />
              <span>
                Model endpoint
                <span className="block text-xs text-neutral-400">
                  Any OpenAI-compatible server; falls back to the built-in answerer if it fails.
                </span>
              </span>
            </label>
          )}
          {form.kind === 'endpoint' && (
            <div className="grid grid-cols-2 gap-2 pl-6">
              <div className="col-span-2">
                <Field label="Base URL" error={errorFor('baseUrl')} errorId={`${id}-baseUrl-error`}>
                  <input
                    type="url"
                    data-testid="endpoint-base-url"
                    placeholder="http://localhost:8000/v1"
                    value={form.baseUrl}
                    onChange={(e) => onChange({ baseUrl: e.target.value })}
                    {...fieldProps('baseUrl')}
                  />
                </Field>
              </div>
              <div className="col-span-2">
                <Field label="Model" error={errorFor('model')} errorId={`${id}-model-error`}>
                  <input
                    type="text"
                    data-testid="endpoint-model"
                    placeholder="Qwen/Qwen2.5-VL-7B-Instruct"
                    value={form.model}
                    onChange={(e) => onChange({ model: e.target.value })}
                    {...fieldProps('model')}
                  />
                </Field>
              </div>
              <div className="col-span-2">
                <Field
                  label="API key (optional, kept for this tab only)"
                  error={errorFor('apiKey')}
                  errorId={`${id}-apiKey-error`}
                >
                  <input
                    type="password"
                    data-testid="endpoint-api-key"
                    autoComplete="off"
                    value={form.apiKey}
                    onChange={(e) => onChange({ apiKey: e.target.value })}
                    {...fieldProps('apiKey')}
                  />
                </Field>
              </div>
              <div className="col-span-2">
                <Field
                  label={`Temperature: ${form.temperature}`}
                  error={errorFor('temperature')}
                  errorId={`${id}-temperature-error`}
                >
                  <input
                    type="range"
                    data-testid="endpoint-temperature"
                    min={TEMPERATURE_MIN}
                    max={TEMPERATURE_MAX}
                    step={0.1}
                    value={form.temperature}
                    onChange={(e) => onChange({ temperature: e.target.value })}
                    {...fieldProps('temperature')}
                    className="accent-sky-500"
                  />
                </Field>
              </div>
              <Field label="Top-p" error={errorFor('topP')} errorId={`${id}-topP-error`}>
                <input
                  type="number"
                  data-testid="endpoint-top-p"
                  min={0}
                  max={1}
                  step={0.05}
                  value={form.topP}
                  onChange={(e) => onChange({ topP: e.target.value })}
                  {...fieldProps('topP')}
                />
              </Field>
              <Field label="Max tokens" error={errorFor('maxTokens')} errorId={`${id}-maxTokens-error`}>
                <input
                  type="number"
                  data-testid="endpoint-max-tokens"
                  min={1}
                  max={4096}
                  step={1}
                  value={form.maxTokens}
                  onChange={(e) => onChange({ maxTokens: e.target.value })}
                  {...fieldProps('maxTokens')}
                />
              </Field>
              <CheckboxField
                testId="endpoint-grounding"
                checked={form.grounding}
                onChange={(grounding) => onChange({ grounding })}
                label="Model can ground (returns bbox_2d boxes)"
                hint="Its boxes go to the local SAM and become new objects."
              />
              <CheckboxField
                testId="endpoint-llm-matching"
                checked={form.llmMatching}
                onChange={(llmMatching) => onChange({ llmMatching })}
                label="Model links phrases to objects too"
                hint="One extra request per answer; the offline matcher steps in if its reply is unusable."
              />
              <CheckboxField
                testId="endpoint-audio-input"
                checked={form.audioInput}
                onChange={(audioInput) => onChange({ audioInput })}
                label="Model accepts audio (input_audio)"
                hint="The analysed sound (16 kHz WAV) is sent with the image; otherwise only its summary."
              />
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}

function CheckboxField(props: {
  testId: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label: string;
  hint: string;
}) {
  return (
    <label className="col-span-2 flex items-start gap-2 text-sm text-neutral-200">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        className="mt-1"
      />
      <span>
        {props.label}
        <span className="block text-xs text-neutral-400">{props.hint}</span>
      </span>
    </label>
  );
}
