/**
 * The two decodes of a clip: its keyframes (one ffmpeg pass: select → scale → raw RGB on stdout) and its
 * soundtrack (16 kHz mono WAV, the rate the audio stage analyses at). Both stop at the analysed length, run
 * under a time cap and die with the analysis.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AnalysisCancelled } from '../stages/types';
import type { DecodedImage } from '../../image/types';
import { VIDEO_LIMITS } from '../../shared/video';
import { runFfmpeg } from './ffmpeg';
import {
  chooseKeyframes,
  keyframeInterval,
  keyframeSize,
  parseSelectedFrames,
  SCENE_CUT,
  type ChosenFrame,
} from './keyframes';
import { VideoInputError, type VideoProbe } from './probe';

/** Frames ffmpeg may hand over before chooseKeyframes picks: bounds memory (≈ 1.5 MB each at 960×540). */
const MAX_CANDIDATES = 3 * VIDEO_LIMITS.maxKeyframes;
/** Wall-clock cap of one decode: 60 s of 1080p decodes in well under this on two cores. */
const DECODE_TIMEOUT_MS = 120_000;

export interface ExtractedFrame extends ChosenFrame {
  image: DecodedImage;
}

export interface ExtractedKeyframes {
  frames: ExtractedFrame[];
  /** Set when ffmpeg hit damaged data: the time of the last frame it gave, after which nothing may be analysed. */
  damagedAfterSec?: number;
}

/** What ffmpeg says about data it could not decode (it goes on past it, or stops there). */
const DAMAGED =
  /Invalid data found when processing input|Error while decoding stream|Invalid NAL unit|error reading header/i;

/** `file` lies in a folder of its own (analyze.ts prepareVideo): the frame list is written beside it. */
export async function extractKeyframes(
  file: string,
  probe: VideoProbe,
  analysedSec: number,
  signal: AbortSignal,
): Promise<ExtractedKeyframes> {
  const { width, height } = keyframeSize(probe.width, probe.height);
  const frameBytes = width * height * 3;
  const interval = keyframeInterval(analysedSec, VIDEO_LIMITS.maxKeyframes).toFixed(3);
  const select = `select='eq(n\\,0)+gt(scene\\,${SCENE_CUT})+gte(t-prev_selected_t\\,${interval})'`;
  // Each passed frame's time and scene score go to a file beside the upload: stderr may fill with decode errors.
  const metadataFile = path.join(path.dirname(file), 'frames.txt');
  const metadata = `metadata=print:key=lavfi.scene_score:file=${metadataFile}`;
  const run = await runFfmpeg(
    [
      '-i',
      file,
      '-t',
      String(analysedSec),
      '-an',
      '-sn',
      '-dn',
      '-vf',
      `${select},${metadata},scale=${width}:${height}`,
      '-vsync',
      'vfr',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { timeoutMs: DECODE_TIMEOUT_MS, maxStdoutBytes: MAX_CANDIDATES * frameBytes, signal },
  );
  if (run.stopped === 'signal') throw new AnalysisCancelled('The client went away.');
  const count = Math.floor(run.stdout.length / frameBytes);
  // Frames already decoded are used even when a cap stopped the decode; none at all means the file is broken.
  if (!count) {
    if (run.stopped === 'time') throw new VideoInputError('decode_timeout', 'Decoding the video took too long.');
    throw new VideoInputError('corrupt_video', 'No frame of the video could be decoded; the file may be damaged.');
  }
  const candidates = parseSelectedFrames(
    fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8') : '',
  ).slice(0, count);
  if (!candidates.length)
    throw new VideoInputError('corrupt_video', 'The video decoded without frame times; the file may be damaged.');
  const damagedAfterSec =
    DAMAGED.test(run.stderr) || run.stopped === 'time' ? (candidates[candidates.length - 1]?.timeSec ?? 0) : undefined;
  const frames = chooseKeyframes(candidates, VIDEO_LIMITS.maxKeyframes).map((frame) => {
    const rgb = new Uint8Array(run.stdout.subarray(frame.candidate * frameBytes, (frame.candidate + 1) * frameBytes));
    // The hash keys SAM's embedding cache: it must differ per frame, so it is taken over the pixels.
    const hash = createHash('sha256').update(rgb).digest('hex');
    return { ...frame, image: { width, height, rgb, hash } };
  });
  return { frames, damagedAfterSec };
}

/** The soundtrack as 16 kHz mono 16-bit WAV, or undefined when the clip has no sound stream. */
export async function extractSoundtrack(
  file: string,
  probe: VideoProbe,
  analysedSec: number,
  signal: AbortSignal,
): Promise<Uint8Array | undefined> {
  if (!probe.hasAudio) return undefined;
  const maxBytes = Math.ceil(analysedSec + 1) * 16000 * 2 + 4096;
  const run = await runFfmpeg(
    ['-i', file, '-t', String(analysedSec), '-vn', '-ac', '1', '-ar', '16000', '-f', 'wav', 'pipe:1'],
    {
      timeoutMs: DECODE_TIMEOUT_MS,
      maxStdoutBytes: maxBytes,
      signal,
    },
  );
  // A soundtrack that will not decode is dropped (the pictures still count); the caller notes it.
  return run.code === 0 && run.stdout.length > 44 ? new Uint8Array(run.stdout) : undefined;
}

/** A keyframe as a JPEG: shown in the filmstrip (as a data URL) and stored as the result's picture. */
export function keyframeJpeg(image: DecodedImage): Promise<Buffer> {
  return sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: 75 })
    .toBuffer();
}
