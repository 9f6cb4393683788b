/**
 * Grounding mode: the endpoint ends its answer with a fenced JSON block of boxes, in the Qwen2.5-VL
 * convention — [{"bbox_2d": [x1, y1, x2, y2], "label": "..."}], absolute pixels of the image as sent. The block
 * is taken out of the visible answer and its boxes (validated, clipped, scaled back to the analysed image) go
 * to the local SAM as new entities.
 */
import { z } from 'zod';
import type { Box } from '@/lib/shared/analysis';
import type { GroundedBox } from '@/lib/shared/chat';

const GroundingItemSchema = z.object({
  bbox_2d: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  label: z.string().trim().min(1).max(100),
});

/** Fenced blocks (```json … ``` or ``` … ```), including one left open at the end of a cut-off answer. */
const FENCED_BLOCK = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)(?:```|$)/g;

/** Boxes smaller than this (after clipping) are slivers along the border, not objects. */
const MIN_BOX_SIDE = 2;

function groundingBlocks(text: string): { start: number; end: number; body: string }[] {
  return [...text.matchAll(FENCED_BLOCK)]
    .filter((m) => m[1].includes('bbox_2d'))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, body: m[1] }));
}

/**
 * Boxes from the last grounding block, as [x, y, w, h] in the analysed image (imageWidth × imageHeight). The
 * model's coordinates are in the sent image; pass its size when it differs. Invalid items are skipped.
 */
export function extractGroundedBoxes(
  text: string,
  imageWidth: number,
  imageHeight: number,
  sent: { width: number; height: number } = { width: imageWidth, height: imageHeight },
): GroundedBox[] {
  const block = groundingBlocks(text).pop();
  if (!block) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(block.body.trim());
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const scaleX = imageWidth / Math.max(1, sent.width);
  const scaleY = imageHeight / Math.max(1, sent.height);
  const boxes: GroundedBox[] = [];
  for (const item of items) {
    const result = GroundingItemSchema.safeParse(item);
    if (!result.success) continue;
    const [a, b, c, d] = result.data.bbox_2d;
    // Models sometimes swap corners; order them before clipping.
    const x1 = clamp(Math.min(a, c) * scaleX, imageWidth);
    const x2 = clamp(Math.max(a, c) * scaleX, imageWidth);
    const y1 = clamp(Math.min(b, d) * scaleY, imageHeight);
    const y2 = clamp(Math.max(b, d) * scaleY, imageHeight);
    if (x2 - x1 < MIN_BOX_SIDE || y2 - y1 < MIN_BOX_SIDE) continue;
    const box: Box = [round1(x1), round1(y1), round1(x2 - x1), round1(y2 - y1)];
    boxes.push({ label: result.data.label, box });
  }
  return boxes;
}

/** The answer without its grounding block(s); other code blocks stay. */
export function stripGroundingBlock(text: string): string {
  let result = text;
  for (const block of groundingBlocks(text).reverse()) result = result.slice(0, block.start) + result.slice(block.end);
  return result.replace(/\s+$/, '');
}

/**
 * Hides the grounding block while the answer streams: text before a ``` fence is passed on at once; from the
 * fence on it is held back until the end, when anything that is not a grounding block is released.
 */
export class GroundingStreamFilter {
  private text = '';
  private emitted = 0;
  private holding = false;

  /** Feed a delta; returns the part that may be shown now. */
  push(delta: string): string {
    this.text += delta;
    if (this.holding) return '';
    const fence = this.text.indexOf('```', this.emitted);
    let upTo: number;
    if (fence !== -1) {
      this.holding = true;
      upTo = fence;
    } else {
      // One or two backticks at the end may be the start of a fence: wait for the next delta.
      const trailing = /`{1,2}$/.exec(this.text);
      upTo = trailing ? trailing.index : this.text.length;
    }
    const visible = this.text.slice(this.emitted, upTo);
    this.emitted = Math.max(this.emitted, upTo);
    return visible;
  }

  /** End of the answer: what is still to be shown (held text that was not a grounding block). */
  finish(): string {
    const stripped = stripGroundingBlock(this.text);
    const rest = stripped.length > this.emitted ? stripped.slice(this.emitted) : '';
    this.emitted = this.text.length;
    return rest;
  }

  /** Everything received so far, block included: for extractGroundedBoxes. */
  get fullText(): string {
    return this.text;
  }
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
