'use client';
/**
 * Downloads what is on screen: the visible entities as COCO JSON (RLE masks, fine names, stuff, sound events)
 * or as a Label Studio task (brush masks), and the overlay as a PNG. Both JSON files come from lib/export, the
 * same exporters the server routes and the CLI use.
 */
import Konva from 'konva';
import { cocoExport } from '@/lib/export/coco';
import { labelStudioTasks } from '@/lib/export/label-studio';
import { soundForExport, type ExportScene } from '@/lib/export/scene';
import { useAnalysis } from './analysis/AnalysisProvider';

function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}

function downloadJson(json: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
  download(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName(name: string | null): string {
  return (name ?? 'strix').replace(/\.[^.]+$/, '') || 'strix';
}

export function ExportButtons() {
  const { analysis, visible } = useAnalysis();
  const image = analysis.image;
  if (analysis.status !== 'done' || !image) return null;

  const scene = (): ExportScene => ({
    image: { name: analysis.imageName ?? 'image', width: image.width, height: image.height },
    entities: visible,
    masks: analysis.masks,
    sound: soundForExport(analysis.audio),
  });
  const exportCoco = () => downloadJson(cocoExport(scene()), `${baseName(analysis.imageName)}.coco.json`);
  const exportLabelStudio = () => {
    // Label Studio loads the picture by URL: the stored result's image route on this server.
    const imageUrl = analysis.resultId ? new URL(`/api/results/${analysis.resultId}/image`, window.location.href).href : (analysis.imageName ?? 'image');
    downloadJson(labelStudioTasks(scene(), imageUrl), `${baseName(analysis.imageName)}.label-studio.json`);
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
      <button type="button" data-testid="export-coco" className={button} onClick={exportCoco} title="Visible entities with boxes, scores, RLE masks and sound events">
        COCO JSON
      </button>
      <button type="button" data-testid="export-label-studio" className={button} onClick={exportLabelStudio} title="A Label Studio task: boxes and brush masks">
        Label Studio
      </button>
      <button type="button" data-testid="export-png" className={button} onClick={exportPng} title="The image with the overlay as drawn">
        PNG
      </button>
    </div>
  );
}
