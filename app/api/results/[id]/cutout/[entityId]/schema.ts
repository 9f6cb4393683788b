/** Path of GET /api/results/<id>/cutout/<entityId>.png. */
import { z } from 'zod';
import { ResultIdSchema } from '@/lib/shared/result';

export const CutoutParamsSchema = z.object({
  id: ResultIdSchema,
  /** The entity's id with `.png` (e.g. `e3.png`); the bare id is accepted too. */
  entityId: z
    .string()
    .regex(/^[\w-]{1,64}(\.png)?$/)
    .transform((name) => name.replace(/\.png$/, '')),
});
