/**
 * Builds the scene graph of one result from its full-resolution pixels, entities and masks (see types.ts).
 * Runs once, as the last analysis stage; a result stored before graphs existed gets one built lazily from
 * whatever it still has (graphOf).
 */
import type { AudioSummary } from '@/lib/shared/audio';
import type { Box, Rle } from '@/lib/shared/analysis';
import type { SceneEntity } from '../types';
import {
  boxCoreMask,
  lazyRleCropped,
  rleCentroid,
  shrinkCroppedMask,
  shrinkRleCropped,
  type CroppedMask,
} from './cropped-mask';
import { clothesColours, WEARS_CLOTHES } from './clothes';
import { dominantColour, imageWhitePoint } from './colour';
import { depthZone, describePosition, horizontalZone, sizeClass, verticalZone } from './place';
import type { RelationItem } from './relation-item';
import { computeRelations } from './relations';
import { boxIou } from '@/lib/shared/box';
import { stuffRelations } from './stuff-relations';
import { SCENE_GRAPH_VERSION, type GraphNode, type GraphRelation, type GraphSound, type SceneGraph } from './types';

interface Pixels {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export interface GraphInput {
  /** `working`: a large photo's smaller copy (lib/image/working-copy.ts), which colours are read from. */
  image?: Pixels & { working?: Pixels };
  /** The analysed image's size, when `image` is absent (a sound-only result gives none: 1 × 1). */
  size?: { width: number; height: number };
  entities: SceneEntity[];
  audio?: Pick<AudioSummary, 'description' | 'keywords' | 'soundEvents' | 'plainSummary'>;
  soundSourceIds?: string[];
  graph?: SceneGraph;
}

/**
 * Two boxes of different classes this close are one object claimed twice (the truck's box also scored as
 * "car"): a stricter overlap than any two neighbouring objects reach, and stricter than NMS's usual 0.45–0.65.
 * The lower-scored claim becomes an alternative of the other, so answers count the object once.
 */
export const DUPLICATE_MIN_IOU = 0.85;

function usableMask(entity: SceneEntity, width: number, height: number): CroppedMask | undefined {
  const mask = entity.mask;
  if (!mask || mask.area <= 0 || mask.rle.size[0] !== height || mask.rle.size[1] !== width) return undefined;
  return lazyRleCropped(mask.rle, mask.bbox);
}

/**
 * Where a mask's colour is read: a large photo's working copy with the mask shrunk to it, since the vote samples
 * at most 10 000 pixels anyway and walking a 12 MP photo's mask crops was most of the graph's time. A mask too
 * thin to cover a pixel of the copy is read at full size.
 */
function colourSource(
  image: NonNullable<GraphInput['image']>,
  mask: CroppedMask,
  rle?: { rle: Rle; bbox: Box },
): { rgb: Uint8Array; width: number; mask: CroppedMask } {
  const copy = image.working;
  if (copy) {
    const sx = copy.width / image.width;
    const sy = copy.height / image.height;
    // From the RLE when there is one: the same shrunk mask without decoding the full-size crop first.
    const shrunk = rle ? shrinkRleCropped(rle.rle, rle.bbox, sx, sy) : shrinkCroppedMask(mask, sx, sy);
    if (shrunk.data.includes(1)) return { rgb: copy.rgb, width: copy.width, mask: shrunk };
  }
  return { rgb: image.rgb, width: image.width, mask };
}

/** Things claimed twice: the lower-scored claim folds into the higher one's alternatives. */
function foldDuplicates(entities: SceneEntity[]): { kept: SceneEntity[]; alternatives: Map<string, SceneEntity[]> } {
  const byScore = [...entities].sort((a, b) => (b.score ?? 1) - (a.score ?? 1));
  const kept: SceneEntity[] = [];
  const alternatives = new Map<string, SceneEntity[]>();
  for (const entity of byScore) {
    const twin =
      entity.kind === 'thing'
        ? kept.find((k) => k.kind === 'thing' && boxIou(k.box, entity.box) >= DUPLICATE_MIN_IOU)
        : undefined;
    if (twin) alternatives.set(twin.id, [...(alternatives.get(twin.id) ?? []), entity]);
    else kept.push(entity);
  }
  // Back to the caller's order (highest score first is the convention, but keep whatever it was).
  return { kept: entities.filter((e) => kept.includes(e)), alternatives };
}

function soundOf(input: GraphInput): GraphSound | undefined {
  if (!input.audio) return undefined;
  return {
    summary: input.audio.plainSummary || input.audio.description,
    description: input.audio.description,
    keywords: input.audio.keywords,
    events: (input.audio.soundEvents ?? []).map(({ label, group, start, end, score, source }) => ({
      label,
      group,
      start,
      end,
      score,
      source,
    })),
    sourceIds: input.soundSourceIds ?? [],
  };
}

export function buildSceneGraph(input: GraphInput): SceneGraph {
  const width = input.image?.width ?? input.size?.width ?? 1;
  const height = input.image?.height ?? input.size?.height ?? 1;
  const imageArea = Math.max(1, width * height);
  const { kept, alternatives } = foldDuplicates(input.entities);
  const masks = kept.map((entity) => (input.image ? usableMask(entity, width, height) : undefined));
  const whitePoint = input.image ? imageWhitePoint((input.image.working ?? input.image).rgb) : 100;

  const nodes: GraphNode[] = kept.map((entity, index) => {
    const mask = masks[index];
    const [bx, by, bw, bh] = entity.box;
    const centre =
      (mask && entity.mask && rleCentroid(entity.mask.rle, entity.mask.bbox)) ||
      ([bx + bw / 2, by + bh / 2] as [number, number]);
    const horizontal = horizontalZone(centre[0], width);
    const vertical = verticalZone(centre[1], height);
    const areaFraction = entity.areaShare ?? (mask && entity.mask ? entity.mask.area : bw * bh) / imageArea;
    const source = input.image
      ? colourSource(input.image, mask ?? boxCoreMask(entity.box, width, height), mask ? entity.mask : undefined)
      : undefined;
    const voteOn = (m: CroppedMask) =>
      source ? dominantColour(source.rgb, source.width, m, entity.label, whitePoint) : null;
    const vote = source ? voteOn(source.mask) : null;
    // A person's top and legs apart, for questions about a shirt or trousers (clothes.ts).
    const clothes = source && mask && WEARS_CLOTHES.has(entity.label) ? clothesColours(source.mask, voteOn) : undefined;
    const folded = (alternatives.get(entity.id) ?? []).map((e) => ({
      label: e.label,
      score: e.score,
      source: e.source,
    }));
    const allAlternatives = [...(entity.alternatives ?? []), ...folded];
    return {
      id: entity.id,
      label: entity.label,
      kind: entity.kind,
      score: entity.score,
      source: entity.source,
      ...(entity.fineName ? { fineName: entity.fineName } : {}),
      ...(allAlternatives.length ? { alternatives: allAlternatives } : {}),
      box: entity.box,
      centre,
      horizontal,
      vertical,
      depth: entity.kind === 'stuff' ? null : depthZone(entity.box, areaFraction, height),
      position: describePosition(horizontal, vertical),
      areaFraction,
      size: sizeClass(areaFraction),
      sizeRank: 0,
      colour: vote?.name ?? null,
      ...(vote?.shade ? { colourShade: vote.shade } : {}),
      ...(vote?.second ? { secondColour: vote.second } : {}),
      colourShare: vote?.share ?? 0,
      colourFromMask: Boolean(mask),
      ...(clothes ? { clothes } : {}),
    };
  });
  for (const family of [nodes.filter((n) => n.kind !== 'stuff'), nodes.filter((n) => n.kind === 'stuff')]) {
    [...family].sort((a, b) => b.areaFraction - a.areaFraction).forEach((node, rank) => (node.sizeRank = rank + 1));
  }

  const items: RelationItem[] = kept.map((entity, index) => ({
    id: entity.id,
    box: entity.box,
    mask: masks[index],
    label: entity.label,
  }));
  const things = items.filter((_, i) => kept[i].kind !== 'stuff');
  const stuff = items.filter((_, i) => kept[i].kind === 'stuff') as (RelationItem & { label: string })[];
  const relations: GraphRelation[] = computeRelations(things);
  // A thing in someone's hands rests on no ground region, whatever lies below its box.
  const held = new Set(relations.filter((r) => r.kind === 'holding').map((r) => r.objectId));
  for (const thing of things) {
    for (const relation of stuffRelations(thing, stuff, width, height))
      if (!(relation.kind === 'on' && held.has(thing.id))) relations.push(relation);
  }
  const entityIds = input.entities.map((e) => e.id);
  return { version: SCENE_GRAPH_VERSION, width, height, entityIds, nodes, relations, sound: soundOf(input) };
}

/**
 * The graph of a result: the one built during the analysis when it is current, else one built now from what
 * the result still has (a result stored before graphs existed; an endpoint added entities since). When the
 * kept pixels are a smaller copy than the analysed image, colours cannot be re-read: nodes already in the old
 * graph keep theirs, new ones get none.
 */
export function graphOf(input: GraphInput): SceneGraph {
  const old = input.graph;
  if (old && old.version === SCENE_GRAPH_VERSION && input.entities.every((e) => old.entityIds.includes(e.id)))
    return old;
  const sameSize = !old || (input.image?.width === old.width && input.image?.height === old.height);
  const rebuilt = buildSceneGraph({
    ...input,
    image: sameSize ? input.image : undefined,
    size: old ? { width: old.width, height: old.height } : input.size,
  });
  if (!old || sameSize) return rebuilt;
  const before = new Map(old.nodes.map((n) => [n.id, n]));
  const nodes = rebuilt.nodes.map((n) => {
    const previous = before.get(n.id);
    const colour = previous
      ? {
          colour: previous.colour,
          colourShade: previous.colourShade,
          secondColour: previous.secondColour,
          colourShare: previous.colourShare,
          colourFromMask: previous.colourFromMask,
          clothes: previous.clothes,
        }
      : {};
    return { ...n, ...colour };
  });
  return { ...rebuilt, nodes };
}
