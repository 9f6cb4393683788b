/** GET /api/results/<id> answers a StoredResult; DELETE answers 204. The id is a ResultId (22 base64url characters). */
export { ResultIdSchema, StoredResultSchema } from '@/lib/shared/result';
