/** POST /api/results/<id>/entities: {label, points} → the new user entity's `entity` and `mask` events (201). */
export { NewEntityRequestSchema, NewEntityResponseSchema } from '@/lib/shared/points';

export const MAX_ENTITY_BODY_BYTES = 8 * 1024;
