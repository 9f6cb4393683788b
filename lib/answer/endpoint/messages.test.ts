import { describe, expect, it } from 'vitest';
import { computeSceneFacts } from '../scene-facts';
import { paintScene, streetScene } from '../../scene/test-fixtures';
import { buildEndpointMessages } from './messages';

describe('buildEndpointMessages', () => {
  const facts = computeSceneFacts(streetScene());

  it('sends text only when there is no image, and includes the sound summary', () => {
    const messages = buildEndpointMessages(facts, [{ role: 'user', content: 'Hi' }], null, {
      description: 'A dog barking',
      keywords: ['dog'],
    });
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({ role: 'user', content: 'Hi' });
    expect(messages[0].content).toContain('Sound analysis of the audio: A dog barking (keywords: dog).');
    expect(messages[0].content).toContain('e4: dog, 0.70');
    expect(messages[0].content).not.toContain('bbox_2d');
  });

  it('asks for bbox_2d boxes in the sent image size in grounding mode', () => {
    const messages = buildEndpointMessages(
      facts,
      [{ role: 'user', content: 'Hi' }],
      { dataUrl: 'data:x', width: 60, height: 45 },
      undefined,
      {
        grounding: true,
      },
    );
    expect(messages[0].content).toContain('"bbox_2d": [x1, y1, x2, y2]');
    expect(messages[0].content).toContain('60×45');
    expect(messages[0].content).toContain('e1: car, 0.90, [1, 25, 21, 43]');
  });

  it('says when nothing was detected', () => {
    const empty = computeSceneFacts(paintScene(10, 10, []));
    expect(buildEndpointMessages(empty, [{ role: 'user', content: 'Hi' }], null)[0].content).toContain(
      'found no objects',
    );
  });
});
