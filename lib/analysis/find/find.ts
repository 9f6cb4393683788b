/**
 * Find by word, step two: the scene's entities whose name (label, fine name or an alternative another model
 * gave) is one of the word's classes, listed with the model that named them; and, while the analysis still
 * holds the segmenter's class map, ADE20K classes the word names that no entity shows yet become new region
 * entities (f1…), segmented from that map. A word no model knows is reported as such.
 */
import type { SceneSegmentation } from '../../models/ade-segmenter';
import { encodeLabels, resizeNearest } from '../../image/masks/label-map';
import type { Entity, Mask, WordResult } from '../../shared/analysis';
import { colorForIndex } from '../../shared/palette';
import type { SceneEntity } from '../../scene/types';
import type { WordClasses } from './vocabulary';

export interface FoundEntity {
  entityId: string;
  label: string;
  /** The model whose name matched (the detector, the segmenter, the ImageNet classifier, SAM's namer). */
  model: string;
}

/** A class must cover this share of the image before it becomes a found region (smaller is border noise). */
const MIN_REGION_SHARE = 0.002;

function namesOf(entity: Entity): { label: string; model: string }[] {
  return [
    { label: entity.label, model: entity.source },
    ...(entity.fineName ? [{ label: entity.fineName.label, model: entity.fineName.source }] : []),
    ...(entity.alternatives ?? []).map((a) => ({ label: a.label, model: a.source })),
  ];
}

export function matchEntities(entities: readonly Entity[], word: WordClasses): FoundEntity[] {
  const wanted = new Set(word.classes.map((c) => c.label.toLowerCase()));
  const found: FoundEntity[] = [];
  for (const entity of entities) {
    const name = namesOf(entity).find((n) => wanted.has(n.label.toLowerCase()));
    if (name) found.push({ entityId: entity.id, label: name.label, model: name.model });
  }
  return found;
}

/** New region entities for the word's ADE20K classes that the class map shows and no entity names. */
export function regionsFromClassMap(
  seg: SceneSegmentation,
  word: WordClasses,
  entities: readonly SceneEntity[],
  width: number,
  height: number,
  firstIndex: number,
): SceneEntity[] {
  const { geometry, classes, labels, spec } = seg;
  const shown = new Set(entities.flatMap((e) => namesOf(e).map((n) => n.label)));
  const S = geometry.inputSize;
  const regions: SceneEntity[] = [];
  for (const c of word.classes.filter((m) => m.model === spec.source && !shown.has(m.label))) {
    const id = labels.indexOf(c.label);
    const map = new Uint8Array(S * S);
    let pixels = 0;
    for (let y = 0; y < geometry.resizedHeight; y++) {
      for (let x = 0; x < geometry.resizedWidth; x++) if (classes[y * S + x] === id) (map[y * S + x] = 1), pixels++;
    }
    if (pixels < MIN_REGION_SHARE * geometry.resizedWidth * geometry.resizedHeight) continue;
    const [, region] = encodeLabels(
      resizeNearest(map, S, geometry.resizedWidth, geometry.resizedHeight, width, height),
      1,
    );
    const n = firstIndex + regions.length;
    // A segmenter gives no IoU estimate; the share of the class's pixels is not a confidence either: none is claimed.
    const mask: Mask = { rle: region.rle, area: region.area, bbox: region.bbox, predictedIou: 0, source: spec.source };
    regions.push({
      id: `f${n + 1}`,
      label: c.label,
      score: null,
      box: region.bbox,
      color: colorForIndex(entities.length + n),
      source: spec.source,
      kind: 'thing',
      areaShare: region.area / (width * height),
      mask,
    });
  }
  return regions;
}

export function wordResult(word: WordClasses, found: FoundEntity[]): WordResult {
  return {
    word: word.word,
    known: word.classes.length > 0,
    classes: word.classes.map(({ model, label }) => ({ model, label })),
    found,
  };
}
