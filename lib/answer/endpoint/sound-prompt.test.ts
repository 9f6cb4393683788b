import { describe, expect, it } from 'vitest';
import { soundPromptLines } from './messages';

describe('soundPromptLines', () => {
  it('gives the endpoint the plain summary and every event with its time, score and model', () => {
    const lines = soundPromptLines({
      description: 'Level: moderate.',
      keywords: ['dog'],
      plainSummary: 'Dog (bark) from 0.5 to 2.6 s; no speech.',
      soundEvents: [
        { label: 'Bark', mid: '/m/05tny_', group: 'Dog', start: 1, end: 2, score: 0.4, source: 'efficientat-mn04-as' },
        {
          label: 'Dog',
          mid: '/m/0bt9lr',
          group: 'Dog',
          start: 0.5,
          end: 2.61,
          score: 0.86,
          source: 'efficientat-mn04-as',
        },
      ],
    });
    expect(lines).toEqual([
      'What the sound contains: Dog (bark) from 0.5 to 2.6 s; no speech.',
      'Sound events (AudioSet class, group, time span, confidence, model):',
      '- Dog (Dog), 0.5–2.6 s, 0.86, efficientat-mn04-as',
      '- Bark (Dog), 1.0–2.0 s, 0.40, efficientat-mn04-as',
      'Sound analysis of the audio: Level: moderate. (keywords: dog).',
    ]);
  });
});
