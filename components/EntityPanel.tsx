'use client';
/**
 * Tags and entities with their scores and the models that produced them. Rows share hover and selection
 * with the canvas through the analysis store, and are buttons so the keyboard reaches every entity.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { formatScore, type Entity, type Tag } from '@/lib/shared/analysis';
import { useAnalysis } from './analysis/AnalysisProvider';
import { revealInList } from '@/lib/client/scroll';

function uniqueSources(items: readonly { source: string }[]): string[] {
  return [...new Set(items.map((item) => item.source))];
}

function TagList({ tags, threshold, running }: { tags: readonly Tag[]; threshold: number; running: boolean }) {
  const { visible, hoverEntity, setSpotlight } = useAnalysis();
  const shown = tags.filter((tag) => tag.score >= threshold - 1e-9);
  // Pointing at a tag lights up every visible entity with that label (and, through them, their phrases).
  const point = (label: string | null) => {
    const ids = label ? visible.filter((e) => e.label === label).map((e) => e.id) : [];
    hoverEntity(ids[0] ?? null);
    setSpotlight(ids.length ? ids : null);
  };
  return (
    <section aria-label="Tags">
      <h2 className="mb-1 flex items-baseline justify-between text-xs font-medium uppercase tracking-wide text-neutral-400">
        Tags <span className="normal-case tracking-normal text-neutral-400">{uniqueSources(tags).join(', ')}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="text-sm text-neutral-400">
          {tags.length ? 'No tag above the threshold.' : running ? 'Tagging…' : 'No tags.'}
        </p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {shown.map((tag) => (
            <li
              key={`${tag.source}:${tag.label}`}
              data-testid={`tag-${tag.label}`}
              data-score={tag.score.toFixed(3)}
              title={`${tag.label}: ${tag.score.toFixed(3)} — ${tag.source}`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: focus is the keyboard's hover: it shows the tag's objects on the image.
              tabIndex={0}
              onMouseEnter={() => point(tag.label)}
              onMouseLeave={() => point(null)}
              onFocus={() => point(tag.label)}
              onBlur={() => point(null)}
              className="cursor-default rounded-full bg-neutral-800 px-2 py-0.5 text-xs text-neutral-200 ring-1 ring-neutral-700 hover:ring-neutral-400 focus-visible:outline-2 focus-visible:outline-sky-400"
            >
              {tag.label} <span className="tabular-nums text-neutral-400">{tag.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EntityRow({
  entity,
  highlighted,
  selected,
  badge,
}: {
  entity: Entity;
  highlighted: boolean;
  selected: boolean;
  badge?: string;
}) {
  const { hoverEntity, toggleEntity, analysis } = useAnalysis();
  const mask = analysis.masks[entity.id];
  const rowRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Hovering an object on the canvas brings its row into view in a long list.
    if (highlighted && rowRef.current) revealInList(rowRef.current);
  }, [highlighted]);
  const stuff = entity.kind === 'stuff';
  const maskDetail =
    mask &&
    (entity.source === mask.source
      ? `mean class probability ${mask.predictedIou.toFixed(2)}`
      : `SAM’s own IoU guess ${mask.predictedIou.toFixed(2)} (not a measured quality)`);
  const details = [
    `${entity.label} ${formatScore(entity.score)} — ${entity.source}`,
    entity.fineName && `${entity.fineName.label} ${formatScore(entity.fineName.score)} — ${entity.fineName.source}`,
    ...(entity.alternatives ?? []).map((a) => `also seen as ${a.label} ${formatScore(a.score)} — ${a.source}`),
    entity.areaShare !== undefined && `${(entity.areaShare * 100).toFixed(1)}% of the image`,
    mask ? `mask ${mask.source}, ${maskDetail}, ${mask.area.toLocaleString()} px` : 'no mask',
  ].filter(Boolean);
  return (
    <li>
      <button
        ref={rowRef}
        type="button"
        data-testid={`entity-${entity.id}`}
        data-label={entity.label}
        data-score={entity.score === null ? '' : entity.score.toFixed(3)}
        data-highlighted={highlighted ? 'true' : 'false'}
        data-has-mask={mask ? 'true' : 'false'}
        data-kind={entity.kind}
        data-fine-name={entity.fineName?.label}
        aria-pressed={selected}
        title={details.join('\n')}
        onMouseEnter={() => hoverEntity(entity.id)}
        onMouseLeave={() => hoverEntity(null)}
        onFocus={() => hoverEntity(entity.id)}
        onBlur={() => hoverEntity(null)}
        onClick={() => toggleEntity(entity.id)}
        className={`flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm transition focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400 ${
          highlighted ? 'bg-neutral-700/80 text-white' : 'text-neutral-200 hover:bg-neutral-800'
        } ${selected ? 'ring-1 ring-inset ring-sky-500' : ''}`}
      >
        <span
          aria-hidden
          className="size-3.5 shrink-0 rounded-sm border-2"
          style={{ borderColor: entity.color.strong, backgroundColor: entity.color.light }}
        />
        <span className="grow truncate">
          {entity.label}
          {entity.fineName && (
            <span className="text-neutral-400">
              {' · '}
              {entity.fineName.label} <span className="tabular-nums">{formatScore(entity.fineName.score)}</span>
            </span>
          )}
          {badge && <span className="ml-1.5 rounded bg-amber-500/20 px-1 text-xs text-amber-200">{badge}</span>}
          <span className="block truncate text-[11px] text-neutral-400">
            {[entity.source, entity.fineName?.source].filter(Boolean).join(' · ')}
            {stuff && entity.areaShare !== undefined && ` · ${(entity.areaShare * 100).toFixed(0)}% of the image`}
          </span>
        </span>
        {!mask && analysis.status === 'running' && <span className="text-xs text-neutral-400">mask…</span>}
        <span className="tabular-nums text-neutral-400">{formatScore(entity.score)}</span>
      </button>
    </li>
  );
}

export function EntityPanel() {
  const { analysis, visible, view, highlightedEntityId, selectedEntityId, badges } = useAnalysis();
  if (analysis.status === 'idle') {
    return (
      <p className="text-sm text-neutral-400">Tags, objects and their masks appear here once an image is analysed.</p>
    );
  }
  if (analysis.status === 'error' && analysis.entities.length === 0 && analysis.tags.length === 0) {
    return (
      <p className="text-sm text-neutral-400">
        No results: the analysis of {analysis.imageName} failed (see the message on the left).
      </p>
    );
  }
  const hiddenCount =
    analysis.entities.filter((e) => e.kind !== 'stuff').length - visible.filter((e) => e.kind !== 'stuff').length;
  const objects = visible.filter((e) => e.kind !== 'stuff');
  const row = (entity: Entity) => (
    <EntityRow
      key={entity.id}
      entity={entity}
      highlighted={entity.id === highlightedEntityId}
      selected={entity.id === selectedEntityId}
      badge={badges[entity.id]}
    />
  );
  const maskSources = uniqueSources(Object.values(analysis.masks));
  return (
    <div className="flex flex-col gap-4">
      <TagList tags={analysis.tags} threshold={view.threshold} running={analysis.status === 'running'} />
      <section aria-label="Entities">
        <h2 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-400">
          Objects <span className="tabular-nums">({objects.length})</span>
        </h2>
        <p className="mb-1.5 text-xs text-neutral-400">
          {analysis.entities.length > 0 && <>boxes: {uniqueSources(analysis.entities).join(', ')}</>}
          {maskSources.length > 0 && <> · masks: {maskSources.join(', ')}</>}
        </p>
        {objects.length === 0 ? (
          <p className="text-sm text-neutral-400">
            {analysis.status === 'running' ? 'Looking for objects…' : 'No object above the threshold.'}
          </p>
        ) : (
          <ul className="-mx-2 max-h-80 overflow-y-auto">{objects.map(row)}</ul>
        )}
        {hiddenCount > 0 && <p className="mt-1 text-xs text-neutral-400">{hiddenCount} below the score threshold</p>}
      </section>
      <StuffSection row={row} />
    </div>
  );
}

/** Stuff regions (wall, road, sky…) in their own group, largest first, with a switch to show or hide them. */
function StuffSection({ row }: { row: (entity: Entity) => ReactNode }) {
  const { analysis, visible, view, updateView } = useAnalysis();
  const all = analysis.entities.filter((e) => e.kind === 'stuff');
  if (all.length === 0) return null;
  const shown = visible.filter((e) => e.kind === 'stuff');
  return (
    <section aria-label="Stuff">
      <h2 className="mb-1 flex items-baseline justify-between text-xs font-medium uppercase tracking-wide text-neutral-400">
        <span>
          Stuff <span className="tabular-nums">({shown.length})</span>
        </span>
        <label className="flex items-center gap-1.5 normal-case tracking-normal">
          <input
            data-testid="show-stuff"
            type="checkbox"
            checked={view.showStuff}
            onChange={(e) => updateView({ showStuff: e.currentTarget.checked })}
            className="accent-sky-500"
          />
          show
        </label>
      </h2>
      <p className="mb-1.5 text-xs text-neutral-400">regions: {uniqueSources(all).join(', ')}</p>
      {view.showStuff ? (
        <ul className="-mx-2 max-h-60 overflow-y-auto">{shown.map(row)}</ul>
      ) : (
        <p className="text-sm text-neutral-400">{all.length} hidden</p>
      )}
    </section>
  );
}
