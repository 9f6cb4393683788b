/**
 * A photo analysed again (a sound added, everything mode switched on) is a new result, but the user's
 * conversation goes on: the earlier result's turns are copied into the new one. Entity ids are only meaningful
 * within one result, so a link is kept only where the new result has an entity with the same id and the same
 * label (the pipeline is deterministic on the same photo, so they normally all survive); a phrase whose entities
 * are all gone stays as plain text.
 */
import type { LinkSpan } from '../shared/chat';
import type { StoredChatTurn, StoredResult } from '../shared/result';

type Labelled = { id: string; label: string };

function labelsById(entities: Iterable<Labelled>): Map<string, string> {
  return new Map(Array.from(entities, (e) => [e.id, e.label]));
}

/** The earlier result's entity labels, from its recorded events (the analysis's and any added later). */
function storedEntityLabels(result: StoredResult): Map<string, string> {
  const entities: Labelled[] = [];
  for (const event of result.events) if (event.type === 'entity') entities.push(event.entity);
  return labelsById(entities);
}

function carryLinks(links: LinkSpan[], before: Map<string, string>, now: Map<string, string>): LinkSpan[] {
  const kept: LinkSpan[] = [];
  for (const span of links) {
    const entityIds = span.entityIds.filter((id) => before.get(id) !== undefined && before.get(id) === now.get(id));
    if (entityIds.length) kept.push({ ...span, entityIds });
  }
  return kept;
}

/** The earlier conversation as it reads on the new result: same words, links only to entities that are still there. */
export function carriedTurns(earlier: StoredResult, newEntities: Iterable<Labelled>): StoredChatTurn[] {
  const before = storedEntityLabels(earlier);
  const now = labelsById(newEntities);
  return earlier.chat.map((turn) => (turn.links ? { ...turn, links: carryLinks(turn.links, before, now) } : turn));
}
