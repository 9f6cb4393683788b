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
import { useMemo, type KeyboardEvent } from 'react';
import type { Entity } from '@/lib/shared/analysis';
import { textColorOn } from '@/lib/client/color';
import { splitBySpans, type AnswerSegment } from '@/lib/client/chat/splitBySpans';
import type { AssistantTurn } from '@/lib/client/chat/chatState';
import { useAnalysis } from '../analysis/AnalysisProvider';

type LinkSegment = Extract<AnswerSegment, { kind: 'link' }>;

interface LinkedPhraseProps {
  segment: LinkSegment;
  /** The segment's entities that are visible now, in the span's order. */
  entities: Entity[];
  highlighted: boolean;
  /** Something is highlighted elsewhere and this phrase is not about it. */
  dimmed: boolean;
  /** Tells the panel the chat itself is pointing at this entity, so it does not scroll to it. */
  onChatPointsAt(entityId: string): void;
}

function LinkedPhrase({ segment, entities, highlighted, dimmed, onChatPointsAt }: LinkedPhraseProps) {
  const { hoverEntity, setSpotlight, toggleEntity, selectedEntityId } = useAnalysis();
  const first = entities[0];
  const ids = entities.map((e) => e.id);
  const labels = [...new Set(entities.map((e) => e.label))].join(', ');

  const point = () => {
    onChatPointsAt(first.id);
    hoverEntity(first.id);
    setSpotlight(ids);
  };
  const release = () => {
    hoverEntity(null);
    setSpotlight(null);
  };
  const toggle = () => {
    onChatPointsAt(first.id);
    toggleEntity(first.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault(); // Space would scroll the page
      toggle();
    }
  };

  return (
    <span
      role="button"
      tabIndex={0}
      data-testid="linked-phrase"
      data-entity-ids={ids.join(' ')}
      data-highlighted={highlighted ? 'true' : 'false'}
      aria-pressed={selectedEntityId !== null && ids.includes(selectedEntityId)}
      aria-label={`${segment.text} — ${entities.length === 1 ? 'show' : `show ${entities.length}`} ${labels} on the image`}
      title={`${labels} (${entities.length === 1 ? first.id : `${entities.length} objects`}) · linked by ${segment.method}`}
      onMouseEnter={point}
      onMouseLeave={release}
      onFocus={point}
      onBlur={release}
      onClick={toggle}
      onKeyDown={onKeyDown}
      className={`cursor-pointer rounded-sm border-b-2 px-0.5 transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-400 ${
        highlighted ? 'outline-2 outline-offset-1' : ''
      } ${dimmed ? 'opacity-50' : ''}`}
      style={{
        backgroundColor: first.color.light,
        color: textColorOn(first.color.light),
        borderBottomColor: first.color.strong,
        outlineColor: highlighted ? first.color.strong : undefined,
      }}
    >
      {segment.text}
    </span>
  );
}

export function LinkedAnswer({ turn, onChatPointsAt }: { turn: AssistantTurn; onChatPointsAt(entityId: string): void }) {
  const { visible, analysis, highlightedEntityId } = useAnalysis();
  const segments = useMemo(() => (turn.spans ? splitBySpans(turn.text, turn.spans) : null), [turn.text, turn.spans]);
  const visibleById = useMemo(() => new Map(visible.map((e) => [e.id, e])), [visible]);
  if (!segments) return <span className="whitespace-pre-wrap">{turn.text}</span>;

  const knownIds = new Set([...analysis.entities, ...turn.groundedEntities].map((e) => e.id));
  return (
    <span className="whitespace-pre-wrap">
      {segments.map((segment) => {
        if (segment.kind === 'text') return segment.text;
        const key = `${segment.start}-${segment.end}`;
        const entities = segment.entityIds.map((id) => visibleById.get(id)).filter((e): e is Entity => e !== undefined);
        if (entities.length === 0) {
          const why = segment.entityIds.some((id) => knownIds.has(id)) ? 'below the score threshold' : 'not on the image any more';
          return (
            <span key={key} data-testid="hidden-link" title={`Linked to objects ${why}`} className="text-neutral-400 underline decoration-dotted underline-offset-2">
              {segment.text}
            </span>
          );
        }
        const highlighted = highlightedEntityId !== null && entities.some((e) => e.id === highlightedEntityId);
        return (
          <LinkedPhrase
            key={key}
            segment={segment}
            entities={entities}
            highlighted={highlighted}
            dimmed={highlightedEntityId !== null && !highlighted}
            onChatPointsAt={onChatPointsAt}
          />
        );
      })}
    </span>
  );
}
