/**
 * Video rows of `npm run bench`: real clips (../shared/samples/video) through the whole video path in this
 * process, after a warm-up run that loads the models: the ffmpeg decode (keyframes + soundtrack), seconds
 * per keyframe (every image stage), and the whole clip (decode, audio stage, keyframes, tracks). Prints what
 * each clip gave too (tracks, sounds), so a speed-up that loses findings shows.
 *   npx tsx bench/video.ts [clip…]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnalyzeEvent } from '../lib/shared/analysis';
import { prepareVideo, runVideoAnalysis } from '../lib/analysis/video/analyze';

const DIR = process.env.VIDEO_SAMPLES_DIR ?? path.resolve(process.cwd(), '..', 'shared', 'samples', 'video');
const CLIPS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['v01_dog_barking_door.mp4', 'v03_bbb_multiscene.webm'];

async function analyse(clip: string, report: boolean) {
  const signal = new AbortController().signal;
  const started = performance.now();
  const video = await prepareVideo(new Uint8Array(fs.readFileSync(path.join(DIR, clip))), signal);
  const events: AnalyzeEvent[] = [];
  try {
    const { scene, timing } = await runVideoAnalysis(video, 'bench', (e) => events.push(e), signal);
    const totalS = (performance.now() - started) / 1000;
    if (!report) return;
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      `\nvideo: ${clip} (${video.info.analysedSec.toFixed(1)} s analysed, ${video.info.width}×${video.info.height})`,
    );
    console.log(`  decode (ffmpeg keyframes + soundtrack)  ${s(timing.decodeMs)} s`);
    console.log(`  per keyframe (all image stages)         ${s(timing.perKeyframeMs)} s × ${timing.keyframes}`);
    console.log(`  whole clip                              ${totalS.toFixed(2)} s`);
    const tracks = scene.video!.tracks.map((t) => `${t.label} ${t.startSec.toFixed(1)}–${t.endSec.toFixed(1)} s`);
    console.log(`  tracks: ${tracks.join(', ') || 'none'}`);
    const sounds = (scene.audio?.soundEvents ?? []).map(
      (e) => `${e.label} ${e.start.toFixed(1)}–${e.end.toFixed(1)} s (${e.score.toFixed(2)})`,
    );
    console.log(`  sounds: ${sounds.join(', ') || 'none'}`);
  } finally {
    video.cleanup();
  }
}

async function main() {
  await analyse(CLIPS[0], false); // warm-up: loads every model once
  for (const clip of CLIPS) await analyse(clip, true);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
