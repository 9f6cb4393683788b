/**
 * Cuts an answer into plain text and linked phrases for rendering. The server's spans are trusted only as far
 * as they check out: a span must lie inside the text, not overlap an earlier one, and cover exactly its own
 * `text`. Offsets are UTF-16 indices (what JavaScript's String#slice uses on both sides); if a span's offsets
 * disagree with its text (e.g. a server counting code points), the phrase is looked up near where it should
 * be rather than highlighting the wrong letters.
 */
import type { LinkSpan } from '@/lib/shared/chat';

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; start: number; end: number; entityIds: string[]; method: string };

/** A high surrogate followed by a low one: cutting between them would split one emoji into two junk halves. */
function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Where the span really is: its own offsets when they match its text, else the first occurrence from `from`. */
function locate(text: string, span: LinkSpan, from: number): { start: number; end: number } | null {
  if (span.end > span.start && text.slice(span.start, span.end) === span.text)
    return { start: span.start, end: span.end };
  if (!span.text) return null;
  const found = text.indexOf(span.text, from);
  return found >= 0 ? { start: found, end: found + span.text.length } : null;
}

/**
 * Non-overlapping, in-range spans in text order. On overlap the span starting first wins (ties: the longer
 * one), the same rule the matcher uses, so a stray duplicate cannot hide the better link.
 */
export function normalizeSpans(text: string, spans: readonly LinkSpan[]): LinkSpan[] {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LinkSpan[] = [];
  let cursor = 0;
  for (const span of ordered) {
    if (span.entityIds.length === 0) continue;
    const place = locate(text, span, cursor);
    if (!place || place.start < cursor || place.end > text.length) continue;
    if (splitsSurrogatePair(text, place.start) || splitsSurrogatePair(text, place.end)) continue;
    kept.push({ ...span, ...place });
    cursor = place.end;
  }
  return kept;
}

/** The whole text as alternating segments; concatenating every segment's text gives back `text`. */
export function splitBySpans(text: string, spans: readonly LinkSpan[]): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let cursor = 0;
  for (const span of normalizeSpans(text, spans)) {
    if (span.start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, span.start) });
    segments.push({
      kind: 'link',
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      entityIds: [...new Set(span.entityIds)],
      method: span.method,
    });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}
