/** The `find` field of POST /api/analyze, POST /api/results/<id>/find and `strix analyze --find`. */
import { z } from 'zod';

/** At most this many words in `find`, each at most FIND_WORD_CHARS long: a search, not a document. */
export const MAX_FIND_WORDS = 12;
const FIND_WORD_CHARS = 40;

/** "lamp, window,pillow" → ['lamp', 'window', 'pillow'] (commas or semicolons; case and spaces trimmed). */
export const FindFieldSchema = z
  .string()
  .transform((text) => [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .refine((words) => words.length <= MAX_FIND_WORDS, `Ask "find" for at most ${MAX_FIND_WORDS} words.`)
  .refine(
    (words) => words.every((w) => w.length <= FIND_WORD_CHARS),
    `Each word in "find" is at most ${FIND_WORD_CHARS} characters.`,
  );
