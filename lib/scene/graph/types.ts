/**
 * The scene graph: everything answers need to know about one result, computed once from the full-resolution
 * pixels and masks (stages/scene-graph.ts) and kept with the result. Plain JSON data only: it is persisted and
 * sent between threads, and questions read it without ever touching pixels again.
 */
import type { Box, EntityKind, NamedLabel } from '@/lib/shared/analysis';
import type { ClothesColours } from './clothes';
import type { ColourName, ColourShade } from './colour';

export type HorizontalZone = 'left' | 'centre' | 'right';
export type VerticalZone = 'top' | 'middle' | 'bottom';
export type DepthZone = 'front' | 'middle' | 'back';
export type SizeClass = 'small' | 'medium' | 'large';

export interface GraphNode {
  id: string;
  label: string;
  kind: EntityKind;
  /** The producing model's confidence; null when it gives none (endpoint boxes, user points). */
  score: number | null;
  source: string;
  fineName?: NamedLabel;
  alternatives?: NamedLabel[];
  box: Box;
  /** Mask centroid (box centre without a mask). */
  centre: [number, number];
  horizontal: HorizontalZone;
  vertical: VerticalZone;
  /** From the bottom edge and size (ground-plane perspective), see place.ts; stuff regions have none. */
  depth: DepthZone | null;
  /** Plain words for the 2-D position: "on the left", "at the bottom right", "in the centre". */
  position: string;
  /** Mask area (box area without a mask) over the image's area. */
  areaFraction: number;
  size: SizeClass;
  /** 1 = biggest among nodes of the same family (things and user entities together; stuff apart). */
  sizeRank: number;
  colour: ColourName | null;
  /** "dark" / "light" for a hue as dark as black or as light as white would be (colour.ts shadeOf). */
  colourShade?: ColourShade;
  /** An animal's second coat colour, white beside the hue ("brown and white"): colour.ts whitePatches. */
  secondColour?: ColourName;
  /** Share of the mask's pixels that voted for the colour. */
  colourShare: number;
  colourFromMask: boolean;
  /** A person's upper- and lower-body colours (clothes.ts), for "his shirt", "her trousers". */
  clothes?: ClothesColours;
}

/**
 * Directed: "subject kind object" (the cup on the table, the person holding the bowl). Inverses (under, behind,
 * held by, carrying) are read off at question time.
 */
export type RelationKind = 'on' | 'in front of' | 'overlapping' | 'next to' | 'holding' | 'riding' | 'inside';

export interface GraphRelation {
  subjectId: string;
  kind: RelationKind;
  objectId: string;
}

export interface GraphSoundEvent {
  label: string;
  /** The AudioSet ancestor the event is listed under ("Dog" for Bark); absent in graphs stored before it was kept. */
  group?: string;
  start: number;
  end: number;
  score: number;
  source: string;
}

export interface GraphSound {
  /** The plain one-or-two-sentence summary people see first. */
  summary: string;
  /** Times and measures, for the endpoint prompt. */
  description: string;
  keywords: string[];
  events: GraphSoundEvent[];
  /** Entities the sound is tied to (sound-source stage). */
  sourceIds: string[];
}

export interface SceneGraph {
  /** Bumped when the graph's shape or rules change, so stored graphs are rebuilt rather than misread. */
  version: number;
  width: number;
  height: number;
  /** Every entity the graph was built from, folded duplicates included: a scene with others needs a rebuild. */
  entityIds: string[];
  nodes: GraphNode[];
  relations: GraphRelation[];
  sound?: GraphSound;
}

export const SCENE_GRAPH_VERSION = 9;
