/**
 * The inference worker's side (bundled into dist/inference-worker.cjs; dev-worker.mjs under next dev): every ONNX session lives here, one set per worker, so
 * the server's event loop never waits for a model. Each task reports failures as plain `Failure` objects.
 */
import type { MessagePort } from 'node:worker_threads';
import { AnalyzeEventSchema, type AnalyzeEvent } from '../../shared/analysis';
import { AudioInputError } from '../../audio/errors';
import { decodeAudio } from '../../audio/decode';
import { sniffAudioFormat } from '../../audio/sniff';
import { downscaleForStorage } from '../../image/downscale';
import { ModelCorruptError, ModelMissingError } from '../../models/manifest';
import { readText } from '../../models/ppocr';
import { samDecoderModelId, samEncoderModelId } from '../../models/sam/variants';
import { getSession } from '../../models/session';
import { SILERO_VAD_ID } from '../../models/silero-vad';
import { detectorModelId } from '../../models/detector';
import { decodeImage, ImageInputError } from '../../image/decode';
import { AnalysisCancelled, runAnalysis } from '../../analysis/orchestrator';
import { segmentEntities } from '../../analysis/stages/segmentation';
import type { Scene } from '../../scene/types';
import { encodeImage, hasCachedEmbedding, segmentPoints } from '../../models/sam';
import { warmUpWorker } from './warm-worker';
import { FfmpegUnavailableError } from '../../analysis/video/ffmpeg';
import { VideoInputError } from '../../analysis/video/probe';
import { prepareVideo, runVideoAnalysis } from '../../analysis/video/analyze';
import { renderExportPng } from '../../export/render';
import type {
  AnalysisMessage,
  Failure,
  PointsResult,
  ReadTextResult,
  SegmentResult,
  TaskResult,
  WorkerTask,
} from './protocol';

/**
 * Models without which an upload cannot be analysed at all: loaded before the stream starts, so a missing or
 * damaged one is a 503 naming it. Stages with optional models skip themselves instead. A function, so the SAM
 * files (STRIX_SAM_ENCODER, STRIX_SAM_DECODER) and the detector (STRIX_DETECTOR) are chosen when a task runs and a bad setting fails that task,
 * not the worker.
 */
const requiredModels = () => ({
  image: [detectorModelId(), samEncoderModelId(), samDecoderModelId()],
  audio: [SILERO_VAD_ID],
});

function toFailure(error: unknown): Failure {
  if (error instanceof ImageInputError) return { kind: 'image_input', code: error.code, message: error.message };
  if (error instanceof AudioInputError) return { kind: 'audio_input', code: error.code, message: error.message };
  if (error instanceof VideoInputError) return { kind: 'video_input', code: error.code, message: error.message };
  if (error instanceof FfmpegUnavailableError) return { kind: 'model', code: 'ffmpeg_missing', message: error.message };
  if (error instanceof ModelMissingError || error instanceof ModelCorruptError) {
    return { kind: 'model', code: error.code, message: error.message };
  }
  if (error instanceof AnalysisCancelled) return { kind: 'cancelled', code: 'cancelled', message: error.message };
  // The detail (and any path in it) stays in the server's log.
  console.error('inference task failed', error);
  return { kind: 'internal', code: 'analysis_failed', message: 'The analysis failed on the server; see its log.' };
}

