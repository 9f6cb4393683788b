/**
 * Offline entity matching: links every noun phrase of an answer to the entities it names.
 * Each phrase is matched by its head only (modifiers describe, heads name: "red truck" links to truck and the
 * whole "red truck" is highlighted; "dog food" is food, not a dog). Per phrase, the label(s) with the lowest
 * cost win (see lexicon.ts); a tie links them all, and each winning label links all entities bearing it.
 * Phrases never overlap, so neither do spans; every occurrence in the text is its own phrase.
 * Words that are not things (object, centre, frame, source, side…: non-things.ts) are never linked. When the
 * entities carry scene-graph facts, a phrase whose words single one out ("the red car on the right", "the
 * second horse", "the biggest dog") links that instance only; otherwise the class (see answer/instances.ts).
 */
import { gloveFilePath, loadGlove, type GloveTable } from './glove';
import { analyseLabel, matchByGlove, matchLexically, type LabelInfo, type LabelMatch } from './lexicon';
import { narrowInstances, readCues } from './instances';
import type { GraphNode } from '../scene/graph/types';
import { isNonThing } from './non-things';
import { extractNounPhrases, type NounPhrase } from './phrases';
import type { LinkSpan, MatchableEntity } from './schema';

export type { LinkSpan, MatchableEntity } from './schema';
export { LinkSpanSchema, LinkSpansSchema } from './schema';

export interface MatchOptions {
  /** Trimmed GloVe table; defaults to modelsDir()/glove-trimmed.bin. null disables the GloVe stage. */
  glove?: GloveTable | null;
}

function defaultGlove(): GloveTable | null {
  try {
    return loadGlove(gloveFilePath());
  } catch {
    // The file comes from "npm run models"; without it matching still works lexically.
    return null;
  }
}

/** Labels that tie at the lowest cost (1e-9 tolerance for float costs from GloVe). */
function cheapest(matches: Map<string, LabelMatch>): Array<[string, LabelMatch]> {
  const entries = [...matches.entries()];
  if (entries.length === 0) return [];
  const min = Math.min(...entries.map(([, m]) => m.cost));
  return entries.filter(([, m]) => m.cost <= min + 1e-9);
}

/** A place said right after the phrase: "the car on the right", "the horse in the back". */
const TRAILING_PLACE =
  /^\s*(?:(?:on|at|in|to) the (?:far )?(?:left|right|middle|centre|center|front|back|background|foreground)\b|in (?:black|white|grey|gray|silver|red|orange|yellow|green|blue|purple|pink|brown|beige)\b)/i;

function isGraphNode(entity: MatchableEntity): entity is MatchableEntity & GraphNode {
  return 'centre' in entity && 'horizontal' in entity;
}

/** The instances the phrase's own words single out among `ids`, or all of them. */
function instancesMeant(phrase: NounPhrase, text: string, ids: string[], byId: Map<string, MatchableEntity>): string[] {
  const candidates = ids.map((id) => byId.get(id)!).filter(isGraphNode);
  if (candidates.length !== ids.length || candidates.length < 2) return ids;
  const trailing = TRAILING_PLACE.exec(text.slice(phrase.end))?.[0] ?? '';
  const plural = phrase.headWords[phrase.headWords.length - 1] !== phrase.headLemma[phrase.headLemma.length - 1];
  const cues = readCues(`${phrase.text} ${trailing}`, plural);
  return narrowInstances(candidates, cues).map((n) => n.id);
}

export function matchEntitiesSync(text: string, entities: MatchableEntity[], options: MatchOptions = {}): LinkSpan[] {
  if (!text.trim() || entities.length === 0) return [];
  const labels = new Map<string, LabelInfo>();
  const idsByLabel = new Map<string, string[]>();
  for (const e of entities) {
    const key = e.label.trim();
    if (!key) continue;
    if (!labels.has(key)) labels.set(key, analyseLabel(key));
    idsByLabel.set(key, [...(idsByLabel.get(key) ?? []), e.id]);
  }
  const glove = options.glove === undefined ? defaultGlove() : options.glove;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const spans: LinkSpan[] = [];
  for (const phrase of extractNounPhrases(text)) {
    if (isNonThing(phrase.headLemma)) continue;
    const lexical = new Map<string, LabelMatch>();
    for (const info of labels.values()) {
      const m = matchLexically(phrase, info);
      if (m) lexical.set(info.label, m);
    }
    const matches = lexical.size || !glove ? lexical : matchByGlove(phrase, [...labels.values()], glove);
    const winners = cheapest(matches);
    if (winners.length === 0) continue;
    spans.push({
      start: phrase.start,
      end: phrase.end,
      entityIds: instancesMeant(
        phrase,
        text,
        winners.flatMap(([label]) => idsByLabel.get(label) ?? []),
        byId,
      ),
      method: winners[0][1].method,
      text: phrase.text,
    });
  }
  return spans;
}

/** About 30 ms of matching on a busy two-core machine (60 ms under load): the longest the event loop waits for one slice. */
export const MATCH_SLICE_CHARS = 1000;

/**
 * The text in slices of at most `max` characters, each ending after a sentence or line end where there is
 * one (a phrase never spans one), else after white space, so no phrase is cut in two but in junk.
 */
export function matchSlices(text: string, max = MATCH_SLICE_CHARS): Array<{ start: number; text: string }> {
  const slices: Array<{ start: number; text: string }> = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const window = text.slice(start, end);
      // Ends just after the boundary's white space (-1 + 2 is still "none").
      const sentence = Math.max(...['. ', '! ', '? ', '\n'].map((mark) => window.lastIndexOf(mark) + mark.length));
      const space = window.search(/\s\S*$/) + 1;
      const cut = sentence > 1 ? sentence : space > 0 ? space : window.length;
      end = start + cut;
    }
    slices.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return slices;
}

/**
 * Matches a long answer slice by slice, giving the event loop back between slices: an endpoint's long answer
 * (capped at MAX_ANSWER_CHARS, about a second of matching) must not stall every other request meanwhile.
 */
export async function matchEntities(
  text: string,
  entities: MatchableEntity[],
  options: MatchOptions = {},
): Promise<LinkSpan[]> {
  const spans: LinkSpan[] = [];
  for (const slice of matchSlices(text)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const span of matchEntitiesSync(slice.text, entities, options))
      spans.push({ ...span, start: span.start + slice.start, end: span.end + slice.start });
  }
  return spans;
}
