/**
 * The AudioSet class list and ontology (CC BY-SA 4.0, "AudioSet ontology, Google"): the tagger's 527 output
 * classes by index, and for every node its parents, so a fine class can be rolled up ("Bark" → "Dog") and a
 * table keyed on broad classes ("Vehicle") also covers their descendants ("Car horn"). Nodes the ontology
 * marks `abstract` ("Human sounds", "Sounds of things") or `blacklist` (too vague to label) are organising
 * nodes, never shown as something heard (see isAbstract and lib/analysis/sound-event-windows.ts).
 */
import fs from 'node:fs';
import { ModelMissingError, modelPath } from '@/lib/models/manifest';

export interface SoundClass {
  index: number;
  mid: string;
  name: string;
}

interface OntologyNode {
  id: string;
  name: string;
  child_ids: string[];
  restrictions: string[];
}

export interface Ontology {
  /** The tagger's classes, in output order. */
  classes: SoundClass[];
  nameOf(mid: string): string;
  /** The node with this exact display name (ontology nodes include non-class ones like "Human sounds"). */
  midOf(name: string): string | undefined;
  /** Direct parents (a class may have several: "Car horn" is under "Car" and "Alarm"). */
  parentsOf(mid: string): string[];
  /** Every ancestor, nearest first, without the class itself. */
  ancestorsOf(mid: string): string[];
  /** True for the class itself or any ancestor in `mids`. */
  isUnder(mid: string, mids: ReadonlySet<string>): boolean;
  /** Depth from a root: 0 for "Animal", "Music", … (shortest path when several). */
  depthOf(mid: string): number;
  /** Nodes the ontology marks abstract or blacklisted: never a headline. */
  isAbstract(mid: string): boolean;
}

/** Parses the class CSV (index,mid,"display_name"); display names contain commas, always quoted. */
export function parseClassCsv(text: string): SoundClass[] {
  const classes: SoundClass[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const match = /^(\d+),([^,]+),"(.*)"$/.exec(line.trim());
    if (match) classes.push({ index: Number(match[1]), mid: match[2], name: match[3] });
  }
  return classes;
}

export function buildOntology(classes: SoundClass[], nodes: OntologyNode[]): Ontology {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const byName = new Map(nodes.map((node) => [node.name, node.id]));
  const parents = new Map<string, string[]>();
  for (const node of nodes)
    for (const child of node.child_ids) parents.set(child, [...(parents.get(child) ?? []), node.id]);
  const ancestorCache = new Map<string, string[]>();
  const depthCache = new Map<string, number>();

  const ancestorsOf = (mid: string): string[] => {
    const cached = ancestorCache.get(mid);
    if (cached) return cached;
    // Breadth-first so nearer ancestors come first.
    const seen = new Set<string>();
    const queue = [...(parents.get(mid) ?? [])];
    const out: string[] = [];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      queue.push(...(parents.get(next) ?? []));
    }
    ancestorCache.set(mid, out);
    return out;
  };
  const depthOf = (mid: string): number => {
    const cached = depthCache.get(mid);
    if (cached !== undefined) return cached;
    const ups = parents.get(mid) ?? [];
    const depth = ups.length === 0 ? 0 : 1 + Math.min(...ups.map(depthOf));
    depthCache.set(mid, depth);
    return depth;
  };
  const isAbstract = (mid: string) => {
    const restrictions = byId.get(mid)?.restrictions ?? [];
    return restrictions.includes('abstract') || restrictions.includes('blacklist');
  };

  return {
    classes,
    nameOf: (mid) => byId.get(mid)?.name ?? classes.find((c) => c.mid === mid)?.name ?? mid,
    midOf: (name) => byName.get(name),
    parentsOf: (mid) => parents.get(mid) ?? [],
    ancestorsOf,
    isUnder: (mid, mids) => mids.has(mid) || ancestorsOf(mid).some((a) => mids.has(a)),
    depthOf,
    isAbstract,
  };
}

let loaded: Ontology | null = null;

/** The ontology from the resolved files (ModelMissingError when `npm run models` has not fetched them). */
export function loadOntology(): Ontology {
  if (loaded) return loaded;
  const classes = parseClassCsv(fs.readFileSync(modelPath('audioset-labels'), 'utf8'));
  const nodes = JSON.parse(fs.readFileSync(modelPath('audioset-ontology'), 'utf8')) as OntologyNode[];
  loaded = buildOntology(classes, nodes);
  return loaded;
}

/** The ontology, or null when its files are missing (a stage that needs it is then skipped). */
export function tryLoadOntology(): Ontology | null {
  try {
    return loadOntology();
  } catch (error) {
    if (error instanceof ModelMissingError) return null;
    throw error;
  }
}
