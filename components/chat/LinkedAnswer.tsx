'use client';
/**
 * An answer with its linked phrases. Each phrase is coloured like its entity's mask (light fill, strong
 * underline) and shares hover, focus and selection with the canvas through the analysis store.
 *
 * Threshold rule: a phrase links only to entities that are visible now (score ≥ the slider). When none of its
 * entities is visible, it is rendered muted and inert (dotted underline, not focusable), with a tooltip that
 * says why, because there is nothing on the image it could light up; raising or lowering the slider
 * re-links it instantly, since this is computed on every render.
 */
import { useMemo } from 'react';
import type { Entity } from '@/lib/shared/analysis';
import { splitBySpans } from '@/lib/client/chat/splitBySpans';
import type { AssistantTurn } from '@/lib/client/chat/chatState';
import { useAnalysis } from '../analysis/AnalysisProvider';
import { EntityLink } from '../EntityLink';

export function LinkedAnswer({
  turn,
  onChatPointsAt,
}: {
  turn: AssistantTurn;
  onChatPointsAt(entityId: string): void;
}) {
  const { linkable, analysis, highlightedEntityId } = useAnalysis();
  const segments = useMemo(() => (turn.spans ? splitBySpans(turn.text, turn.spans) : null), [turn.text, turn.spans]);
  const visibleById = useMemo(() => new Map(linkable.map((e) => [e.id, e])), [linkable]);
  if (!segments) return <span className="whitespace-pre-wrap">{turn.text}</span>;

  const knownIds = new Set([...analysis.entities, ...turn.groundedEntities].map((e) => e.id));
  return (
    <span className="whitespace-pre-wrap">
      {segments.map((segment) => {
        if (segment.kind === 'text') return segment.text;
        const key = `${segment.start}-${segment.end}`;
        const entities = segment.entityIds.map((id) => visibleById.get(id)).filter((e): e is Entity => e !== undefined);
        if (entities.length === 0) {
          const why = segment.entityIds.some((id) => knownIds.has(id))
            ? 'below the score threshold'
            : 'not on the image any more';
          return (
            <span
              key={key}
              data-testid="hidden-link"
              title={`Linked to objects ${why}`}
              className="text-neutral-400 underline decoration-dotted underline-offset-2"
            >
              {segment.text}
            </span>
          );
        }
        const highlighted = highlightedEntityId !== null && entities.some((e) => e.id === highlightedEntityId);
        return (
          <EntityLink
            key={key}
            testId="linked-phrase"
            text={segment.text}
            method={segment.method}
            entities={entities}
            highlighted={highlighted}
            dimmed={highlightedEntityId !== null && !highlighted}
            onPoint={onChatPointsAt}
          />
        );
      })}
    </span>
  );
}
