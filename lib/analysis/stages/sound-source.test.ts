import { describe, expect, it } from 'vitest';
import type { SoundEvent } from '@/lib/shared/audio';
import { loadOntology } from '@/lib/models/efficientat/ontology';
import { findSoundSources } from './sound-source';
import type { SceneEntity } from '../../scene/types';

const COLOR = { name: 'blue', strong: '#00f', light: '#ccf' };
const entity = (
  id: string,
  label: string,
  box: [number, number, number, number],
  score: number | null = 0.8,
  kind: SceneEntity['kind'] = 'thing',
): SceneEntity => ({
  id,
  label,
  score,
  box,
  color: COLOR,
  source: 'test',
  kind,
});
const event = (label: string, group: string, score = 0.7): SoundEvent => {
  const mid = loadOntology().midOf(label)!;
  return { label, mid, group, start: 0, end: 1, score, source: 'efficientat-mn04-as' };
};

describe('findSoundSources', () => {
  it('marks the largest of several cars for a horn, names the others, and explains the table row', async () => {
    const entities = [
      entity('e1', 'car', [0, 0, 10, 10]),
      entity('e2', 'car', [0, 0, 50, 40]),
      entity('e3', 'truck', [0, 0, 30, 30]),
      entity('e4', 'dog', [0, 0, 90, 90]),
    ];
    const [source, ...rest] = await findSoundSources(
      [event('Vehicle horn, car horn, honking', 'Vehicle horn, car horn, honking')],
      entities,
      loadOntology(),
    );
    expect(rest).toEqual([]);
    expect(source.entityIds).toEqual(['e2']);
    expect(source.reason).toBe(
      'the largest of 3 in the picture that could make it (2 cars, 1 truck): a nearer, bigger source is the likelier one heard',
    );
    expect(source.method).toContain('AudioSet ontology');
    expect(source.phrase).toBe('vehicle horn');
  });

  it('prefers a confident candidate to a bigger one the UI hides, and rolls fine classes into one source', async () => {
    const entities = [entity('e1', 'dog', [0, 0, 90, 90], 0.15), entity('e2', 'dog', [0, 0, 20, 20], 0.7)];
    const sources = await findSoundSources(
      [event('Bark', 'Dog', 0.5), event('Dog', 'Dog', 0.8)],
      entities,
      loadOntology(),
    );
    expect(sources).toHaveLength(1);
    expect(sources[0].entityIds).toEqual(['e2']);
    expect(sources[0].eventLabels.sort()).toEqual(['Bark', 'Dog']);
  });

  it('finds water regions for a stream, the player for a trumpet, and nothing that is not in view', async () => {
    const ontology = loadOntology();
    const entities = [entity('s1', 'water', [0, 0, 100, 20], null, 'stuff'), entity('p1', 'person', [0, 0, 20, 60])];
    const stream = await findSoundSources([event('Stream', 'Stream')], entities, ontology);
    expect(stream.map((s) => s.entityIds)).toEqual([['s1']]);
    const trumpet = await findSoundSources([event('Trumpet', 'Brass instrument')], entities, ontology);
    expect(trumpet.map((s) => s.entityIds)).toEqual([['p1']]);
    expect(await findSoundSources([event('Meow', 'Cat')], entities, ontology)).toEqual([]);
  });
});
