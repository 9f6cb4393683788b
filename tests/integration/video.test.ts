/**
 * A real clip through POST /api/analyze in-process: keyframes streamed with their entities, a dog track, the
 * soundtrack analysed once, the result stored and reopened, and a "when" answer linked to the track. v01 (a
 * dog walks in at about 5 s) is a test-only sample: see its README. Its bark at 6–7 s is not among the audio
 * stage's confident events (it hears a tap at 1.5–2.5 s), so only that some sound event is named is checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as analyze } from '@/app/api/analyze/route';
import type { AnalyzeEvent } from '@/lib/shared/analysis';
import { streamedEvents } from '../helpers/analyze-route';
import { closeInferencePool, startAnalysis } from '@/lib/server/inference/pool';
import { modelQueue } from '@/lib/server/queue';
import { loadResult, forgetHotScenes } from '@/lib/server/results';
import { answerVideoQuestion } from '@/lib/answer/video';
import { GET as exportResult } from '@/app/api/results/[id]/export/[format]/route';
import type { CocoVideoExport } from '@/lib/export/coco-video';

const VIDEOS = path.resolve(process.cwd(), '..', 'shared', 'samples', 'video');

function videoRequest(file: string): Request {
  const form = new FormData();
  form.append('video', new File([fs.readFileSync(path.join(VIDEOS, file))], file, { type: 'video/mp4' }));
  return new Request('http://localhost/api/analyze', { method: 'POST', body: form });
}

async function eventsOf(response: Response): Promise<AnalyzeEvent[]> {
  expect(response.status).toBe(200);
  return streamedEvents(response);
}

afterAll(() => closeInferencePool());

describe('video analysis', () => {
  it('streams keyframes, tracks the dog, names a sound and answers when the dog appears', async () => {
    const events = await eventsOf(await analyze(videoRequest('v01_dog_barking_door.mp4')));
    const of = <T extends AnalyzeEvent['type']>(type: T) =>
      events.filter((e): e is Extract<AnalyzeEvent, { type: T }> => e.type === type);
    expect(of('error')).toEqual([]);
    const [video] = of('video');
    expect(video.video.hasAudio).toBe(true);
    expect(video.video.analysedSec).toBeCloseTo(7.2, 1);
    const keyframes = of('keyframe').map((e) => e.keyframe);
    expect(keyframes.length).toBeGreaterThanOrEqual(3);
    expect(keyframes[0].timeSec).toBeLessThan(0.1);
    // Every entity names its keyframe, and its id is unique across keyframes.
    const entities = of('entity').map((e) => e.entity);
    expect(entities.every((e) => e.keyframe !== undefined && e.id.startsWith(`k${e.keyframe}-`))).toBe(true);
    const tracks = of('track').map((e) => e.track);
    const dog = tracks.find((t) => t.label === 'dog');
    expect(dog).toBeDefined();
    expect(dog!.startSec).toBeGreaterThan(2); // it walks in from the patio
    expect(tracks.some((t) => t.label === 'person')).toBe(true);
    const [audio] = of('audio');
    expect(audio.audio.soundEvents.length).toBeGreaterThan(0);
    const done = of('done');
    expect(done).toHaveLength(1);

    forgetHotScenes(); // reopened from disk, as after a restart
    const scene = await loadResult(done[0].resultId);
    expect(scene?.video?.tracks.map((t) => t.id)).toEqual(tracks.map((t) => t.id));
    const answer = answerVideoQuestion(scene!, [{ role: 'user', content: 'When does the dog appear?' }]);
    expect(answer?.text).toMatch(/dog/i);
    expect(answer?.text).toMatch(/\d(\.\d)? s/);
    expect(answer?.spans.some((s) => s.entityIds.some((id) => dog!.entityIds.includes(id)))).toBe(true);

    // COCO: one image per keyframe with its time, annotations on their keyframe, tracks and sound alongside.
    const id = done[0].resultId;
    const response = await exportResult(new Request(`http://localhost/api/results/${id}/export/coco.json`), {
      params: Promise.resolve({ id, format: 'coco.json' }),
    });
    const coco = (await response.json()) as CocoVideoExport;
    expect(coco.images.map((i) => i.time_sec)).toEqual(keyframes.map((k) => k.timeSec));
    expect(coco.images[0].file_name).toBe('keyframe-01-0.0s.jpg');
    const dogAnnotation = coco.annotations.find((a) => a.strix.trackId === dog!.id)!;
    expect(coco.images.find((i) => i.id === dogAnnotation.image_id)!.time_sec).toBeCloseTo(dog!.startSec, 5);
    expect(dogAnnotation.segmentation).toBeDefined();
    expect(coco.strix.tracks).toHaveLength(tracks.length);
    expect(coco.strix.sound?.soundEvents.length).toBeGreaterThan(0);
  }, 300_000);

  it('analyses a clip without a sound track and says so', async () => {
    const events = await eventsOf(await analyze(videoRequest('v06_soccer_juggle_noaudio.mp4')));
    const video = events.find((e) => e.type === 'video');
    expect(video?.type === 'video' && video.video.notes.join(' ')).toMatch(/no sound track/);
    expect(events.some((e) => e.type === 'audio')).toBe(false);
    expect(events.filter((e) => e.type === 'track').length).toBeGreaterThan(0);
    expect(events.at(-1)?.type).toBe('done');
  }, 300_000);

  it('a client that hangs up during the decode stops it: no keyframe is analysed and the worker is freed', async () => {
    const client = new AbortController();
    const bytes = new Uint8Array(fs.readFileSync(path.join(VIDEOS, 'v03_bbb_multiscene.webm')));
    const started = await startAnalysis({ resultId: 'gone', video: bytes }, client.signal);
    const seen: string[] = [];
    const outcome = started.stream((event) => {
      seen.push(event.type);
      if (event.type === 'video') client.abort(); // the decode starts right after this event
    }, client.signal);
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen).not.toContain('keyframe');
    expect(seen).not.toContain('done');
    while (modelQueue().pending > 0) await new Promise((r) => setTimeout(r, 20));
  }, 120_000);
});
