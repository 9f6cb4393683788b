'use client';
/**
 * The plain summary with each heard group's name linked to its source entity, like an answer's phrases:
 * "Dog (bark) from 0.5 to 2.6 s" → "Dog" lights up the dog, and pointing at the dog lights up "Dog".
 */
import type { Entity } from '@/lib/shared/analysis';
import type { LinkSpan } from '@/lib/shared/chat';
import { splitBySpans } from '@/lib/client/chat/splitBySpans';
import { EntityLink } from '../EntityLink';

export interface SummaryLink {
  /** The words to link, as they appear in the summary (matched case-insensitively, first occurrence). */
  phrase: string;
  entities: Entity[];
  method: string;
}

export function LinkedSoundSummary({
  text,
  links,
  highlightedEntityId,
}: {
  text: string;
  links: SummaryLink[];
  highlightedEntityId: string | null;
}) {
  const lower = text.toLowerCase();
  const spans: LinkSpan[] = [];
  for (const link of links) {
    const start = lower.indexOf(link.phrase.toLowerCase());
    if (start < 0 || link.entities.length === 0) continue;
    const end = start + link.phrase.length;
    spans.push({
      start,
      end,
      text: text.slice(start, end),
      entityIds: link.entities.map((e) => e.id),
      method: link.method,
    });
  }
  const byId = new Map(links.flatMap((link) => link.entities.map((e) => [e.id, e] as const)));
  return (
    <>
      {splitBySpans(
        text,
        spans.sort((a, b) => a.start - b.start),
      ).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const entities = segment.entityIds.map((id) => byId.get(id)!).filter(Boolean);
        return (
          <EntityLink
            key={i}
            testId="sound-summary-phrase"
            text={segment.text}
            method={segment.method}
            entities={entities}
            highlighted={highlightedEntityId !== null && segment.entityIds.includes(highlightedEntityId)}
          />
        );
      })}
    </>
  );
}
