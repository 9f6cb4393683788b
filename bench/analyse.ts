/**
 * One analysis of a photo through the real pipeline (lib/analysis/orchestrator.ts), timed from its events: each
 * stage's own time, the total, and when the user sees the first box (first entity), the first mask, and can ask
 * (the done event: the result is stored then). `cold` clears the SAM embedding cache first; otherwise the
 * photo's embedding from an earlier run is reused, as a re-analysis would.
 */
import { clearEmbeddingCache, segmentPoints, setSamEncoderVariant, type SamEncoderVariant } from '../lib/models/sam';
import { encodeImage } from '../lib/models/sam';
import { innerPoint } from '../lib/image/masks/inner-point';
import { decodeRle } from '../lib/shared/rle';
import { decodeImage } from '../lib/image/decode';
import { runAnalysis } from '../lib/analysis/orchestrator';
import type { Scene } from '../lib/scene/types';
import { composeLinkedAnswer } from '../lib/answer/builtin/answer-builtin';
import { median, timed } from './util';

export const STAGES = [
  'decode',
  'tagging',
  'grounding',
  'fine-names',
  'encode',
  'segmentation',
  'regions',
  'scene-graph',
] as const;
export const MOMENTS = ['firstBox', 'firstMask', 'ready'] as const;
export type RunTimings = Record<(typeof STAGES)[number] | (typeof MOMENTS)[number] | 'total', number>;

export async function analyseTimed(
  bytes: Uint8Array,
  variant: SamEncoderVariant,
  cold: boolean,
): Promise<{ timings: RunTimings; scene: Scene }> {
  setSamEncoderVariant(variant);
  if (cold) clearEmbeddingCache();
  const started = performance.now();
  const [decoded, decodeMs] = await timed(() => decodeImage(bytes));
  const timings = Object.fromEntries([...STAGES, ...MOMENTS, 'total'].map((k) => [k, 0])) as RunTimings;
  timings.firstBox = timings.firstMask = NaN; // a photo with nothing found shows neither
  const since = () => performance.now() - started;
  const scene = await runAnalysis(
    { image: { decoded, decodeMs } },
    'bench',
    (event) => {
      if (event.type === 'stage' && event.status === 'done')
        timings[event.stage as (typeof STAGES)[number]] = event.ms ?? 0;
      if (event.type === 'entity' && Number.isNaN(timings.firstBox)) timings.firstBox = since();
      if (event.type === 'mask' && Number.isNaN(timings.firstMask)) timings.firstMask = since();
      if (event.type === 'done') timings.total = timings.ready = since();
    },
    new AbortController().signal,
  );
  return { timings, scene };
}

const QUESTIONS = [
  'Describe the image',
  'How many people are there?',
  'Where is the car?',
  'What colour is the biggest thing?',
  'What is on the left?',
  'What is next to the person?',
  'Which is the nearest?',
  'Is there a dog?',
];

/** The built-in answerer's median time per question over a fixed set (goal ≤ 50 ms). */
export function answerLatency(scene: Scene): number {
  return median(
    QUESTIONS.map((question) => {
      const start = performance.now();
      composeLinkedAnswer({ resultId: 'bench', graph: scene.graph!, threshold: 0.3 }, [
        { role: 'user', content: question },
      ]);
      return performance.now() - start;
    }),
  );
}

/** Point mode's preview: one click on each masked thing (inside its mask), median decoder time per click. */
export async function pointLatency(scene: Scene): Promise<number> {
  const embedding = await encodeImage(scene.image!);
  const clicks: number[] = [];
  for (const entity of scene.entities.filter((e) => e.kind === 'thing' && e.mask)) {
    const click = innerPoint(decodeRle(entity.mask!.rle), scene.image!.width);
    if (click) clicks.push((await timed(() => segmentPoints(embedding, [{ ...click, positive: true }])))[1]);
  }
  return clicks.length ? median(clicks) : NaN;
}
