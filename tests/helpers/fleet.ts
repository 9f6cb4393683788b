/**
 * Real processes for the multi-machine test: `next start` web servers (from the production build in .next) and
 * `strix worker` processes, on 127.0.0.1 only, each with its own environment. Output goes to the test's log only
 * when a process fails, so a passing run stays quiet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Proc {
  child: ChildProcess;
  /** What it printed, for the failure message. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

function launch(command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => text,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID')))
    throw new Error('No production build in .next: run `npm run build` first.');
}

export function startWeb(port: number, env: Record<string, string>): Proc {
  return launch(path.join('node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], env);
}

export function startFleetWorker(env: Record<string, string>): Proc {
  return launch(process.execPath, [path.join('bin', 'strix.mjs'), 'worker'], env);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  procs: Proc[] = [],
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${procs.map((p) => p.output()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
