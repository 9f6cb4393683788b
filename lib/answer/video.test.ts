import { describe, expect, it } from 'vitest';
import type { SceneVideo } from '../scene/video';
import { answerVideoQuestion } from './video';

const box = [0, 0, 10, 10] as [number, number, number, number];
const keyframe = (index: number, timeSec: number, labels: string[]) => ({
  index,
  timeSec,
  width: 100,
  height: 100,
  reason: index ? ('interval' as const) : ('first' as const),
  entities: labels.map((label, i) => ({ id: `k${index}-e${i + 1}`, label, score: 0.8, box, kind: 'thing' as const })),
});

const video: SceneVideo = {
  info: { durationSec: 7.2, analysedSec: 7.2, width: 854, height: 480, codec: 'h264', hasAudio: true, notes: [] },
  keyframes: [
    keyframe(0, 0, ['person']),
    keyframe(1, 2, ['person']),
    keyframe(2, 4, []),
    keyframe(3, 6, ['person', 'dog']),
  ],
  tracks: [
    {
      id: 't1',
      label: 'person',
      entityIds: ['k0-e1', 'k1-e1', 'k3-e1'],
      keyframes: [0, 1, 3],
      startSec: 0,
      endSec: 7.2,
    },
    { id: 't2', label: 'dog', entityIds: ['k3-e2'], keyframes: [3], startSec: 6, endSec: 7.2 },
  ],
  soundLinks: [{ label: 'Bark', group: 'Dog', start: 6.2, end: 7, keyframe: 3, entityIds: ['k3-e2'] }],
  sceneKeyframe: 3,
};
const input = {
  video,
  audio: {
    soundEvents: [],
    speech: { segments: [], totalSeconds: 0, probabilities: [], secondsPerProbability: 1, source: 'silero-vad' },
  },
};
const ask = (content: string) => answerVideoQuestion(input, [{ role: 'user', content }]);

describe('video questions', () => {
  it('says when a named sound is heard, with what made it', () => {
    const bark = {
      label: 'Bark',
      mid: '/m/05tny_',
      group: 'Dog',
      start: 6.2,
      end: 7,
      score: 0.6,
      source: 'efficientat-mn04-as',
    };
    const withSound = { video, audio: { ...input.audio, soundEvents: [bark] } };
    const answer = answerVideoQuestion(withSound, [{ role: 'user', content: 'When is the bark heard?' }])!;
    expect(answer.text).toBe('Bark is heard at 6.2 s–7.0 s (the dog in view).');
    expect(answer.spans[0].entityIds).toEqual(['k3-e2']);
  });

  it('says when an object appears, linked to its track, and that it is heard', () => {
    const answer = ask('When does the dog appear?')!;
    expect(answer.text).toBe(
      'The dog is first seen at 6.0 s (keyframe 4) and is in view from 6.0 s to the end. It is heard too: Bark at 6.2 s–7.0 s.',
    );
    expect(answer.spans).toEqual([expect.objectContaining({ text: 'The dog', entityIds: ['k3-e2'] })]);
  });

  it('tells what makes the sound at a moment, and what is in view then', () => {
    const answer = ask('What makes the sound at 6.5 s?')!;
    expect(answer.text).toMatch(/^Around 6\.5 s the sound is Bark \(6\.2 s–7\.0 s\), most likely from the dog\./);
    expect(answer.text).toMatch(/In view at 6\.0 s \(keyframe 4\): a person, a dog\./);
  });

  it('answers whether an object is there the whole time from the keyframes it is missing from', () => {
    expect(ask('Is the person there the whole time?')!.text).toBe(
      'No: the person is seen in 3 of 4 keyframes; not at 4.0 s.',
    );
    expect(ask('is the man in the video the whole time')!.spans[0].entityIds).toEqual(['k0-e1', 'k1-e1', 'k3-e1']);
  });

  it('tells what happens in time order', () => {
    expect(ask('What happens in the video?')!.text).toBe(
      'In the first 7.2 s (4 keyframes): at the start a person is in view; at 6.0 s a dog is in view; at 6.2 s bark is heard (the dog).',
    );
  });

  it('leaves other questions to the photo answerer, and says when nothing of a class was seen', () => {
    expect(ask('What colour is the dog?')).toBeUndefined();
    expect(ask('When does the cat appear?')!.text).toBe('No cat is seen in the 4 keyframes of the first 7.2 s.');
    expect(answerVideoQuestion({}, [{ role: 'user', content: 'When does the dog appear?' }])).toBeUndefined();
  });
});
