/** PUT /api/results/<id>/display: the score threshold and mask opacity to reopen the result with. Answers 204. */
export { DisplaySettingsSchema } from '@/lib/shared/result';

export const MAX_DISPLAY_BODY_BYTES = 1024;
