/**
 * Wire format of POST /api/analyze: one JSON event per line (NDJSON). Every event is validated with these
 * schemas on the server before it is written and on the client when it is read.
 */
import { z } from 'zod';
import { AudioAnalyzeEventSchema } from './audio';
import { VideoEventSchemas } from './video';

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

export const StageNameSchema = z.enum([
  'decode',
  'tagging',
  'grounding',
  'fine-names',
  'encode',
  'segmentation',
  'regions',
  'audio',
  'sound-source',
  'scene-graph',
  'everything',
  'find',
  'keyframes',
]);
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

/**
 * What an entity is: a countable `thing` (detector + SAM), a `stuff` region from semantic segmentation
 * (wall, sky, road…), or a `user` entity the person made in point mode.
 */
export const EntityKindSchema = z.enum(['thing', 'stuff', 'user']);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/** A name some model gave the entity, with that model's confidence (null when it gives none). */
export const NamedLabelSchema = z.object({
  label: z.string(),
  score: z.number().min(0).max(1).nullable(),
  /** Model id that produced the name, e.g. imagenet-mobilenetv2, yolox-nano, ade20k-deeplab. */
  source: z.string(),
});
export type NamedLabel = z.infer<typeof NamedLabelSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The producing model's confidence; null when it gives none (an endpoint's box, a user's point prompt). */
  score: z.number().min(0).max(1).nullable(),
  box: BoxSchema,
  color: ColorSchema,
  /** Model that produced the box (e.g. yolox-nano, or an endpoint's model for open-vocabulary boxes). */
  source: z.string(),
  kind: EntityKindSchema,
  /** A finer name for a thing that WordNet puts under its label (truck · pickup), from a crop classifier. */
  fineName: NamedLabelSchema.optional(),
  /** Other labels claimed for the same object (car 0.58 on the truck's box), kept so answers count it once. */
  alternatives: z.array(NamedLabelSchema).optional(),
  /** Stuff regions: the share of the image's pixels the region covers. */
  areaShare: z.number().min(0).max(1).optional(),
  /** Videos: the keyframe (KeyframeSchema.index) the entity was found in. */
  keyframe: z.number().int().nonnegative().optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** Find by word: what each word matched, by which model (lib/analysis/find). */
export const WordResultSchema = z.object({
  word: z.string(),
  /** False when no model has a class for the word. */
  known: z.boolean(),
  classes: z.array(z.object({ model: z.string(), label: z.string() })),
  found: z.array(z.object({ entityId: z.string(), label: z.string(), model: z.string() })),
});
export type WordResult = z.infer<typeof WordResultSchema>;

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
  ...VideoEventSchemas,
  /**
   * A visible entity the sound can be tied to (e.g. speech → the persons in view), with the phrase that
   * names the source; the UI marks those entities and links the phrase to them.
   */
  z.object({
    type: z.literal('sound-source'),
    entityIds: z.array(z.string()).min(1),
    phrase: z.string(),
    method: z.string(),
    /** Why these entities were marked and not others that could make the sound ("the largest of 5 cars…"). */
    reason: z.string().optional(),
    /** Labels of the sound events (AudioSummary.soundEvents) this source makes, to light them up together. */
    eventLabels: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('find'), results: z.array(WordResultSchema) }),
  z.object({ type: z.literal('done'), resultId: z.string(), totalMs: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type AnalyzeEvent = z.infer<typeof AnalyzeEventSchema>;

/** Score below which the server drops detections; the client's slider filters everything above it. */
export const SERVER_SCORE_FLOOR = 0.1;
/** Masks are computed for at most this many entities (highest scores first): each costs ~60 ms of decoder. */
export const MAX_MASKED_ENTITIES = 12;

/**
 * Whether the score slider keeps an entity. Entities without a score (an endpoint's box, a user's point
 * prompt) have no confidence to filter on, so the slider never hides them. A small epsilon keeps a 0.30 score
 * at a 0.30 slider despite float noise.
 */
export function passesThreshold(entity: Pick<Entity, 'score'>, threshold: number): boolean {
  return entity.score === null || entity.score >= threshold - 1e-9;
}

/** A score as shown in labels ("0.87"), or nothing when the source gives none. */
export function formatScore(score: number | null): string {
  return score === null ? '' : score.toFixed(2);
}
