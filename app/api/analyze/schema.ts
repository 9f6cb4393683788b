/** Input of POST /api/analyze: a multipart form with one image file (JPEG, PNG or WebP). */
import { z } from 'zod';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** Whole multipart body: image plus room for a sound file and form overhead. */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

const fileField = (name: string, maxBytes: number) =>
  z
    .instanceof(File, { message: `Attach the ${name} as a file in the "${name}" field.` })
    .refine((file) => file.size > 0, `The ${name} file is empty.`)
    .refine((file) => file.size <= maxBytes, `The ${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);

export const AnalyzeFormSchema = z.object({
  image: fileField('image', MAX_IMAGE_BYTES),
});
export type AnalyzeForm = z.infer<typeof AnalyzeFormSchema>;
