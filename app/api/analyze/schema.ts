/** Input of POST /api/analyze: a multipart form with an image (JPEG, PNG, WebP), a sound, or both. */
import { z } from 'zod';
import { FindFieldSchema } from '@/lib/shared/find';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024;
/** Whole multipart body: both files plus form overhead. */
export const MAX_BODY_BYTES = MAX_IMAGE_BYTES + MAX_AUDIO_BYTES + 1024 * 1024;

const fileField = (name: string, maxBytes: number) =>
  z
    .instanceof(File, { message: `Attach the ${name} as a file in the "${name}" field.` })
    .refine((file) => file.size > 0, `The ${name} file is empty.`)
    .refine((file) => file.size <= maxBytes, `The ${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);

export const AnalyzeFormSchema = z
  .object({
    image: fileField('image', MAX_IMAGE_BYTES).optional(),
    audio: fileField('sound', MAX_AUDIO_BYTES).optional(),
    /** "everything": SAM's automatic masks over the whole image as well (slower, see README). */
    mode: z.enum(['standard', 'everything'], { message: 'The "mode" field is "standard" or "everything".' }).optional(),
    find: FindFieldSchema.optional(),
  })
  .refine((form) => form.image || form.audio, 'Attach an image (field "image"), a sound (field "audio"), or both.');
export type AnalyzeForm = z.infer<typeof AnalyzeFormSchema>;
