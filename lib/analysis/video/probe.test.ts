import { describe, expect, it } from 'vitest';
import { parseProbe } from './probe';

/** `ffmpeg -i` stderr as the bundled ffmpeg 4.x prints it (trimmed to the lines that matter). */
const V01 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'upload':
  Duration: 00:00:07.20, start: 0.000000, bitrate: 841 kb/s
    Stream #0:0(und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(tv, bt709), 854x480 [SAR 1:1 DAR 427:240], 718 kb/s, 24 fps, 24 tbr, 12288 tbn, 48 tbc (default)
    Stream #0:1(eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 127 kb/s (default)
At least one output file must be specified`;

const code = (stderr: string) => {
  try {
    parseProbe(stderr);
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('probe', () => {
  it('reads duration, codec, size and sound from a real clip', () => {
    expect(parseProbe(V01)).toEqual({ durationSec: 7.2, width: 854, height: 480, codec: 'h264', hasAudio: true });
    const webm = `Input #0, matroska,webm, from 'upload':\n  Duration: 02:00:00.00, start: 0.000000\n    Stream #0:0: Video: vp8, yuv420p(progressive), 1280x720, SAR 1:1 DAR 16:9, 24 fps`;
    expect(parseProbe(webm)).toMatchObject({ durationSec: 7200, codec: 'vp8', hasAudio: false });
  });

  it('refuses what is not a video container, a container without a picture, a cut file and huge frames', () => {
    expect(
      code(`Input #0, jpeg_pipe, from 'upload':\n    Stream #0:0: Video: mjpeg (Baseline), yuvj420p, 1800x1200`),
    ).toBe('not_video');
    expect(code(`Input #0, tty, from 'upload':\n    Stream #0:0: Video: ansi, pal8, 640x400, 25 fps`)).toBe(
      'not_video',
    );
    expect(code(`upload: Invalid data found when processing input`)).toBe('not_video');
    expect(
      code(`Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'upload':\n    Stream #0:0(und): Audio: aac (LC), 44100 Hz, mono`),
    ).toBe('no_video_stream');
    expect(
      code(`[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found\nupload: Invalid data found when processing input`),
    ).toBe('corrupt_video');
    expect(code(V01.replace('854x480', '8000x4600'))).toBe('frame_too_large');
  });
});
