/**
 * Wire format of point mode (POST /api/results/<id>/points and /entities): clicks in image pixels, positive ones
 * on the object and negative ones on what to leave out; the answer is SAM's mask for them.
 */
import { z } from 'zod';
import { AnalyzeEventSchema, MaskSchema } from './analysis';

/** More clicks than anyone places on one object; bounds the request and the decoder's prompt. */
export const MAX_POINTS = 32;

export const PointSchema = z.object({
  x: z.number(),
  y: z.number(),
  /** true: part of the object (click); false: not part of it (Alt/right-click). */
  positive: z.boolean(),
});
export type Point = z.infer<typeof PointSchema>;

export const PointsRequestSchema = z.object({
  points: z
    .array(PointSchema)
    .min(1)
    .max(MAX_POINTS)
    .refine((points) => points.some((p) => p.positive), 'At least one point must be positive (on the object).'),
});
export type PointsRequest = z.infer<typeof PointsRequestSchema>;

export const PointsPreviewSchema = z.object({
  mask: MaskSchema,
  /** Server time of the decode itself, in ms. */
  decodeMs: z.number(),
  /** true when the image had to be encoded again first (its embedding had left the cache): about a second more. */
  reencoded: z.boolean(),
});
export type PointsPreview = z.infer<typeof PointsPreviewSchema>;

export const NewEntityRequestSchema = PointsRequestSchema.extend({
  label: z.string().trim().min(1).max(60),
});
export type NewEntityRequest = z.infer<typeof NewEntityRequestSchema>;

/** The new entity's `entity` and `mask` events, to feed to the same reducer as the analysis stream. */
export const NewEntityResponseSchema = z.object({ events: z.array(AnalyzeEventSchema) });
export type NewEntityResponse = z.infer<typeof NewEntityResponseSchema>;
