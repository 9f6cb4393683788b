/**
 * From the segmenter's class map to region entities: one per stuff class (wall, road, grass…) and one per
 * clean furniture blob (shelf, lamp, painting…), at image resolution, minus the SAM masks of the things on
 * top so the wall does not cover the person standing in front of it. A photo over 1024 px has its regions built
 * in a 1024 px frame (REGION_LONG_SIDE) and upsampled while encoded: the class map comes from a ≤ 513 px input
 * and the things' masks from SAM's ≤ 1024 px frame, so the full size holds no detail the frame lacks.
 */
import { classProbabilities, type SceneSegmentation } from '../../models/ade-segmenter';
import { forEachComponent } from '../../image/masks/components';
import { encodeLabels, forEachRleRun, resizeNearest } from '../../image/masks/label-map';
import { forEachFrameRun, scaleRleRunsToImage } from '../../image/masks/scaled-rle';
import { workingSize } from '../../image/working-copy';
import type { Entity, Mask, NamedLabel } from '../../shared/analysis';
import { colorForIndex, quietColorForIndex } from '../../shared/palette';
import type { SceneEntity } from '../../scene/types';
import { secondOpinions } from './second-opinion';
import {
  FURNITURE_CLASSES,
  MIN_FURNITURE_FILL,
  MIN_FURNITURE_SHARE,
  MIN_STUFF_SHARE,
  SAME_OBJECT_OVERLAP,
  STUFF_CLASSES,
} from './vocabulary';

/**
 * Regions are built in a frame of at most SAM's input size: the things' masks subtracted from them come from
 * SAM's ≤ 1024 px frame and the class map from a ≤ 513 px input, so a larger frame holds no more detail (a
 * 2048 px one cost a 12 MP photo three times a 1 MP photo's time here).
 */
const REGION_LONG_SIDE = 1024;

/** Region ids live in a Uint8Array label map; 0 means "no region". */
const MAX_REGIONS = 254;

interface RegionSpec {
  classId: number;
  kind: 'stuff' | 'thing';
}

export interface RegionResult {
  regions: Array<{ entity: Entity; mask: Mask }>;
  /** Names the segmenter gives detected things it sees as another object (its class under the mask, furniture on it). */
  alternatives: Map<string, NamedLabel[]>;
}

/** Marks the input-resolution pixels of each region with its id (1-based) and lists the regions. */
function regionMap(
  seg: SceneSegmentation,
  pixelsByClass: Float64Array,
  validPixels: number,
): { map: Uint8Array; specs: RegionSpec[] } {
  const { classes, labels, geometry } = seg;
  const S = geometry.inputSize;
  const map = new Uint8Array(S * S);
  const specs: RegionSpec[] = [];
  const stuffIds = new Map<number, number>();
  labels.forEach((name, c) => {
    if (STUFF_CLASSES.has(name) && pixelsByClass[c] >= MIN_STUFF_SHARE * validPixels && specs.length < MAX_REGIONS) {
      specs.push({ classId: c, kind: 'stuff' });
      stuffIds.set(c, specs.length);
    }
  });
  for (let y = 0; y < geometry.resizedHeight; y++) {
    for (let x = 0; x < geometry.resizedWidth; x++) map[y * S + x] = stuffIds.get(classes[y * S + x]) ?? 0;
  }
  labels.forEach((name, c) => {
    if (!FURNITURE_CLASSES.has(name) || pixelsByClass[c] < MIN_FURNITURE_SHARE * validPixels) return;
    const binary = new Uint8Array(S * S);
    for (let y = 0; y < geometry.resizedHeight; y++)
      for (let x = 0; x < geometry.resizedWidth; x++) binary[y * S + x] = classes[y * S + x] === c ? 1 : 0;
    const blobs: Blob[] = [];
    forEachComponent(binary, S, S, 1, ({ pixels }) => {
      if (pixels.length < MIN_FURNITURE_SHARE * validPixels) return;
      const blob = blobOf(pixels, S);
      if (pixels.length / ((blob.x1 - blob.x0 + 1) * (blob.y1 - blob.y0 + 1)) >= MIN_FURNITURE_FILL) blobs.push(blob);
    });
    for (const group of splitHalves(blobs, S)) {
      if (specs.length >= MAX_REGIONS) return;
      specs.push({ classId: c, kind: 'thing' });
      for (const blob of group) for (const i of blob.pixels) map[i] = specs.length;
    }
  });
  return { map, specs };
}

