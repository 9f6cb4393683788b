'use client';
/**
 * Take the result away: links to the server's export routes, which render from the stored result at the
 * photo's own resolution (independent of this window, of hover and of selection) and keep the entities the
 * score slider shows. A cut-out is offered for every shown object with a mask, the selected one first (photos
 * only: a video's stored picture is one keyframe).
 */
import { useState } from 'react';
import { exportUrls } from '@/lib/client/resultsApi';
import { useAnalysis } from './analysis/AnalysisProvider';

function baseName(name: string | null): string {
  return (name ?? 'strix').replace(/\.[^.]+$/, '') || 'strix';
}

const linkClass = 'rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-100 hover:bg-neutral-800';

export function ExportButtons() {
  const { analysis, visible, selectedEntityId, view } = useAnalysis();
  // A pick from the list holds until the selection on the photo changes; then the selected object wins.
  const [picked, setPicked] = useState<{ id: string; whileSelected: string | null } | null>(null);
  if (analysis.status !== 'done' || !analysis.resultId) return null;
  const urls = exportUrls(analysis.resultId, view.threshold);
  const name = baseName(analysis.imageName);
  const cuttable = visible.filter((e) => analysis.masks[e.id]);
  const chosenId = picked && picked.whileSelected === selectedEntityId ? picked.id : (selectedEntityId ?? picked?.id);
  const selected = cuttable.find((e) => e.id === chosenId) ?? cuttable[0];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not of form controls, which <fieldset> is for.
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Export">
      <span className="text-xs text-neutral-300">Export</span>
      <a
        data-testid="export-coco"
        className={linkClass}
        href={urls.coco}
        download={`${name}.coco.json`}
        title="Entities, stuff regions and sound events with RLE masks (COCO)"
      >
        COCO JSON
      </a>
      <a
        data-testid="export-label-studio"
        className={linkClass}
        href={urls.labelStudio}
        download={`${name}.label-studio.json`}
        title="A Label Studio task with brush masks"
      >
        Label Studio
      </a>
      <a
        data-testid="export-png"
        className={linkClass}
        href={urls.overlay}
        download={`${name}.overlay.png`}
        title="The photo with masks, boxes and labels, at its own resolution"
      >
        PNG overlay
      </a>
      {selected && !analysis.video && (
        <span className="flex items-center gap-1">
          <label className="sr-only" htmlFor="cutout-entity">
            Object to cut out
          </label>
          <select
            id="cutout-entity"
            data-testid="export-cutout-entity"
            className="rounded-md border border-neutral-600 bg-neutral-900 px-1 py-1 text-xs text-neutral-100"
            value={selected.id}
            onChange={(event) => setPicked({ id: event.target.value, whileSelected: selectedEntityId })}
          >
            {cuttable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label} ({e.id})
              </option>
            ))}
          </select>
          <a
            data-testid="export-cutout"
            className={linkClass}
            href={urls.cutout(selected.id)}
            download={`${name}.${selected.label}.png`}
            title="This object on a transparent background"
          >
            Cut-out
          </a>
        </span>
      )}
    </div>
  );
}
