/**
 * Entity matching by a chat model, as BuboGPT does it, with its known faults fixed: the entity list is sent
 * as valid JSON; dash and quote variants in the reply ("–", "—", curly quotes) are normalised before parsing;
 * every occurrence of a span is linked, not only the first; pairs whose entity does not exist or whose span
 * is not in the answer (case-insensitive, on word boundaries) are dropped; overlapping spans keep the longest.
 * Any failure (the call throws, the reply is not a JSON array of pairs) falls back to the offline matcher.
 */
import { z } from 'zod';
import { matchEntities } from './index';
import type { LinkSpan, MatchableEntity } from './schema';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
export type Complete = (messages: ChatMessage[]) => Promise<string>;

const PairsSchema = z.array(z.object({ span: z.string().min(1), entity: z.string().min(1) }));

/** One-for-one character replacements, so offsets in the normalised text are offsets in the original. */
export function normaliseForMatching(s: string): string {
  return s
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201f]/g, '"')
    .replace(/\u00a0/g, ' ');
}

export function buildMatchingPrompt(text: string, labels: string[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You link phrases of an answer to entities detected in an image. Reply with JSON only: an array of ' +
        '{"span": "<exact words copied from the answer>", "entity": "<one entity label from the list>"}. ' +
        'A span names the entity itself (head noun with its modifiers, e.g. "brown dog" for dog, "people" ' +
        'for person). Leave out phrases that name nothing in the list. Reply [] if nothing matches.',
    },
    { role: 'user', content: `Entities: ${JSON.stringify(labels)}\nAnswer: ${JSON.stringify(text)}` },
  ];
}

/** The JSON array inside a reply that may wrap it in a code fence or prose; throws if there is none. */
export function parsePairs(reply: string): Array<{ span: string; entity: string }> {
  const clean = normaliseForMatching(reply);
  const fenced = clean.match(/```(?:json)?\s*([\s\S]*?)```/);
  const body = fenced ? fenced[1] : clean;
  const open = body.indexOf('[');
  const close = body.lastIndexOf(']');
  if (open < 0 || close < open) throw new Error('LLM reply holds no JSON array');
  return PairsSchema.parse(JSON.parse(body.slice(open, close + 1)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every occurrence of needle in haystack (both already lower-cased/normalised) on word boundaries. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) found.push(at);
  }
  return found;
}

/** Turns validated pairs into non-overlapping spans: longest first, then leftmost; equal ranges merge ids. */
export function pairsToSpans(
  text: string,
  pairs: Array<{ span: string; entity: string }>,
  entities: MatchableEntity[],
): LinkSpan[] {
  const idsByLabel = new Map<string, string[]>();
  for (const e of entities) {
    const key = normaliseForMatching(e.label.trim().toLowerCase());
    idsByLabel.set(key, [...(idsByLabel.get(key) ?? []), e.id]);
  }
  const lowered = normaliseForMatching(text.toLowerCase());
  // Lower-casing can change length for a few scripts; then offsets would drift, so search the raw text.
  const haystack = lowered.length === text.length ? lowered : normaliseForMatching(text);
  const byRange = new Map<string, { start: number; end: number; ids: Set<string> }>();
  for (const pair of pairs) {
    const ids = idsByLabel.get(pair.entity.trim().toLowerCase());
    const needle = pair.span.trim();
    if (!ids || !needle) continue;
    const key = haystack === lowered ? needle.toLowerCase() : needle;
    for (const start of occurrences(haystack, key)) {
      const range = `${start}:${start + key.length}`;
      const entry = byRange.get(range) ?? { start, end: start + key.length, ids: new Set<string>() };
      ids.forEach((id) => entry.ids.add(id));
      byRange.set(range, entry);
    }
  }
  const candidates = [...byRange.values()].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof candidates = [];
  for (const c of candidates) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      start: c.start,
      end: c.end,
      entityIds: [...c.ids],
      method: 'llm' as const,
      text: text.slice(c.start, c.end),
    }));
}

export async function matchWithLlm(text: string, entities: MatchableEntity[], complete: Complete): Promise<LinkSpan[]> {
  if (!text.trim() || entities.length === 0) return [];
  const labels = [...new Set(entities.map((e) => e.label.trim()).filter(Boolean))];
  try {
    const reply = await complete(buildMatchingPrompt(text, labels));
    return pairsToSpans(text, parsePairs(reply), entities);
  } catch {
    return matchEntities(text, entities);
  }
}
