/**
 * How AudioSet class names are shown. The ontology's display names list synonyms after commas ("Vehicle horn,
 * car horn, honking"; "Domestic animals, pets"): the first one is the name people read.
 */
export function shortSoundName(name: string): string {
  return name.split(',')[0].trim();
}

/** A span as people read it: "0.4–1.6 s". */
export function formatSpan(start: number, end: number): string {
  return `${start.toFixed(1)}–${end.toFixed(1)} s`;
}
