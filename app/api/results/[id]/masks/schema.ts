/** POST /api/results/<id>/masks: {entityIds} → a `mask` event for each (things the analysis left unmasked get theirs cut now). */
export { EntityMasksRequestSchema, EntityMasksResponseSchema } from '@/lib/shared/entity-masks';

export const MAX_MASKS_BODY_BYTES = 4 * 1024;
