/**
 * One image through the whole pipeline, as the analyse route runs it but without a server: decode, run the
 * registered stages, then export (COCO + the stream's summary, optional overlay PNG) and, when asked, the
 * built-in answerer's reply with its linked phrases.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnalyzeEvent, Tag, WordResult } from '@/lib/shared/analysis';
import type { AudioSummary } from '@/lib/shared/audio';
import type { LinkSpan } from '@/lib/shared/chat';
import { cocoExport, type CocoExport } from '@/lib/export/coco';
import type { CocoVideoExport } from '@/lib/export/coco-video';
import { exportSceneFromScene } from '@/lib/export/scene';
import { renderOverlayPng } from '@/lib/export/overlay';
import { decodeImage } from '@/lib/image/decode';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { maskUnmaskedThings } from '@/lib/analysis/stages/segmentation';
import { composeLinkedAnswer } from '@/lib/answer/builtin/answer-builtin';
import { graphOf } from '@/lib/scene/graph/build';
import { BUILTIN_SOURCE_LABEL } from '@/lib/answer/answer-with-fallback';
import { readTextInWorker } from '@/lib/server/inference/pool';
import { ensureSceneText } from '@/lib/answer/scene-text';
import type { Scene } from '@/lib/scene/types';

type StageEvent = Extract<AnalyzeEvent, { type: 'stage' }>;

/** What the analysis stream said, without the entities and masks (those are in the COCO part). */
export interface AnalysisSummary {
  width: number;
  height: number;
  totalMs: number;
  stages: Array<Omit<StageEvent, 'type'>>;
  tags: Tag[];
  /** The sound, without the per-frame curves drawn under the waveform. */
  audio?: Omit<AudioSummary, 'waveform' | 'speech'> & { speech: Omit<AudioSummary['speech'], 'probabilities'> };
  soundSourceIds: string[];
  /** Problems the stream reported without failing the image (a damaged sound). */
  warnings: string[];
  /** --find: what each word matched, by which model. */
  finds?: WordResult[];
}

export interface AnswerRecord {
  question: string;
  text: string;
  source: string;
  links: LinkSpan[];
}

export interface FileResult {
  file: string;
  threshold: number;
  summary: AnalysisSummary;
  /** A video's has one image per keyframe (lib/cli/analyze-video.ts). */
  coco: CocoExport | CocoVideoExport;
  answer?: AnswerRecord;
}

export interface AnalyzeFileOptions {
  audio?: Uint8Array;
  question?: string;
  threshold: number;
  /** Path to write the overlay PNG to, when wanted. */
  pngPath?: string;
  everything?: boolean;
  find?: string[];
}

export function summaryAudio(audio: AudioSummary | undefined): AnalysisSummary['audio'] {
  if (!audio) return undefined;
  const { waveform: _waveform, speech, ...rest } = audio;
  const { probabilities: _probabilities, ...speechSpans } = speech;
  return { ...rest, speech: speechSpans };
}

export async function answerQuestion(scene: Scene, question: string, threshold: number): Promise<AnswerRecord> {
  await ensureSceneText(scene, question, readTextInWorker); // OCR runs only when the question is about text, as in the chat route
  scene.graph = graphOf(scene);
  const answer = composeLinkedAnswer({ resultId: scene.resultId, graph: scene.graph, threshold, texts: scene.texts }, [
    { role: 'user', content: question },
  ]);
  // The built-in answerer links what it writes itself, instance by instance.
  return { question, text: answer.text, source: BUILTIN_SOURCE_LABEL, links: answer.spans };
}

export async function analyzeFile(file: string, options: AnalyzeFileOptions): Promise<FileResult> {
  const decodeStarted = performance.now();
  const decoded = await decodeImage(new Uint8Array(await fs.readFile(file)));
  const decodeMs = performance.now() - decodeStarted;
  const events: AnalyzeEvent[] = [];
  const input = {
    image: { decoded, decodeMs },
    audio: options.audio,
    everything: options.everything,
    find: options.find,
  };
  // Nothing is stored, but the id seeds the answer's wording: taken from the image's hash (in the stored-result
  // shape, 22 base64url characters), the same photo gets the same answer on every run.
  const resultId = Buffer.from(decoded.hash, 'hex').subarray(0, 16).toString('base64url');
  const scene = await runAnalysis(input, resultId, (event) => events.push(event), new AbortController().signal);
  // The analysis masks only what the default threshold shows; a lower --threshold exports weaker things, masked.
  await maskUnmaskedThings(decoded, scene.entities, options.threshold);

  const exportScene = exportSceneFromScene(
    scene,
    { name: path.basename(file), width: decoded.width, height: decoded.height },
    options.threshold,
  );
  const done = events.find((e) => e.type === 'done');
  const summary: AnalysisSummary = {
    width: decoded.width,
    height: decoded.height,
    totalMs: done?.type === 'done' ? done.totalMs : 0,
    stages: events.flatMap((e) =>
      e.type === 'stage' && e.status !== 'start'
        ? [{ stage: e.stage, status: e.status, ms: e.ms, detail: e.detail }]
        : [],
    ),
    tags: events.flatMap((e) => (e.type === 'tags' ? e.tags : [])),
    audio: summaryAudio(scene.audio),
    soundSourceIds: scene.soundSourceIds,
    warnings: events.flatMap((e) => (e.type === 'error' ? [e.message] : [])),
    ...(scene.finds && { finds: scene.finds }),
  };
  if (options.pngPath) await fs.writeFile(options.pngPath, await renderOverlayPng(decoded, exportScene));
  const answer = options.question ? await answerQuestion(scene, options.question, options.threshold) : undefined;
  return { file, threshold: options.threshold, summary, coco: cocoExport(exportScene), ...(answer && { answer }) };
}
