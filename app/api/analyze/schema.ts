/** Input of POST /api/analyze: a multipart form with an image (JPEG, PNG, WebP), a sound, or both; or a video alone. */
import { z } from 'zod';
import { FindFieldSchema } from '@/lib/shared/find';
import { ResultIdSchema } from '@/lib/shared/result';
import { VIDEO_LIMITS } from '@/lib/shared/video';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024;
export const MAX_VIDEO_BYTES = VIDEO_LIMITS.maxBytes;
/** Whole multipart body: the largest allowed upload (a video, or both files) plus form overhead. */
export const MAX_BODY_BYTES = Math.max(MAX_IMAGE_BYTES + MAX_AUDIO_BYTES, MAX_VIDEO_BYTES) + 1024 * 1024;

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
    video: fileField('video', MAX_VIDEO_BYTES).optional(),
    /** The result whose conversation this analysis continues (the same photo analysed again, e.g. with a sound). */
    chatFrom: z
      .string()
      .refine(
        (id) => ResultIdSchema.safeParse(id).success,
        'The "chatFrom" field names a result by its 22-character id.',
      )
      .optional(),
  })
  .refine(
    (form) => form.image || form.audio || form.video,
    'Attach an image (field "image"), a sound (field "audio"), both, or a video (field "video").',
  )
  .refine(
    (form) => !form.video || (!form.image && !form.audio),
    'Send a video alone: its own sound track is analysed.',
  );
export type AnalyzeForm = z.infer<typeof AnalyzeFormSchema>;
