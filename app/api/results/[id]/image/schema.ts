/** GET /api/results/<id>/image: the uploaded image file as it was sent (no body; the id is a ResultId). */
export { ResultIdSchema } from '@/lib/shared/result';
