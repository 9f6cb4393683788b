/**
 * "What else is there?", "anything else?": what no earlier answer of the conversation named (conversation.ts
 * gathers the ids every earlier answer linked), listed as a description lists things (hedgedInventory), and the
 * largest regions not yet named close it.
 */
import { hedgedInventory, type ComposeContext } from './compose-overview';
import { STATE_MIN_SCORE } from './compose-setting';
import { joinList, theEntity } from './phrasing';

/** Regions named after the things: at most this many, largest first. */
const MAX_REGIONS = 3;

export function besidesAnswer(ctx: ComposeContext): string {
  const { facts } = ctx;
  const named = new Set(ctx.question.excludeIds);
  const rest = facts.entities.filter((e) => !named.has(e.id));
  const sure = rest.some((e) => (e.score ?? 1) >= STATE_MIN_SCORE);
  const listed = rest.length ? hedgedInventory(facts, rest) : '';
  const things = sure
    ? `Besides what I have named, I see ${listed}.`
    : listed
      ? `Nothing else I am sure of; ${listed}.`
      : undefined;
  const regions = facts.stuff.filter((s) => !named.has(s.id)).slice(0, MAX_REGIONS);
  const around = regions.length ? joinList(regions.map(theEntity)) : '';
  if (!things) return `That is every thing I detected${around ? `; around them: ${around}` : ''}.`;
  return around ? `${things} Around them: ${around}.` : things;
}
