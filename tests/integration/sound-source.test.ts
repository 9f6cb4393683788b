/**
 * Sound sources on sample photos: a heard class must mark a fitting visible entity (and only one of several),
 * and a sound with no fitting entity in view must mark nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_SCORE_FLOOR } from '@/lib/shared/analysis';
import { loadOntology } from '@/lib/models/efficientat/ontology';
import { detectObjects } from '@/lib/models/detector';
import { analyseAudio } from '@/lib/analysis/stages/audio';
import { decodeImage } from '@/lib/image/decode';
import { groundTags } from '@/lib/analysis/stages/grounding';
import { findSoundSources } from '@/lib/analysis/stages/sound-source';
import { tagsFromDetections } from '@/lib/analysis/stages/tagging';

const SAMPLES = path.resolve(process.cwd(), '..', 'shared', 'samples');
const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));

async function sourcesFor(audioFile: string, imageFile: string) {
  const image = await decodeImage(read(`images/${imageFile}`));
  const detections = await detectObjects(image, SERVER_SCORE_FLOOR);
  const entities = groundTags(tagsFromDetections(detections), detections, 24);
  const audio = await analyseAudio(read(`audio/${audioFile}`));
  const sources = await findSoundSources(audio.soundEvents, entities, loadOntology());
  const marked = sources.flatMap((s) => s.entityIds.map((id) => entities.find((e) => e.id === id)!));
  return { sources, marked, entities };
}

describe('sound source on the image', () => {
  const PAIRS = [
    { audio: 'dog_bark.wav', image: '02_dog_bowl_person.jpg', labels: ['dog'] },
    { audio: 'car_horn.wav', image: '01_truck.jpg', labels: ['truck', 'car'] },
    { audio: 'car_horn.wav', image: '08_street_horse_cart_cars.jpg', labels: ['car', 'truck', 'bus'] },
    { audio: 'cat_meow.wav', image: '05_cats.jpg', labels: ['cat'] },
  ];
  it.each(PAIRS)('$audio + $image → one $labels', async ({ audio, image, labels }) => {
    const { sources, marked, entities } = await sourcesFor(audio, image);
    console.log(`${audio} + ${image}:`, sources.map((s) => `${s.phrase} → ${s.reason} [${s.method}]`).join(' | '));
    expect(marked).toHaveLength(1);
    expect(labels).toContain(marked[0].label);
    // When several qualify, the reason names the others.
    const qualifying = entities.filter((e) => labels.includes(e.label));
    if (qualifying.length > 1) expect(sources[0].reason).toMatch(/largest of \d+/);
  });

  it('marks nothing for a dog heard beside a truck: the source is not in the picture', async () => {
    const { sources } = await sourcesFor('dog_bark.wav', '01_truck.jpg');
    expect(sources).toEqual([]);
  });
});
