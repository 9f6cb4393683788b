/**
 * From the segmenter's class map to region entities: one per stuff class (wall, road, grass…) and one per
 * clean furniture blob (shelf, lamp, painting…), at image resolution, minus the SAM masks of the things on
 * top so the wall does not cover the person standing in front of it. A large photo's regions are built in its
 * working frame (≤ 2048 px, lib/image/working-copy.ts) and upsampled while encoded: the class map comes from
 * a ≤ 513 px input and the things' masks from SAM's ≤ 1024 px frame, so 12 MP holds no detail the frame lacks.
 */
import { classProbabilities, type SceneSegmentation } from '../../models/ade-segmenter';
import { forEachComponent } from '../../image/masks/components';
import { encodeLabels, forEachRleRun, resizeNearest } from '../../image/masks/label-map';
import { forEachFrameRun, scaleRleToImage } from '../../image/masks/scaled-rle';
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
    forEachComponent(binary, S, S, 1, ({ pixels }) => {
      if (pixels.length < MIN_FURNITURE_SHARE * validPixels || specs.length >= MAX_REGIONS) return;
      let minX = S,
        minY = S,
        maxX = 0,
        maxY = 0;
      for (const i of pixels) {
        const x = i % S,
          y = (i - x) / S;
        (minX = Math.min(minX, x)), (maxX = Math.max(maxX, x)), (minY = Math.min(minY, y)), (maxY = Math.max(maxY, y));
      }
      if (pixels.length / ((maxX - minX + 1) * (maxY - minY + 1)) < MIN_FURNITURE_FILL) return;
      specs.push({ classId: c, kind: 'thing' });
      for (const i of pixels) map[i] = specs.length;
    });
  });
  return { map, specs };
}

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
  const frame = workingSize(width, height);
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
      ? scaleRleToImage(encoded[id].rle, encoded[id].bbox, width, height)
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
