/** GET /api/results/<id>/audio: the uploaded audio file as it was sent (no body; the id is a ResultId). */
export { ResultIdSchema } from '@/lib/shared/result';
