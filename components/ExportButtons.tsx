'use client';
/**
 * Take the result away: links to the server's export routes, which render from the stored result at the
 * photo's own resolution (independent of this window, of hover and of selection). The cut-out is the
 * selected object's (photos only: a video's stored picture is one keyframe).
 */
import { exportUrls } from '@/lib/client/resultsApi';
import { useAnalysis } from './analysis/AnalysisProvider';

function baseName(name: string | null): string {
  return (name ?? 'strix').replace(/\.[^.]+$/, '') || 'strix';
}

const linkClass = 'rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-100 hover:bg-neutral-800';

export function ExportButtons() {
  const { analysis, visible, selectedEntityId } = useAnalysis();
  if (analysis.status !== 'done' || !analysis.resultId) return null;
  const urls = exportUrls(analysis.resultId);
  const name = baseName(analysis.imageName);
  const selected = visible.find((e) => e.id === selectedEntityId);
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Export">
      <span className="text-xs text-neutral-300">Export</span>
      <a data-testid="export-coco" className={linkClass} href={urls.coco} download={`${name}.coco.json`} title="Entities, stuff regions and sound events with RLE masks (COCO)">
        COCO JSON
      </a>
      <a data-testid="export-label-studio" className={linkClass} href={urls.labelStudio} download={`${name}.label-studio.json`} title="A Label Studio task with brush masks">
        Label Studio
      </a>
      <a data-testid="export-png" className={linkClass} href={urls.overlay} download={`${name}.overlay.png`} title="The photo with masks, boxes and labels, at its own resolution">
        PNG overlay
      </a>
      {analysis.video ? null : selected ? (
        <a data-testid="export-cutout" className={linkClass} href={urls.cutout(selected.id)} download={`${name}.${selected.label}.png`} title="The selected object on a transparent background">
          Cut-out: {selected.label}
        </a>
      ) : (
        <span data-testid="export-cutout-hint" className="hidden text-xs text-neutral-300 sm:inline">
          select an object for its cut-out
        </span>
      )}
    </div>
  );
}
