/**
 * Which instance a phrase means. "The red car on the right" names ONE car; "the cars" names them all. Cues are
 * read from the phrase's own words (and a trailing "on the left" / "in the back"): a colour, a finer name, a
 * side, front / back, biggest / smallest, an ordinal counted left to right. Each cue narrows the candidates; a
 * cue that would leave none is ignored (the words then do not single anything out). A singular phrase with a
 * side or depth cue takes the extreme one ("the person on the right" → the right-most person).
 */
import { colourNamed, type ColourName } from '../scene/graph/colour';
import type { GraphNode } from '../scene/graph/types';

export interface InstanceCues {
  colours: ColourName[];
  side?: 'left' | 'right' | 'centre';
  /** "the far left", "the right-most": the extreme one on that side, not the most prominent one there. */
  farSide?: boolean;
  depth?: 'front' | 'back';
  /** "the top one", "the bottom shelf", "the upper cabinet". */
  vertical?: 'top' | 'bottom';
  size?: 'biggest' | 'smallest' | 'tallest';
  ordinal?: number;
  /** Words that may be a finer name ("pickup"). */
  words: string[];
  plural: boolean;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
const SIDE = /\b(left|right|centre|center|middle)\b/;
const FRONT = /\b(front|foreground|nearest|closest)\b/;
const TOP = /\b(top|upper|uppermost|topmost)\b/;
const BOTTOM = /\b(bottom|lower|lowest|bottommost)\b/;
const BACK = /\b(back|background|farthest|furthest|distance)\b/;
const ON_TOP_OF = /\bon (the )?top of\b/g;
const WORN_TOP = /(?:'s|\b(?:his|her|their|its|my|your))(?: (?!on\b|at\b|in\b)[a-z]+)? (?:tank )?top\b/g;

export function readCues(text: string, plural = false): InstanceCues {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z]+/g) ?? [];
  const colours = words.map(colourNamed).filter((c): c is ColourName => c !== undefined);
  // "to the left of the table" is a relation, not a cue for which table.
  const side = SIDE.exec(lower.replace(/\bto the (left|right) of\b/g, ''))?.[1];
  const ordinal = words.map((w) => ORDINALS[w]).find(Boolean);
  return {
    colours,
    side: side === 'left' || side === 'right' ? side : side ? 'centre' : undefined,
    farSide: /\b(?:far|very|extreme) (?:left|right)\b|\b(?:left|right)[- ]?most\b/.test(lower),
    depth: FRONT.test(lower) ? 'front' : BACK.test(lower) ? 'back' : undefined,
    // "on top of the table" is a relation and "the woman's top", "her tank top" a garment: neither says which one.
    vertical: TOP.test(lower.replace(ON_TOP_OF, '').replace(WORN_TOP, ''))
      ? 'top'
      : BOTTOM.test(lower)
        ? 'bottom'
        : undefined,
    size: sizeCue(lower),
    ordinal,
    words,
    plural,
  };
}

/**
 * "the smaller giraffe", "the big one", "the tall giraffe": a size word in a phrase that names one of several
 * picks the extreme instance, as the superlative would ("how big is…" asks a size and picks nothing).
 */
function sizeCue(lower: string): InstanceCues['size'] {
  const text = lower.replace(/\bhow (big|large|small|tall)\b/g, '');
  if (/\b(tallest|taller|tall)\b/.test(text)) return 'tallest';
  if (/\b(biggest|largest|bigger|larger|big|large|huge)\b/.test(text)) return 'biggest';
  if (/\b(smallest|tiniest|smaller|small|little|tiny)\b/.test(text)) return 'smallest';
  return undefined;
}

function bottom(node: GraphNode): number {
  return node.box[1] + node.box[3];
}

/** Keeps the filter's result only when it leaves something. */
function keep<T>(nodes: T[], filtered: T[]): T[] {
  return filtered.length ? filtered : nodes;
}

function extreme<T extends GraphNode>(nodes: T[], score: (n: T) => number): T[] {
  return nodes.length ? [nodes.reduce((best, n) => (score(n) > score(best) ? n : best))] : nodes;
}

/** "The horse in the middle" of three is the middle one left to right; of two, neither is, so both stay. */
function middleOne<T extends GraphNode>(nodes: T[]): T[] {
  if (nodes.length < 3)
    return keep(
      nodes,
      nodes.filter((n) => n.horizontal === 'centre'),
    );
  const sorted = [...nodes].sort((a, b) => a.centre[0] - b.centre[0]);
  return [sorted[(sorted.length - 1) >> 1]];
}

export function narrowInstances<T extends GraphNode>(candidates: T[], cues: InstanceCues): T[] {
  let nodes = candidates;
  const fine = nodes.filter(
    (n) => n.fineName && cues.words.includes(n.fineName.label.toLowerCase().split(/[ ,]/).pop()!),
  );
  nodes = keep(nodes, fine);
  for (const colour of cues.colours)
    nodes = keep(
      nodes,
      nodes.filter((n) => n.colour === colour),
    );
  if (cues.side && nodes.length > 1) {
    const zone = nodes.filter((n) => n.horizontal === cues.side);
    if (cues.plural) nodes = keep(nodes, zone);
    else if (cues.side === 'centre') nodes = middleOne(nodes);
    // Several in that third: the most prominent of them (people name the car they notice), else the extreme one.
    else if (zone.length > 1 && !cues.farSide) nodes = extreme(zone, (n) => n.areaFraction);
    else nodes = extreme(nodes, (n) => (cues.side === 'right' ? n.centre[0] : -n.centre[0]));
  }
  if (cues.depth && nodes.length > 1) {
    const zone = nodes.filter((n) => n.depth === cues.depth);
    nodes = cues.plural ? keep(nodes, zone) : extreme(nodes, (n) => (cues.depth === 'front' ? bottom(n) : -bottom(n)));
  }
  if (cues.vertical && nodes.length > 1) {
    const zone = nodes.filter((n) => n.vertical === cues.vertical);
    nodes = cues.plural
      ? keep(nodes, zone)
      : extreme(nodes, (n) => (cues.vertical === 'top' ? -n.centre[1] : n.centre[1]));
  }
  if (cues.size && nodes.length > 1)
    nodes = extreme(nodes, (n) =>
      cues.size === 'tallest' ? n.box[3] : cues.size === 'biggest' ? n.areaFraction : -n.areaFraction,
    );
  if (cues.ordinal && nodes.length >= cues.ordinal) {
    nodes = [[...nodes].sort((a, b) => a.centre[0] - b.centre[0])[cues.ordinal - 1]];
  }
  return nodes;
}
