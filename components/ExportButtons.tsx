'use client';
/** Downloads what is on screen: the visible entities as COCO JSON with RLE masks, and the overlay as a PNG. */
import Konva from 'konva';
import { cocoExport } from '@/lib/client/coco-export';
import { useAnalysis } from './analysis/AnalysisProvider';

function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}

function baseName(name: string | null): string {
  return (name ?? 'strix').replace(/\.[^.]+$/, '') || 'strix';
}

export function ExportButtons() {
  const { analysis, visible } = useAnalysis();
  const image = analysis.image;
  if (analysis.status !== 'done' || !image) return null;

  const exportJson = () => {
    const json = cocoExport({ name: analysis.imageName ?? 'image', width: image.width, height: image.height }, visible, analysis.masks);
    const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    download(url, `${baseName(analysis.imageName)}.coco.json`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const exportPng = () => {
    // The stage is drawn at display size: scale it back up so the PNG has the photo's own resolution.
    const stage = Konva.stages[0];
    if (!stage) return;
    download(stage.toDataURL({ pixelRatio: image.width / stage.width() }), `${baseName(analysis.imageName)}.overlay.png`);
  };

  const button = 'rounded border border-neutral-700 px-2 py-1 text-xs text-neutral-200 hover:bg-neutral-800';
  return (
    <div className="flex items-center gap-2">
      <button type="button" data-testid="export-coco" className={button} onClick={exportJson} title="Visible entities with boxes, scores and RLE masks">
        COCO JSON
      </button>
      <button type="button" data-testid="export-png" className={button} onClick={exportPng} title="The image with the overlay as drawn">
        PNG
      </button>
    </div>
  );
}
