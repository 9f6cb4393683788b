/**
 * One video through the video path without a server (lib/analysis/video): keyframes and soundtrack through the
 * stages, then the COCO export with one image per keyframe plus tracks and sounds, and, when asked, the
 * answer (time questions first, as in the chat). --png draws the keyframe that stands for the clip.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnalyzeEvent } from '@/lib/shared/analysis';
import { cocoVideoExport } from '@/lib/export/coco-video';
import { renderOverlayPng } from '@/lib/export/overlay';
import { exportSceneFromScene } from '@/lib/export/scene';
import { BUILTIN_SOURCE_LABEL } from '@/lib/answer/answer-with-fallback';
import { prepareVideo, runVideoAnalysis } from '@/lib/analysis/video/analyze';
import { answerVideoQuestion } from '@/lib/answer/video';
import { answerQuestion, summaryAudio, type AnalyzeFileOptions, type FileResult } from './analyze-file';

export const VIDEO_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov', '.webm']);

export async function analyzeVideoFile(file: string, options: AnalyzeFileOptions): Promise<FileResult> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const signal = new AbortController().signal;
  const video = await prepareVideo(bytes, signal);
  try {
    const events: AnalyzeEvent[] = [];
    // As for photos: an id from the file's hash, so the same clip gets the same answer wording on every run.
    const resultId = createHash('sha256').update(bytes).digest().subarray(0, 16).toString('base64url');
    const { scene } = await runVideoAnalysis(video, resultId, (event) => events.push(event), signal);
    const done = events.find((e) => e.type === 'done');
    const summary = {
      width: video.info.width,
      height: video.info.height,
      totalMs: done?.type === 'done' ? done.totalMs : 0,
      stages: events.flatMap((e) =>
        e.type === 'stage' && e.status !== 'start'
          ? [{ stage: e.stage, status: e.status, ms: e.ms, detail: e.detail }]
          : [],
      ),
      tags: scene.tags,
      audio: summaryAudio(scene.audio),
      soundSourceIds: scene.soundSourceIds,
      warnings: [...video.info.notes, ...events.flatMap((e) => (e.type === 'error' ? [e.message] : []))],
    };
    if (options.pngPath && scene.image) {
      const exportScene = exportSceneFromScene(
        scene,
        { name: path.basename(file), width: scene.image.width, height: scene.image.height },
        options.threshold,
      );
      await fs.writeFile(options.pngPath, await renderOverlayPng(scene.image, exportScene));
    }
    const messages = [{ role: 'user' as const, content: options.question ?? '' }];
    const timed = options.question ? answerVideoQuestion(scene, messages) : undefined;
    const answer = timed
      ? { question: options.question!, text: timed.text, source: BUILTIN_SOURCE_LABEL, links: timed.spans }
      : options.question
        ? await answerQuestion(scene, options.question, options.threshold)
        : undefined;
    return {
      file,
      threshold: options.threshold,
      summary,
      coco: cocoVideoExport(events, options.threshold)!,
      ...(answer && { answer }),
    };
  } finally {
    video.cleanup();
  }
}
