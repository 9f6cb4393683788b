/**
 * Links written at the moment of writing. The built-in answerer marks every phrase that names an entity as it
 * composes it — ref(['e3'], 'the red car') — and resolveMarkup turns the marked text into the plain answer
 * plus its spans (method "generated"). The marks are Unicode private-use characters, which never occur in
 * questions or OCR text, so nothing a user typed can forge a link.
 */
import type { LinkSpan } from '@/lib/shared/chat';

const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';
const MARKED = /\uE000([^\uE000-\uE002]*)\uE001([^\uE000-\uE002]*)\uE002/g;

export const GENERATED = 'generated';

/** `text` marked as naming the entities `ids` (no mark when there are none: nothing to point at). */
export function ref(ids: readonly string[], text: string): string {
  return ids.length ? `${OPEN}${text}${MID}${ids.join(',')}${CLOSE}` : text;
}

/** Removes the marks of anything a caller should not echo as a link (e.g. user text quoted back). */
export function unmark(text: string): string {
  return text.replace(/[\uE000-\uE002]/g, '');
}

/** Upper-cases the first visible letter, skipping a leading mark. */
export function capitalizeMarked(text: string): string {
  const at = text.startsWith(OPEN) ? 1 : 0;
  return text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1);
}

/** Lower-cases the first visible letter ("Yes: the book…" from "The book…"), skipping a leading mark. */
export function decapitalizeMarked(text: string): string {
  const at = text.startsWith(OPEN) ? 1 : 0;
  return text.slice(0, at) + text.charAt(at).toLowerCase() + text.slice(at + 1);
}

export interface LinkedText {
  text: string;
  spans: LinkSpan[];
}

export function resolveMarkup(marked: string): LinkedText {
  let text = '';
  const spans: LinkSpan[] = [];
  let last = 0;
  for (const match of marked.matchAll(MARKED)) {
    text += unmark(marked.slice(last, match.index));
    const start = text.length;
    text += match[1];
    const entityIds = [...new Set(match[2].split(',').filter(Boolean))];
    if (entityIds.length && match[1])
      spans.push({ start, end: text.length, entityIds, method: GENERATED, text: match[1] });
    last = match.index + match[0].length;
  }
  text += unmark(marked.slice(last));
  return { text, spans };
}
