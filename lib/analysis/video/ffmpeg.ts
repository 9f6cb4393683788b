/**
 * Runs ffmpeg as a separate process (ffmpeg is GPL; Strix only calls its binary). A system ffmpeg on PATH
 * wins; otherwise the static build inside the npm package @ffmpeg-installer/ffmpeg is used. Nothing is ever
 * downloaded. Every run has a wall-clock cap, a cap on the bytes it may write to stdout, and is killed when
 * the analysis is cancelled, so a hostile or endless file cannot hold a worker.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export class FfmpegUnavailableError extends Error {}

let cached: string | undefined;

/** The ffmpeg binary to run: `ffmpeg` on PATH, else the npm package's static build. */
export function ffmpegPath(): string {
  if (cached) return cached;
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return (cached = 'ffmpeg');
  try {
    // Resolved at run time so the bundler does not try to trace the binary.
    const installer = createRequire(`${process.cwd()}/package.json`)('@ffmpeg-installer/ffmpeg') as { path: string };
    return (cached = installer.path);
  } catch {
    throw new FfmpegUnavailableError(
      'No ffmpeg found: install ffmpeg or run `npm install` (package @ffmpeg-installer/ffmpeg).',
    );
  }
}

export interface FfmpegRun {
  stdout: Buffer;
  stderr: string;
  code: number | null;
  /** Stopped by the time cap, the stdout cap or the signal (stdout holds what came before). */
  stopped: 'time' | 'size' | 'signal' | null;
}

export interface FfmpegOptions {
  timeoutMs: number;
  maxStdoutBytes: number;
  signal?: AbortSignal;
  /** Called with each stdout chunk as it arrives (for frames streamed as they decode). */
  onStdout?: (chunk: Buffer) => void;
}

/** stderr is kept to its last 256 kB: enough for every line we parse on clips of ≤ 60 s. */
const MAX_STDERR = 256 * 1024;

export function runFfmpeg(args: string[], options: FfmpegOptions): Promise<FfmpegRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-nostats', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let stopped: FfmpegRun['stopped'] = null;
    const stop = (why: NonNullable<FfmpegRun['stopped']>) => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('time'), options.timeoutMs);
    const onAbort = () => stop('signal');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return;
      outBytes += chunk.length;
      if (outBytes > options.maxStdoutBytes) return stop('size');
      if (options.onStdout) options.onStdout(chunk);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ stdout: Buffer.concat(chunks), stderr, code, stopped });
    });
  });
}
