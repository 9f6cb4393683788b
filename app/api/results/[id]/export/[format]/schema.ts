/** Path and query of GET /api/results/<id>/export/<format>. */
import { z } from 'zod';
import { ResultIdSchema } from '@/lib/shared/result';
import { DEFAULT_EXPORT_THRESHOLD } from '@/lib/export/scene';

export const EXPORT_FORMATS = ['coco.json', 'label-studio.json', 'overlay.png'] as const;

export const ExportParamsSchema = z.object({ id: ResultIdSchema, format: z.enum(EXPORT_FORMATS) });

export const ExportQuerySchema = z.object({
  /** Entities scoring below this are left out, as the browser's slider does (unscored entities always stay). */
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_EXPORT_THRESHOLD),
});
