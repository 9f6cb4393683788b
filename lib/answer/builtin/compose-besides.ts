/**
 * "What else is there?", "anything else?": what no earlier answer of the conversation named (conversation.ts
 * gathers the ids every earlier answer linked). The sure things are counted by kind, the weaker ones hedged as a
 * description hedges them, and the largest regions not yet named close it.
 */
import type { EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { STATE_MIN_SCORE } from './compose-setting';
import { ref } from '../links/markup';
import { pluralize } from '../vocabulary';
import { countRef, groupBy, joinList, numberWord, theEntity } from './phrasing';

const byKind = (entities: EntityFacts[]) => groupBy(entities, (e) => e.label, true).map(([, group]) => countRef(group));

/** The weak ones by kind; a kind also among the sure ones is "two more books", as a description says it. */
const weakByKind = (weak: EntityFacts[], sure: EntityFacts[]) =>
  groupBy(weak, (e) => e.label, true).map(([label, group]) =>
    sure.some((e) => e.label === label)
      ? ref(
          group.map((e) => e.id),
          `${numberWord(group.length)} more ${group.length > 1 ? pluralize(label) : label}`,
        )
      : countRef(group),
  );

/** Regions named after the things: at most this many, largest first. */
const MAX_REGIONS = 3;

export function besidesAnswer(ctx: ComposeContext): string {
  const { facts } = ctx;
  const named = new Set(ctx.question.excludeIds);
  const rest = facts.entities.filter((e) => !named.has(e.id));
  const sure = rest.filter((e) => (e.score ?? 1) >= STATE_MIN_SCORE);
  const weak = rest.filter((e) => (e.score ?? 1) < STATE_MIN_SCORE);
  const unsure = weak.length
    ? `possibly ${joinList(weakByKind(weak, sure))} (the detector is unsure: ${Math.max(...weak.map((e) => e.score ?? 0)).toFixed(2)} at most)`
    : '';
  const things = sure.length
    ? `Besides what I have named, I see ${joinList(byKind(sure))}${unsure ? `, and ${unsure}` : ''}.`
    : unsure
      ? `Nothing else I am sure of; ${unsure}.`
      : undefined;
  const regions = facts.stuff.filter((s) => !named.has(s.id)).slice(0, MAX_REGIONS);
  const around = regions.length ? joinList(regions.map(theEntity)) : '';
  if (!things) return `That is every thing I detected${around ? `; around them: ${around}` : ''}.`;
  return around ? `${things} Around them: ${around}.` : things;
}
