/**
 * Wire format of answer → entity links. A span is a half-open character range [start, end) of the answer
 * text; it links to every entity whose label it matched (three detected persons and the word "people" give
 * one span with three ids). Spans of one answer never overlap and are sorted by start.
 */
import { z } from 'zod';

export const MatchMethodSchema = z.enum(['exact', 'lemma', 'wordnet', 'glove', 'llm']);

export const LinkSpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    entityIds: z.array(z.string()).min(1),
    method: MatchMethodSchema,
    /** The answer's text in [start, end), kept for display and for checking the offsets on the client. */
    text: z.string().min(1),
  })
  .refine((s) => s.end > s.start, { message: 'span end must be after start' });
export type LinkSpan = z.infer<typeof LinkSpanSchema>;

export const LinkSpansSchema = z.array(LinkSpanSchema);

/** What matching needs of an entity: the analysis Entity has more, and any superset is fine. */
export interface MatchableEntity {
  id: string;
  label: string;
}
