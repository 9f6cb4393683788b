/**
 * Wire format of POST /api/analyze: one JSON event per line (NDJSON). Every event is validated with these
 * schemas on the server before it is written and on the client when it is read.
 */
import { z } from 'zod';
import { AudioAnalyzeEventSchema } from './audio';

/** [x, y, width, height] in image pixels, origin top-left. */
export const BoxSchema = z.tuple([z.number(), z.number(), z.number().nonnegative(), z.number().nonnegative()]);
export type Box = z.infer<typeof BoxSchema>;

/**
 * COCO-style uncompressed run-length encoding: pixels in column-major order (down each column, then the
 * next column), runs alternate background/foreground and always start with a (possibly empty) background run.
 */
export const RleSchema = z.object({
  size: z.tuple([z.number().int().positive(), z.number().int().positive()]), // [height, width]
  counts: z.array(z.number().int().nonnegative()),
});
export type Rle = z.infer<typeof RleSchema>;

export const ColorSchema = z.object({ name: z.string(), strong: z.string(), light: z.string() });

export const StageNameSchema = z.enum(['decode', 'tagging', 'grounding', 'encode', 'segmentation', 'audio']);
export type StageName = z.infer<typeof StageNameSchema>;

export const TagSchema = z.object({
  label: z.string(),
  score: z.number().min(0).max(1),
  /** Which model or algorithm produced the tag, shown in the UI. */
  source: z.string(),
});
export type Tag = z.infer<typeof TagSchema>;

export const MaskSchema = z.object({
  rle: RleSchema,
  /** Foreground pixel count. */
  area: z.number().int().nonnegative(),
  /** Tight box around the mask's pixels. */
  bbox: BoxSchema,
  /** The decoder's own estimate of the mask's IoU with the object. */
  predictedIou: z.number(),
  source: z.string(),
});
export type Mask = z.infer<typeof MaskSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  label: z.string(),
  score: z.number().min(0).max(1),
  box: BoxSchema,
  color: ColorSchema,
  /** Model that produced the box (e.g. yolox-nano, or an endpoint's model for open-vocabulary boxes). */
  source: z.string(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const AnalyzeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), width: z.number().int(), height: z.number().int(), hash: z.string() }),
  z.object({
    type: z.literal('stage'),
    stage: StageNameSchema,
    status: z.enum(['start', 'done', 'skipped']),
    ms: z.number().optional(),
    detail: z.string().optional(),
  }),
  z.object({ type: z.literal('tags'), tags: z.array(TagSchema) }),
  z.object({ type: z.literal('entity'), entity: EntitySchema }),
  z.object({ type: z.literal('mask'), entityId: z.string(), mask: MaskSchema }),
  AudioAnalyzeEventSchema,
  /**
   * A visible entity the sound can be tied to (e.g. speech → the persons in view), with the phrase that
   * names the source; the UI marks those entities and links the phrase to them.
   */
  z.object({
    type: z.literal('sound-source'),
    entityIds: z.array(z.string()).min(1),
    phrase: z.string(),
    method: z.string(),
  }),
  z.object({ type: z.literal('done'), resultId: z.string(), totalMs: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type AnalyzeEvent = z.infer<typeof AnalyzeEventSchema>;

/** Score below which the server drops detections; the client's slider filters everything above it. */
export const SERVER_SCORE_FLOOR = 0.1;
/** Masks are computed for at most this many entities (highest scores first): each costs ~60 ms of decoder. */
export const MAX_MASKED_ENTITIES = 12;
