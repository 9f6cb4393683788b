/**
 * What in a picture makes a heard sound: AudioSet classes → entity labels (COCO classes for things, ADE20K
 * names for stuff regions). A row covers its class and every descendant in the ontology, so "Bark" and "Howl"
 * find the dog through "Dog", and "Car passing by" finds cars through "Motor vehicle (road)". Several rows
 * may apply ("Aircraft engine" is under "Aircraft" and "Engine"): their labels are pooled.
 * Musical instruments are played by someone: the instrument itself when an entity bears its name, else a
 * person (see instrumentName). Classes no row covers go to the chat's entity matcher (sound-source.ts).
 */
import type { Ontology } from '../models/efficientat/ontology';

export interface SourceRow {
  /** AudioSet display names, exactly as in the class list / ontology. */
  classes: string[];
  labels: string[];
}

const ROAD_VEHICLES = ['car', 'truck', 'bus', 'motorcycle'];

export const SOURCE_TABLE: SourceRow[] = [
  { classes: ['Dog', 'Canidae, dogs, wolves'], labels: ['dog'] },
  { classes: ['Cat'], labels: ['cat'] },
  { classes: ['Horse'], labels: ['horse'] },
  { classes: ['Cattle, bovinae'], labels: ['cow'] },
  { classes: ['Sheep', 'Goat'], labels: ['sheep', 'goat'] },
  { classes: ['Bird'], labels: ['bird'] },
  {
    classes: ['Motor vehicle (road)', 'Vehicle horn, car horn, honking', 'Engine', 'Traffic noise, roadway noise'],
    labels: ROAD_VEHICLES,
  },
  { classes: ['Aircraft'], labels: ['airplane'] },
  { classes: ['Rail transport', 'Train'], labels: ['train'] },
  { classes: ['Bicycle', 'Bicycle bell'], labels: ['bicycle'] },
  { classes: ['Boat, Water vehicle'], labels: ['boat'] },
  // Every human sound (speech, singing, laughter, clapping, footsteps…) is made by a person.
  { classes: ['Human sounds', 'Speech', 'Singing', 'Laughter'], labels: ['person'] },
  { classes: ['Musical instrument'], labels: ['person'] },
  { classes: ['Water', 'Stream', 'Ocean'], labels: ['water', 'sea', 'river', 'lake', 'waterfall'] },
];

const MUSICAL_INSTRUMENT = 'Musical instrument';

function midOf(ontology: Ontology, name: string): string | undefined {
  return ontology.midOf(name);
}

export interface SourceLookup {
  labels: string[];
  /** The table's class that applied, e.g. "Dog" for "Bark". */
  via: string;
}

/** Entity labels for a heard class through the table, or null when no row covers it. */
export function sourceLabels(ontology: Ontology, mid: string): SourceLookup | null {
  const lineage = [mid, ...ontology.ancestorsOf(mid)];
  let via: string | null = null;
  const labels = new Set<string>();
  for (const row of SOURCE_TABLE) {
    for (const name of row.classes) {
      const rowMid = midOf(ontology, name);
      if (!rowMid || !lineage.includes(rowMid)) continue;
      // Report the most specific row class that applied (nearest in the lineage).
      if (via === null || lineage.indexOf(rowMid) < lineage.indexOf(midOf(ontology, via)!)) via = name;
      row.labels.forEach((label) => labels.add(label));
    }
  }
  return via ? { labels: [...labels], via } : null;
}

/** For an instrument class, its own name in lower case ("trumpet"), to look for a visible instrument first. */
export function instrumentName(ontology: Ontology, mid: string): string | null {
  const instrument = midOf(ontology, MUSICAL_INSTRUMENT);
  if (!instrument || mid === instrument || !ontology.ancestorsOf(mid).includes(instrument)) return null;
  return ontology.nameOf(mid).split(',')[0].trim().toLowerCase();
}
