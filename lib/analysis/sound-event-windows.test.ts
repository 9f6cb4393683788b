import { describe, expect, it } from 'vitest';
import { buildOntology } from '../models/efficientat/ontology';
import { plainSummary } from '../shared/sound-summary';
import { buildSoundEvents, clipTagsFrom, groupOf } from './sound-event-windows';

// A slice of the AudioSet ontology with its real shape: Animal → Domestic animals → Dog → Bark.
const NODES = [
  { id: 'animal', name: 'Animal', child_ids: ['pets'], restrictions: [] },
  { id: 'pets', name: 'Domestic animals, pets', child_ids: ['dog'], restrictions: [] },
  { id: 'dog', name: 'Dog', child_ids: ['bark'], restrictions: [] },
  { id: 'bark', name: 'Bark', child_ids: [], restrictions: [] },
  { id: 'human', name: 'Human sounds', child_ids: ['voice'], restrictions: ['abstract'] },
  { id: 'voice', name: 'Human voice', child_ids: ['/m/09x0r'], restrictions: ['abstract'] },
  { id: '/m/09x0r', name: 'Speech', child_ids: [], restrictions: [] },
  { id: 'music', name: 'Music', child_ids: [], restrictions: [] },
];
const NAMES = ['Animal', 'Domestic animals, pets', 'Dog', 'Bark', 'Speech', 'Music', 'Human sounds'];
const ontology = buildOntology(
  NAMES.map((name, index) => ({ index, name, mid: NODES.find((n) => n.name === name)!.id })),
  NODES,
);
const probs = (values: Record<string, number>) => NAMES.map((name) => values[name] ?? 0);
const window = (start: number, values: Record<string, number>) => ({ start, end: start + 1, probs: probs(values) });

describe('buildSoundEvents', () => {
  it('rolls fine classes up to their depth-2 group and merges touching windows of one class', () => {
    expect(groupOf(ontology, 'bark')).toBe('dog');
    expect(groupOf(ontology, 'animal')).toBe('animal');
    const events = buildSoundEvents(
      [window(0, { Bark: 0.5, Dog: 0.8 }), window(0.5, { Bark: 0.6, Dog: 0.7 }), window(3, { Bark: 0.45 })],
      ontology,
      'test',
      0.4,
    );
    expect(events.map((e) => [e.label, e.group, e.start, e.end, e.score])).toEqual([
      ['Dog', 'Dog', 0, 1.5, 0.8],
      ['Bark', 'Dog', 0, 1.5, 0.6],
      ['Bark', 'Dog', 3, 4, 0.45],
    ]);
  });

  it('drops a broad class a specific one covers, keeps it where it is mostly alone, and leaves speech to the VAD', () => {
    const covered = buildSoundEvents([window(0, { Animal: 0.9, Dog: 0.8, Speech: 0.9 })], ontology, 'test', 0.4);
    expect(covered.map((e) => e.label)).toEqual(['Dog']);
    const alone = buildSoundEvents(
      [window(0, { Animal: 0.9, Dog: 0.8 }), window(1, { Animal: 0.9 }), window(2, { Animal: 0.9 })],
      ontology,
      'test',
      0.4,
    );
    expect(alone.map((e) => e.label).sort()).toEqual(['Animal', 'Dog']);
  });

  it('never lists abstract nodes as clip tags', () => {
    expect(clipTagsFrom(probs({ 'Human sounds': 0.9, Music: 0.5 }), ontology, 0.4)).toEqual([
      { label: 'Music', mid: 'music', score: 0.5 },
    ]);
  });
});

describe('plainSummary', () => {
  const base = { silent: false, analysedSeconds: 10, bestGuesses: [] };
  const event = (label: string, group: string, start: number, end: number, source = 'efficientat-mn04-as') => ({
    label,
    mid: label,
    group,
    start,
    end,
    score: 0.8,
    source,
  });

  it('tells what is heard in order, with fine kinds and times, and says when there is no speech', () => {
    const text = plainSummary({
      ...base,
      soundEvents: [
        event('Bark', 'Dog', 0.5, 1.5),
        event('Bark', 'Dog', 3, 4),
        event('Vehicle horn, car horn, honking', 'Vehicle horn, car horn, honking', 6, 7),
      ],
    });
    expect(text).toBe('Dog (bark) twice (0.5–1.5 s, 3.0–4.0 s), then vehicle horn from 6.0 to 7.0 s; no speech.');
  });

  it('says "throughout", joins overlapping sounds with "and", and counts VAD speech', () => {
    const text = plainSummary({
      ...base,
      soundEvents: [event('Music', 'Music', 0, 10), event('Speech', 'Speech', 2, 4, 'silero-vad')],
    });
    expect(text).toBe('Music throughout, and speech from 2.0 to 4.0 s.');
  });

  it('reports silence, a low-confidence best guess, and a tagger that is off', () => {
    expect(plainSummary({ ...base, silent: true, soundEvents: [] })).toBe('No sound above the noise floor.');
    expect(plainSummary({ ...base, soundEvents: [], bestGuesses: [{ label: 'Ping', score: 0.22 }] })).toBe(
      'Nothing the sound model is sure of: its best guess is ping at only 0.22; no speech.',
    );
    const two = [
      { label: 'Clip-clop', score: 0.36 },
      { label: 'Vehicle', score: 0.31 },
    ];
    expect(plainSummary({ ...base, soundEvents: [], bestGuesses: two })).toBe(
      'Nothing the sound model is sure of: its best guesses are clip-clop at only 0.36 and vehicle at only 0.31; no speech.',
    );
    const speechFirst = [{ label: 'Speech', score: 0.59 }, ...two];
    expect(plainSummary({ ...base, soundEvents: [], bestGuesses: speechFirst })).toBe(
      'Nothing the sound model is sure of: its best guesses are speech at only 0.59, clip-clop at only 0.36 and vehicle at only 0.31; the speech detector found none.',
    );
    expect(plainSummary({ ...base, soundEvents: [], taggerOff: 'The sound tagger is off: run npm run models.' })).toBe(
      'No speech. The sound tagger is off: run npm run models.',
    );
  });
});
