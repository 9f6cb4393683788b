/**
 * A video through the existing pipeline, inside an inference worker: the clip is probed and its keyframes
 * and soundtrack decoded by ffmpeg (extract.ts), the soundtrack goes once through the audio stage, and each
 * keyframe through every image stage (runAnalysis), its events streamed as it finishes with entity ids made
 * unique per keyframe (`k3-e1`). Tracks and sound links come last, from what the keyframes found.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalyzeEvent, Tag } from '../../shared/analysis';
import { VIDEO_LIMITS, type VideoInfo } from '../../shared/video';
import { tryLoadOntology } from '../../models/efficientat/ontology';
import { runAnalysis, type Emit } from '../orchestrator';
import { graphOf } from '../../scene/graph/build';
import { findSoundSources } from '../stages/sound-source';
import type { Scene } from '../../scene/types';
import { extractKeyframes, extractSoundtrack, keyframeJpeg } from './extract';
import { probeVideo, type VideoProbe } from './probe';
import { buildTracks } from './tracks';
import type { SceneKeyframe, SceneVideo, SoundLink } from '../../scene/video';

export interface PreparedVideo {
  file: string;
  probe: VideoProbe;
  info: VideoInfo;
  cleanup(): void;
}

function seconds(s: number): string {
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return s >= 120 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`;
}

/** Writes the upload to a private temp file (MP4/MOV indexes may sit at the end: ffmpeg needs to seek) and probes it. */
export async function prepareVideo(bytes: Uint8Array, signal: AbortSignal): Promise<PreparedVideo> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-video-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'upload');
    fs.writeFileSync(file, bytes);
    const probe = await probeVideo(file, signal);
    const analysedSec = Math.min(probe.durationSec || VIDEO_LIMITS.analysedSeconds, VIDEO_LIMITS.analysedSeconds);
    const notes: string[] = [];
    if (probe.durationSec > VIDEO_LIMITS.analysedSeconds)
      notes.push(`Only the first ${VIDEO_LIMITS.analysedSeconds} s of ${seconds(probe.durationSec)} were analysed.`);
    if (!probe.hasAudio) notes.push('The clip has no sound track.');
    const info: VideoInfo = {
      durationSec: probe.durationSec,
      analysedSec,
      width: probe.width,
      height: probe.height,
      codec: probe.codec,
      hasAudio: probe.hasAudio,
      notes,
    };
    return { file, probe, info, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** One keyframe's events as the client should see them: ids prefixed, tags merged over the clip, per-run events dropped. */
function keyframeEmitter(emit: Emit, index: number, tags: Map<string, Tag>): Emit {
  const id = (entityId: string) => `k${index}-${entityId}`;
  return (event: AnalyzeEvent) => {
    if (event.type === 'image' || event.type === 'done') return; // the keyframe event and the clip's own `done` stand for them
    if (event.type === 'tags') {
      for (const tag of event.tags) if ((tags.get(tag.label)?.score ?? -1) < tag.score) tags.set(tag.label, tag);
      emit({ type: 'tags', tags: [...tags.values()].sort((a, b) => b.score - a.score) });
    } else if (event.type === 'entity')
      emit({ type: 'entity', entity: { ...event.entity, id: id(event.entity.id), keyframe: index } });
    else if (event.type === 'mask') emit({ ...event, entityId: id(event.entityId) });
    else emit(event);
  };
}

/** Each named sound tied to what was in view at the keyframe nearest its middle (the existing source table). */
async function linkSounds(
  audio: Scene['audio'],
  frames: { index: number; timeSec: number; scene: Scene }[],
): Promise<SoundLink[]> {
  const ontology = tryLoadOntology();
  if (!audio || !ontology || !frames.length) return [];
  const links: SoundLink[] = [];
  for (const event of audio.soundEvents) {
    const middle = (event.start + event.end) / 2;
    const frame = frames.reduce((a, b) => (Math.abs(b.timeSec - middle) < Math.abs(a.timeSec - middle) ? b : a));
    const sources = await findSoundSources([event], frame.scene.entities, ontology);
    const entityIds = sources.flatMap((s) => s.entityIds);
    links.push({
      label: event.label,
      group: event.group,
      start: event.start,
      end: event.end,
      keyframe: frame.index,
      entityIds,
    });
  }
  return links;
}

export async function runVideoAnalysis(video: PreparedVideo, resultId: string, emit: Emit, signal: AbortSignal) {
  const started = performance.now();
  const { info } = video;
  emit({ type: 'video', video: info });
  emit({ type: 'stage', stage: 'keyframes', status: 'start' });
  const [{ frames, damagedAfterSec }, wav] = await Promise.all([
    extractKeyframes(video.file, video.probe, info.analysedSec, signal),
    extractSoundtrack(video.file, video.probe, info.analysedSec, signal),
  ]);
  const decodeMs = performance.now() - started;
  emit({
    type: 'stage',
    stage: 'keyframes',
    status: 'done',
    ms: Math.round(decodeMs),
    detail: `ffmpeg: ${frames.length} keyframes by scene change and interval`,
  });
  if (damagedAfterSec !== undefined) {
    // Not fatal, like a sound that will not decode: what did decode is analysed, and the user is told.
    const message = `Part of the video is damaged or could not be decoded in time: keyframes after ${damagedAfterSec.toFixed(1)} s may be missing.`;
    emit({ type: 'error', code: 'video_damaged', message });
  }
  // The audio run's own sound-source stage has no entities to look at (it would say "skipped"): linkSounds does it per keyframe.
  const audioEmit: Emit = (e) => e.type !== 'done' && !(e.type === 'stage' && e.stage === 'sound-source') && emit(e);
  const audioScene = wav && (await runAnalysis({ audio: wav }, resultId, audioEmit, signal));
  if (info.hasAudio && !wav)
    emit({
      type: 'error',
      code: 'soundtrack_unreadable',
      message: 'Sound not analysed: the sound track could not be decoded.',
    });

  const tags = new Map<string, Tag>();
  const analysed: { index: number; timeSec: number; scene: Scene }[] = [];
  const keyframes: SceneKeyframe[] = [];
  const framesStarted = performance.now();
  for (const [index, frame] of frames.entries()) {
    const { width, height } = frame.image;
    const jpeg = await keyframeJpeg(frame.image);
    emit({
      type: 'keyframe',
      keyframe: {
        index,
        timeSec: frame.timeSec,
        width,
        height,
        reason: frame.reason,
        url: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
      },
    });
    const scene = await runAnalysis(
      { image: { decoded: frame.image, decodeMs: 0 } },
      resultId,
      keyframeEmitter(emit, index, tags),
      signal,
    );
    scene.entities = scene.entities.map((e) => ({ ...e, id: `k${index}-${e.id}`, keyframe: index }));
    analysed.push({ index, timeSec: frame.timeSec, scene });
    const entities = scene.entities.map(({ id, label, score, box, kind }) => ({ id, label, score, box, kind }));
    keyframes.push({ index, timeSec: frame.timeSec, width, height, reason: frame.reason, entities });
  }
  const perKeyframeMs = frames.length ? (performance.now() - framesStarted) / frames.length : 0;

  const confident = (e: SceneKeyframe['entities'][number]) => e.kind === 'thing' && (e.score ?? 1) >= 0.3;
  const tracks = buildTracks(
    keyframes.map((k) => ({ ...k, sceneChange: k.reason === 'scene-change', entities: k.entities.filter(confident) })),
    info.analysedSec,
  );
  for (const track of tracks) emit({ type: 'track', track });
  const soundLinks = await linkSounds(audioScene?.audio, analysed);
  for (const link of soundLinks) {
    if (link.entityIds.length)
      emit({
        type: 'sound-source',
        entityIds: link.entityIds,
        phrase: link.group.toLowerCase(),
        method: `heard at ${link.start.toFixed(1)}–${link.end.toFixed(1)} s, in view at keyframe ${link.keyframe + 1}`,
        eventLabels: [link.label],
      });
  }

  // The keyframe with the most confident things stands for the clip in photo questions, the stored picture and exports.
  const best = analysed.reduce((a, b) =>
    b.scene.entities.filter((e) => confident(e)).length > a.scene.entities.filter((e) => confident(e)).length ? b : a,
  );
  const scene: Scene = {
    ...best.scene,
    tags: [...tags.values()],
    audio: audioScene?.audio,
    audioSamples: audioScene?.audioSamples,
  };
  scene.soundSourceIds = soundLinks.filter((l) => l.keyframe === best.index).flatMap((l) => l.entityIds);
  scene.graph = graphOf(scene); // rebuilt: the keyframe's entities were renamed
  const sceneVideo: SceneVideo = { info, keyframes, tracks, soundLinks, sceneKeyframe: best.index };
  scene.video = sceneVideo;
  emit({ type: 'done', resultId, totalMs: Math.round(performance.now() - started) });
  const uploads = { image: new Uint8Array(await keyframeJpeg(best.scene.image!)), audio: wav };
  return { scene, uploads, timing: { decodeMs, perKeyframeMs, keyframes: frames.length } };
}
