'use client';
/**
 * A phrase linked to entities on the image (an answer's noun phrase, the sound's source). It is coloured like
 * its entity's mask (light fill, strong underline) and shares hover, focus and selection with the canvas
 * through the analysis store: pointing at it lights up all its entities, clicking or Enter keeps the first
 * selected.
 */
import type { KeyboardEvent } from 'react';
import type { Entity } from '@/lib/shared/analysis';
import { textColorOn } from '@/lib/shared/color';
import { useAnalysis } from './analysis/AnalysisProvider';

export interface EntityLinkProps {
  text: string;
  /** The phrase's entities that are visible now, in the span's order (at least one). */
  entities: Entity[];
  highlighted: boolean;
  /** Something is highlighted elsewhere and this phrase is not about it. */
  dimmed?: boolean;
  /** How the phrase was linked (matcher method), shown in the tooltip. */
  method: string;
  testId: string;
  /** Tells the owner this phrase is pointing at an entity (e.g. so the chat does not scroll to itself). */
  onPoint?(entityId: string): void;
}

/** neutral-300: 12:1 on the chat's dark background. */
const DIMMED_TEXT = '#d4d4d4';

export function EntityLink({ text, entities, highlighted, dimmed = false, method, testId, onPoint }: EntityLinkProps) {
  const { hoverEntity, setSpotlight, toggleEntity, selectedEntityId } = useAnalysis();
  const first = entities[0];
  const ids = entities.map((e) => e.id);
  const labels = [...new Set(entities.map((e) => e.label))].join(', ');

  const point = () => {
    onPoint?.(first.id);
    hoverEntity(first.id, 'link');
    setSpotlight(ids);
  };
  const release = () => {
    hoverEntity(null, 'link');
    setSpotlight(null);
  };
  const toggle = () => {
    onPoint?.(first.id);
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
      data-testid={testId}
      data-entity-ids={ids.join(' ')}
      data-highlighted={highlighted ? 'true' : 'false'}
      aria-pressed={selectedEntityId !== null && ids.includes(selectedEntityId)}
      aria-label={`${text} — ${entities.length === 1 ? 'show' : `show ${entities.length}`} ${labels} on the image`}
      title={`${labels} (${entities.length === 1 ? first.id : `${entities.length} objects`}) · linked by ${method}`}
      onMouseEnter={point}
      onMouseLeave={release}
      onFocus={point}
      onBlur={release}
      onClick={toggle}
      onKeyDown={onKeyDown}
      className={`cursor-pointer rounded-sm border-b-2 px-0.5 transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-400 ${
        highlighted ? 'outline-2 outline-offset-1' : ''
      }`}
      // Dimmed keeps its text readable (contrast ≥ 4.5:1): it drops the fill, not the opacity.
      style={{
        backgroundColor: dimmed ? 'transparent' : first.color.light,
        color: dimmed ? DIMMED_TEXT : textColorOn(first.color.light),
        borderBottomColor: first.color.strong,
        outlineColor: highlighted ? first.color.strong : undefined,
      }}
    >
      {text}
    </span>
  );
}
