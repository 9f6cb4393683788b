/**
 * Small objects: the full image at 416 px shrinks a bird on a roof to a few pixels, below what yolox-nano
 * finds. Slicing the photo into overlapping tiles, each run at 416, shows it 1.75× larger (SAHI-style).
 * Tile detections cut by a tile's inner edge are dropped (the object is whole in the full view or a
 * neighbouring tile), then everything is merged class by class.
 */
import type { Box } from '../../shared/analysis';
import { tileGrid } from '../../image/crop';
import type { PixelRect } from '../../image/types';
import type { ScoredBox } from '../detection';
import { YOLOX_INPUT_SIZE } from './preprocess';
import { boxIou, insideShare } from '@/lib/shared/box';

/** 2×2 tiles: with the full view that is 5 detector passes (~25–40 ms each here), inside the ~200 ms budget. */
export const TILE_GRID = 2;
/** Neighbouring tiles share a quarter of a tile, so an object up to a quarter tile wide is whole in one of them. */
export const TILE_OVERLAP = 0.25;
/**
 * Tiles only pay when they show the image larger than the full view does: when the long side exceeds the
 * detector's 416 px (smaller images are already seen at full resolution or upscaled).
 */
export function tilesFor(width: number, height: number): PixelRect[] {
  return Math.max(width, height) > YOLOX_INPUT_SIZE ? tileGrid(width, height, TILE_GRID, TILE_OVERLAP) : [];
}

/**
 * Tiles are for objects the full view shows small: a tile box is kept only when, seen in the full 416-px view,
 * it would be under COCO's "large" size (96² px). Larger objects the full view already sees well; their
 * close-ups only add second opinions (a sofa's cushions as a bed).
 */
const LARGE_SIDE_IN_FULL_VIEW = 96;

export function smallInFullView(box: Box, width: number, height: number): boolean {
  const r = YOLOX_INPUT_SIZE / Math.max(width, height);
  return box[2] * r * box[3] * r < LARGE_SIDE_IN_FULL_VIEW * LARGE_SIDE_IN_FULL_VIEW;
}

/** A box within this fraction of a tile's side from an inner edge counts as cut by it. */
const CUT_EDGE = 0.01;

/** Whether a box (tile coordinates) touches an edge of the tile that is not the image's border. */
export function cutByTile(box: Box, tile: PixelRect, width: number, height: number): boolean {
  const [x, y, w, h] = box;
  const tw = tile.x1 - tile.x0,
    th = tile.y1 - tile.y0;
  return (
    (tile.x0 > 0 && x <= CUT_EDGE * tw) ||
    (tile.y0 > 0 && y <= CUT_EDGE * th) ||
    (tile.x1 < width && x + w >= (1 - CUT_EDGE) * tw) ||
    (tile.y1 < height && y + h >= (1 - CUT_EDGE) * th)
  );
}

export interface ViewBox extends ScoredBox {
  /** Found in a tile rather than the full view. */
  fromTile: boolean;
}

/** A tile box mostly (≥ 80%) inside a kept box of its class is a part of that object seen up close. */
const PART_SHARE = 0.8;

/** Class-wise greedy NMS over full-view and tile boxes, which also drops tile boxes that are parts of kept ones. */
export function mergeTileBoxes(candidates: ViewBox[], iouThreshold: number): ViewBox[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const kept: ViewBox[] = [];
  for (const candidate of sorted) {
    const duplicate = kept.some(
      (k) =>
        k.classIndex === candidate.classIndex &&
        (boxIou(k.box, candidate.box) > iouThreshold ||
          (candidate.fromTile && insideShare(candidate.box, k.box) >= PART_SHARE)),
    );
    if (!duplicate) kept.push(candidate);
  }
  return kept;
}
