/**
 * Bad and edge-case videos for the bad-input corpus, made on the spot with the same ffmpeg the app runs (no
 * stored binaries): synthetic pictures (lavfi test sources), encoded in a temp folder and read back.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '@/lib/analysis/video/ffmpeg';

function encode(name: string, args: string[]): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strix-fixture-'));
  try {
    const out = path.join(dir, name);
    const run = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-y', ...args, out]);
    if (run.status !== 0) throw new Error(`ffmpeg could not make ${name}: ${run.stderr}`);
    return new Uint8Array(fs.readFileSync(out));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Two hours of a 64×64 grey picture at 1 fps (about 100 kB): only its first minute may be decoded. */
export const twoHourClip = () =>
  encode('long.mp4', [
    '-f',
    'lavfi',
    '-i',
    'color=c=gray:size=64x64:rate=1',
    '-t',
    '7200',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
  ]);

/** One 8000×4600 frame (36.8 MP, over the 36 MP cap) as Motion JPEG in a MOV. */
export const hugeFrameClip = () =>
  encode('huge.mov', ['-f', 'lavfi', '-i', 'color=c=gray:size=8000x4600:rate=1', '-t', '1', '-c:v', 'mjpeg']);

/** An MP4 container holding only sound (AAC): a video file without a picture. */
export const soundOnlyMp4 = () =>
  encode('sound.m4a', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac']);

/** A QuickTime file whose index (moov) sits at the end, cut in half: a download that stopped. */
export const cutMov = () => {
  const whole = encode('end.mov', [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10',
    '-t',
    '2',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
  ]);
  return whole.slice(0, Math.floor(whole.length / 2));
};
