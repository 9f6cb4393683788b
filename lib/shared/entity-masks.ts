/**
 * Wire format of POST /api/results/<id>/masks: masks for things the analysis left unmasked (boxes under the
 * default score threshold, or past the first MAX_MASKED_ENTITIES), asked for when the score slider reveals them.
 */
import { z } from 'zod';
import { AnalyzeEventSchema, MAX_MASKED_ENTITIES } from './analysis';

/** The server keeps at most twice the masked count of things per result (grounding's cap), so no more are asked. */
export const MAX_MASK_REQUEST_IDS = MAX_MASKED_ENTITIES * 2;

export const EntityMasksRequestSchema = z.object({
  entityIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_MASK_REQUEST_IDS),
});
export type EntityMasksRequest = z.infer<typeof EntityMasksRequestSchema>;

/** One `mask` event per asked entity, fed to the same reducer as the analysis stream. */
export const EntityMasksResponseSchema = z.object({ events: z.array(AnalyzeEventSchema) });
export type EntityMasksResponse = z.infer<typeof EntityMasksResponseSchema>;
