/**
 * `npm run bench [-- --images 01,07 --runs 3 --big 3]`: the photo bench (bench/run.ts, which takes the flags)
 * then the video rows (bench/video.ts), each in its own process so neither's models warm the other's figures,
 * and with the inference workers' heap settings (lib/server/inference/heap.ts): they run the pipeline on their
 * main thread.
 */
import { execFileSync } from 'node:child_process';
import { INFERENCE_HEAP_FLAGS } from '../lib/server/inference/heap';

const tsx = (script: string, args: string[] = []) =>
  execFileSync(process.execPath, [...INFERENCE_HEAP_FLAGS, '--import', 'tsx', script, ...args], { stdio: 'inherit' });

tsx('bench/run.ts', process.argv.slice(2));
tsx('bench/video.ts');