export interface Blob {
  pixels: Int32Array;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function blobOf(pixels: Int32Array, S: number): Blob {
  const blob = { pixels: Int32Array.from(pixels), x0: S, y0: S, x1: 0, y1: 0 };
  for (const i of pixels) {
    const x = i % S,
      y = (i - x) / S;
    (blob.x0 = Math.min(blob.x0, x)),
      (blob.x1 = Math.max(blob.x1, x)),
      (blob.y0 = Math.min(blob.y0, y)),
      (blob.y1 = Math.max(blob.y1, y));
  }
  return blob;
}

/**
 * Blobs of one furniture class that are halves of one object cut by something in front (a bookcase cut by a
 * shelf or a lamp): their boxes meet within MERGE_GAP of the map's size on one axis and share at least half of
 * the narrower one on the other. Grouped, they make one region, so one bookcase is never "two bookcases".
 */
export function splitHalves(blobs: Blob[], S: number): Blob[][] {
  const gap = MERGE_GAP * S;
  const overlap = (a0: number, a1: number, b0: number, b1: number) =>
    (Math.min(a1, b1) - Math.max(a0, b0) + 1) / Math.min(a1 - a0 + 1, b1 - b0 + 1);
  const distance = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.max(a0, b0) - Math.min(a1, b1));
  const halves = (a: Blob, b: Blob) =>
    (distance(a.y0, a.y1, b.y0, b.y1) <= gap && overlap(a.x0, a.x1, b.x0, b.x1) >= HALF_OVERLAP) ||
    (distance(a.x0, a.x1, b.x0, b.x1) <= gap && overlap(a.y0, a.y1, b.y0, b.y1) >= HALF_OVERLAP);
  const groups: Blob[][] = [];
  for (const blob of blobs) {
    const joined = groups.filter((group) => group.some((other) => halves(blob, other)));
    const merged = [blob, ...joined.flat()];
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups;
}

/** Two blobs this close (share of the map's side) … */
const MERGE_GAP = 0.02;
/** … sharing this much of the narrower extent on the other axis are halves of one object. */
const HALF_OVERLAP = 0.5;

export function buildRegions(
  seg: SceneSegmentation,
  width: number,
  height: number,
  things: readonly SceneEntity[],
  colorOffset: number,
): RegionResult {
  const { geometry, labels, spec } = seg;
  const validPixels = geometry.resizedWidth * geometry.resizedHeight;
  const { meanByClass, pixelsByClass } = classProbabilities(seg);
  const { map, specs } = regionMap(seg, pixelsByClass, validPixels);
  const frame = workingSize(width, height, REGION_LONG_SIDE);
  const inFrame = frame.width !== width || frame.height !== height;
  const labelMap = resizeNearest(
    map,
    geometry.inputSize,
    geometry.resizedWidth,
    geometry.resizedHeight,
    frame.width,
    frame.height,
  );
  // Subtract the things' masks, counting for each region how much of it each thing covered (in frame pixels).
  const covered = new Map<string, Float64Array>();
  for (const thing of things) {
    if (!thing.mask) continue;
    const counts = new Float64Array(specs.length + 1);
    const subtract = (start: number, end: number) => {
      for (let i = start; i < end; i++) counts[labelMap.labels[i]]++;
      labelMap.labels.fill(0, start, end);
    };
    if (inFrame) forEachFrameRun(thing.mask.rle, frame, subtract);
    else forEachRleRun(thing.mask.rle, subtract);
    covered.set(thing.id, counts);
  }
  const encoded = encodeLabels(labelMap, specs.length);
  const coveredTotal = (id: number) => [...covered.values()].reduce((sum, counts) => sum + counts[id], 0);
  const alternatives = new Map<string, NamedLabel[]>();
  const addAlternative = (thingId: string, name: NamedLabel) => {
    const known = alternatives.get(thingId) ?? [];
    if (!known.some((a) => a.label === name.label)) alternatives.set(thingId, [...known, name]);
  };
  for (const [thingId, opinion] of secondOpinions(seg, things, meanByClass)) addAlternative(thingId, opinion);
  const regions: RegionResult['regions'] = [];
  specs.forEach((region, k) => {
    const id = k + 1;
    const name = labels[region.classId];
    const score = Math.min(1, Math.max(0, meanByClass[region.classId]));
    if (region.kind === 'thing') {
      const before = encoded[id].area + coveredTotal(id);
      const host = [...covered].find(([, counts]) => counts[id] >= SAME_OBJECT_OVERLAP * before);
      if (host) {
        addAlternative(host[0], { label: name, score, source: spec.source });
        return;
      }
    }
    if (encoded[id].area === 0) return; // wholly under things
    const { rle, area, bbox } = inFrame
      ? scaleRleRunsToImage(encoded[id].rle, encoded[id].bbox, width, height)
      : encoded[id];
    const entity: Entity = {
      id: '', // numbered below, largest region first
      label: name,
      score,
      box: bbox,
      color: colorForIndex(0), // set below
      source: spec.source,
      kind: region.kind === 'stuff' ? 'stuff' : 'thing',
      areaShare: area / (width * height),
    };
    // A segmenter has no IoU estimate; the mask carries the region's mean class probability in that place.
    regions.push({ entity, mask: { rle, area, bbox, predictedIou: score, source: spec.source } });
  });
  regions.sort((a, b) => (b.entity.areaShare ?? 0) - (a.entity.areaShare ?? 0));
  regions.forEach(({ entity }, i) => {
    entity.id = `s${i + 1}`;
    // Furniture is a thing and drawn like one; stuff gets the muted shade of the same palette slot.
    entity.color = entity.kind === 'stuff' ? quietColorForIndex(colorOffset + i) : colorForIndex(colorOffset + i);
  });
  return { regions, alternatives };
}
