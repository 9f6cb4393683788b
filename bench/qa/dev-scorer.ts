/**
 * The answer scorer of ../shared/qa/README.md, rule by rule, so dev.json is judged here exactly as the
 * held-out set is judged: curly quotes straightened; phrases matched as whole words, case-insensitively, the
 * last word allowed a plural s/es; `re:` entries are Python regular expressions searched with IGNORECASE and
 * MULTILINE (the constructs dev.json uses — look-behinds, look-aheads, \b, \W, ^ — mean the same in JS with
 * flags "im"); expect_any groups with expect_min; forbid; and the link rule (first linked occurrence of any
 * `word`, some linked box IoU ≥ 0.5 with gt_box and none < 0.3).
 */
import type { Box } from '@/lib/shared/analysis';
import type { LinkSpan } from '@/lib/shared/chat';
import { boxIou } from '@/lib/shared/box';

export interface DevItem {
  id: string;
  image: string;
  question: string;
  history?: string[];
  expect_any: (string | string[])[];
  expect_min?: number;
  forbid?: string[];
  link?: { word: string[]; gt_box: Box };
  why: string;
  family: string;
}

export const LINK_RIGHT_IOU = 0.5;
export const LINK_WRONG_IOU = 0.3;

/** Rule 1: curly quotes become straight ones. */
export function straighten(text: string): string {
  return text.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rule 2. A plain phrase: whole words (no word character on either side), any case, the last word may take
 * "s" or "es". A `re:` phrase: the Python pattern as a JS RegExp with flags i and m.
 */
export function phrasePattern(phrase: string): RegExp {
  if (phrase.startsWith('re:')) return new RegExp(phrase.slice(3), 'im');
  return new RegExp(`(?<!\\w)${escapeRegExp(phrase)}(?:s|es)?(?!\\w)`, 'i');
}

export function matches(text: string, phrase: string): boolean {
  return phrasePattern(phrase).test(text);
}

/** Rules 3 and 4: the expectation and forbid checks on the answer's text. */
export function judgeText(answer: string, item: DevItem): { ok: boolean; problems: string[] } {
  const text = straighten(answer);
  const problems: string[] = [];
  const entries = item.expect_any.map((e) => (Array.isArray(e) ? e : [e]));
  const hit = entries.filter((alternatives) => alternatives.some((p) => matches(text, p))).length;
  const need = item.expect_min ?? 1;
  if (hit < need)
    problems.push(`expected ${need} of [${entries.map((e) => e.slice(0, 3).join(' | ')).join('; ')}], matched ${hit}`);
  for (const f of item.forbid ?? []) if (matches(text, f)) problems.push(`says forbidden "${f}"`);
  return { ok: problems.length === 0, problems };
}

/**
 * Rule 5: the first occurrence (by position) of any `word` inside a span the app linked; right when some of
 * that span's entities has IoU ≥ 0.5 with gt_box and none has IoU < 0.3.
 */
export function judgeLink(
  answer: string,
  spans: LinkSpan[],
  boxOf: (id: string) => Box | undefined,
  link: NonNullable<DevItem['link']>,
): { ok: boolean; problem?: string } {
  const text = straighten(answer);
  let first: { at: number; span: LinkSpan } | undefined;
  for (const word of link.word) {
    const re = new RegExp(phrasePattern(word).source, 'gi');
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      const span = spans.find((s) => s.entityIds.length > 0 && s.start <= at && at + m[0].length <= s.end);
      if (span && (!first || at < first.at)) first = { at, span };
    }
  }
  if (!first) return { ok: false, problem: `no linked "${link.word[0]}"` };
  const ious = first.span.entityIds
    .map((id) => boxOf(id))
    .filter((b): b is Box => !!b)
    .map((b) => boxIou(b, link.gt_box));
  const ok = ious.some((v) => v >= LINK_RIGHT_IOU) && !ious.some((v) => v < LINK_WRONG_IOU);
  return ok ? { ok } : { ok, problem: `"${first.span.text}" links IoU ${ious.map((v) => v.toFixed(2)).join(', ')}` };
}
