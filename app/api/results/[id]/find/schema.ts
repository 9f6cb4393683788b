/** POST /api/results/<id>/find: `find=lamp, window` (multipart) or `{"find": "lamp, window"}` (JSON). */
import { z } from 'zod';
import { WordResultSchema } from '@/lib/shared/analysis';
import { FindFieldSchema } from '@/lib/shared/find';

export const FindRequestSchema = z.object({
  find: FindFieldSchema.refine((words) => words.length > 0, 'Name at least one word to find.'),
});
export const FindResponseSchema = z.object({ results: z.array(WordResultSchema) });
export const MAX_FIND_BODY_BYTES = 4 * 1024;
