/**
 * Every setting the server reads from its environment, checked once at start (instrumentation.ts): a bad value
 * stops the server with a message naming the variable, instead of surfacing later as failed saves (a
 * fractional STRIX_RESULTS_MB once broke every save while analyses reported done) or an odd queue.
 */
import { endpointFromEnv } from '../answer/endpoint/config';

type Env = Record<string, string | undefined>;
type Rule = { test: (value: string) => boolean; want: string };

const positiveNumber: Rule = {
  test: (v) => Number.isFinite(Number(v)) && Number(v) > 0,
  want: 'a number above 0 (fractions allowed)',
};
const positiveInteger: Rule = { test: (v) => /^\d+$/.test(v) && Number(v) > 0, want: 'a whole number above 0' };
const countFromZero: Rule = { test: (v) => /^\d+$/.test(v), want: 'a whole number (0 or more)' };
const flag: Rule = { test: (v) => v === '0' || v === '1', want: '0 or 1' };
const yesNo: Rule = { test: (v) => /^(true|false|1|0|yes|no)$/i.test(v), want: 'true or false' };
const samVariant: Rule = { test: (v) => /^(auto|fp32|int8)$/i.test(v), want: 'auto, fp32 or int8' };
const detector: Rule = { test: (v) => /^(auto|yolox-nano|yolov5s)$/i.test(v), want: 'auto, yolox-nano or yolov5s' };
const urlOf = (...protocols: string[]): Rule => ({
  test: (v) => URL.canParse(v) && protocols.includes(new URL(v).protocol),
  want: `a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}`,
});

/** The settings the README's configuration section lists, each with what it must be. */
export const SETTING_RULES: Record<string, Rule> = {
  STRIX_RESULTS_MB: positiveNumber,
  STRIX_KEEP_MB: positiveNumber,
  STRIX_KEEP_RESULTS: positiveInteger,
  STRIX_MAX_QUEUED: countFromZero,
  STRIX_WORKERS: positiveInteger,
  ORT_THREADS: positiveInteger,
  ORT_SPINNING: flag,
  STRIX_SIDE_THREAD: flag,
  STRIX_SAM_ENCODER: samVariant,
  STRIX_SAM_DECODER: samVariant,
  STRIX_DETECTOR: detector,
  STRIX_ALLOW_USER_ENDPOINTS: flag,
  STRIX_ENDPOINT_GROUNDING: yesNo,
  DATABASE_URL: urlOf('postgres:', 'postgresql:'),
  REDIS_URL: urlOf('redis:', 'rediss:'),
};

/** One sentence per bad setting; empty when all are good. Unset settings take their defaults. */
export function settingProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(SETTING_RULES)) {
    const value = env[name]?.trim();
    if (value === undefined || value === '') continue;
    if (!rule.test(value)) problems.push(`${name} is "${value}": it must be ${rule.want}.`);
  }
  try {
    endpointFromEnv(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** Throws at start, naming every bad setting at once. */
export function assertSettings(env: Env = process.env): void {
  const problems = settingProblems(env);
  if (problems.length) throw new Error(`Strix will not start with these settings:\n- ${problems.join('\n- ')}`);
}
