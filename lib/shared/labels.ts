/**
 * Where each box's `label 0.87` tag goes. Detectors often return boxes sharing a corner (a bus also called
 * a truck), and labels drawn at the same spot hide each other; higher-scored labels are placed first and the
 * rest try a few other spots along their box. A label that finds no free spot is left out rather than drawn
 * over another (crowded scenes on a phone): the canvas shows it only while its entity is emphasised.
 */

export interface LabelRequest {
  id: string;
  /** The box in display pixels: [x, y, w, h]. */
  box: [number, number, number, number];
  width: number;
  height: number;
}

export type LabelPlacement = Record<string, { x: number; y: number }>;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** `requests` in priority order (highest score first). */
export function placeLabels(
  requests: readonly LabelRequest[],
  stageWidth: number,
  stageHeight: number,
): LabelPlacement {
  const placed: Rect[] = [];
  const result: LabelPlacement = {};
  for (const { id, box, width, height } of requests) {
    const [bx, by, bw, bh] = box;
    const clampX = (x: number) => Math.max(0, Math.min(x, stageWidth - width));
    const clampY = (y: number) => Math.max(0, Math.min(y, stageHeight - height));
    const candidates: Array<[number, number]> = [
      [bx, by - height], // above the top-left corner: the usual place
      [bx, by], // inside, top-left
      [bx + bw - width, by - height], // above the top-right corner
      [bx + bw - width, by], // inside, top-right
      [bx, by + bh - height], // inside, bottom-left
      [bx, by + bh], // below the box
    ].map(([x, y]) => [clampX(x), clampY(y)] as [number, number]);
    const free = candidates.find(([x, y]) => !placed.some((rect) => overlaps(rect, { x, y, w: width, h: height })));
    if (!free) continue;
    const [x, y] = free;
    placed.push({ x, y, w: width, h: height });
    result[id] = { x, y };
  }
  return result;
}