/** Loads every session in `ids`; all loads settle before it throws, so no session is still being built when the task ends. */
async function loadModels(ids: string[]): Promise<void> {
  const loads = await Promise.allSettled(ids.map((id) => getSession(id)));
  const failed = loads.find((load) => load.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A question-time task's answer: its value, or the failure as a plain object (a WorkerFailure on the main thread). */
async function settle<T>(work: () => Promise<T>): Promise<TaskResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}

/** The scene a result keeps: full pixels replaced by the ≤ 1024 px copy, the original size recorded. */
async function toStoredScene(scene: Scene): Promise<Scene> {
  if (!scene.image) return scene;
  const { width, height } = scene.image;
  return { ...scene, image: await downscaleForStorage(scene.image), imageSize: { width, height } };
}

async function analyze(task: Extract<WorkerTask, { kind: 'analyze' }>): Promise<void> {
  const port: MessagePort = task.port;
  const post = (message: AnalysisMessage) => port.postMessage(message);
  // A model run holds this thread, so a message saying "cancel" would only be read after the next stage
  // has begun; the shared flag is read at every event instead, and the stages check the signal between units.
  const stop = new AbortController();
  // Events are checked against the shared schema here, off the main thread (a server bug fails the analysis
  // with an error event instead of sending a line the client cannot read).
  const emit = (event: AnalyzeEvent) => {
    if (Atomics.load(task.cancelFlag, 0) === 1) stop.abort();
    if (!stop.signal.aborted) post({ type: 'event', event: AnalyzeEventSchema.parse(event) });
  };
  try {
    if (task.video) {
      // ffmpeg decodes while this thread idles, so the flag is polled too: a client that leaves kills the decode.
      const watch = setInterval(() => Atomics.load(task.cancelFlag, 0) === 1 && stop.abort(), 250);
      await analyzeVideo(task.video, task.resultId, post, emit, stop.signal).finally(() => clearInterval(watch));
      return;
    }
    const decodeStarted = performance.now();
    const image = task.image && (await decodeImage(task.image));
    const decodeMs = performance.now() - decodeStarted;
    // A file that is no sound format at all is refused before anything runs. A damaged or empty one beside a
    // photo is reported in the stream (the photo's analysis stands); alone, it is decoded now, so it is
    // refused with a 4xx and no empty result is stored.
    if (task.audio) sniffAudioFormat(task.audio);
    const audio = task.audio && !image ? await decodeAudio(task.audio) : task.audio;
    const { image: forImage, audio: forAudio } = requiredModels();
    const required = [...(image ? forImage : []), ...(task.audio ? forAudio : [])];
    await loadModels(required);
    post({ type: 'accepted' });
    const input = {
      image: image ? { decoded: image, decodeMs } : undefined,
      audio,
      everything: task.everything,
      find: task.find,
    };
    const scene = await runAnalysis(input, task.resultId, emit, stop.signal);
    post({ type: 'result', scene: await toStoredScene(scene) });
  } catch (error) {
    post({ type: 'failed', failure: toFailure(error) });
  } finally {
    // Messages already posted are delivered before the main thread hears the port close.
    port.close();
  }
}

/** A video: probed (bad input refused before `accepted`), then keyframes and soundtrack through the stages. */
async function analyzeVideo(
  bytes: Uint8Array,
  resultId: string,
  post: (m: AnalysisMessage) => void,
  emit: (e: AnalyzeEvent) => void,
  signal: AbortSignal,
) {
  const video = await prepareVideo(bytes, signal);
  try {
    const { image: forImage, audio: forAudio } = requiredModels();
    const required = [...forImage, ...(video.info.hasAudio ? forAudio : [])];
    await loadModels(required);
    post({ type: 'accepted' });
    const { scene, uploads } = await runVideoAnalysis(video, resultId, emit, signal);
    post({ type: 'result', scene: await toStoredScene(scene), uploads });
  } finally {
    video.cleanup();
  }
}

function readTextTask(task: Extract<WorkerTask, { kind: 'read-text' }>): Promise<ReadTextResult> {
  return settle(async () => {
    const regions = await readText(task.image);
    const sx = task.size.width / task.image.width;
    const sy = task.size.height / task.image.height;
    return regions.map((r) => ({
      ...r,
      box: [r.box[0] * sx, r.box[1] * sy, r.box[2] * sx, r.box[3] * sy] as typeof r.box,
    }));
  });
}

function segmentTask(task: Extract<WorkerTask, { kind: 'segment' }>): Promise<SegmentResult> {
  return settle(async () => {
    const masks = await segmentEntities(task.image, task.boxes, undefined, task.size);
    return [...masks].map(([id, mask]) => ({ id, mask }));
  });
}

function pointsTask(task: Extract<WorkerTask, { kind: 'points' }>): Promise<PointsResult> {
  return settle(async () => {
    const reencoded = !hasCachedEmbedding(task.image.hash);
    const embedding = await encodeImage(task.image, task.size);
    const started = performance.now();
    const mask = await segmentPoints(embedding, task.points);
    return { mask, decodeMs: performance.now() - started, reencoded };
  });
}

export default async function runTask(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'analyze':
      return analyze(task);
    case 'read-text':
      return readTextTask(task);
    case 'segment':
      return segmentTask(task);
    case 'render':
      return settle(() => renderExportPng(task));
    case 'points':
      return pointsTask(task);
    case 'warm':
      return settle(warmUpWorker);
  }
}
