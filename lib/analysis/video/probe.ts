/**
 * What a video file is, read from `ffmpeg -i` (the npm build ships no ffprobe): its duration, its first video
 * stream's codec and size, and whether it has sound. Refusals are VideoInputErrors the route maps to 4xx.
 */
import { VIDEO_LIMITS } from '../../shared/video';
import { runFfmpeg } from './ffmpeg';

export type VideoErrorCode = 'not_video' | 'no_video_stream' | 'corrupt_video' | 'frame_too_large' | 'decode_timeout';

export class VideoInputError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface VideoProbe {
  durationSec: number;
  width: number;
  height: number;
  codec: string;
  hasAudio: boolean;
}

const CONTAINER = /^Input #0, (mov,mp4,m4a,3gp,3g2,mj2|matroska,webm), /m;
const DURATION = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/;
const VIDEO_STREAM = /Stream #\d+:\d+[^:]*: Video: (\w+)[^\n]*?, (\d{2,6})x(\d{2,6})/;

/** Parses `ffmpeg -i` stderr; throws VideoInputError when it does not describe a decodable video. */
export function parseProbe(stderr: string): VideoProbe {
  if (
    /Invalid data found when processing input|could not find codec parameters|moov atom not found/i.test(stderr) &&
    !VIDEO_STREAM.test(stderr)
  ) {
    // ffmpeg says this for any file it cannot read as a container: a photo, a text, a cut-off MP4.
    const truncated = /moov atom not found/i.test(stderr);
    throw truncated
      ? new VideoInputError(
          'corrupt_video',
          'The video file is damaged or cut off (its index is missing), so it cannot be decoded.',
        )
      : new VideoInputError('not_video', 'This file is not a video Strix can read (MP4, WebM or MOV).');
  }
  // ffmpeg opens almost anything (a JPEG as a one-frame video, a text file as ANSI art): only the containers
  // of MP4, MOV and WebM pass.
  if (!CONTAINER.test(stderr))
    throw new VideoInputError('not_video', 'This file is not a video Strix can read (MP4, WebM or MOV).');
  const stream = VIDEO_STREAM.exec(stderr);
  if (!stream)
    throw new VideoInputError(
      'no_video_stream',
      'The file has no picture (no video stream); send a sound file as "audio" instead.',
    );
  const [, codec, w, h] = stream;
  const width = Number(w);
  const height = Number(h);
  if (width * height > VIDEO_LIMITS.maxFramePixels) {
    throw new VideoInputError(
      'frame_too_large',
      `Frames of ${width}×${height} are larger than the ${VIDEO_LIMITS.maxFramePixels / 1e6} MP Strix decodes.`,
    );
  }
  const d = DURATION.exec(stderr);
  const durationSec = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : 0;
  return { durationSec, width, height, codec, hasAudio: /Stream #\d+:\d+[^:]*: Audio: /.test(stderr) };
}

export async function probeVideo(file: string, signal?: AbortSignal): Promise<VideoProbe> {
  // `-i` alone exits with an error ("At least one output file") after printing what it found: that is the probe.
  const run = await runFfmpeg(['-i', file], { timeoutMs: 15_000, maxStdoutBytes: 0, signal });
  if (run.stopped === 'time') throw new VideoInputError('decode_timeout', 'Reading the video took too long.');
  return parseProbe(run.stderr);
}
