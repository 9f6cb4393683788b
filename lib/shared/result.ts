/**
 * A stored result as `GET /api/results/<id>` returns it and `/r/<id>` reopens it. The analysis is kept as the
 * very event stream the browser first received, so reopening replays it through the same reducer and shows
 * exactly what was shown (entities, masks, sound, sound source); the chat and display settings come beside it.
 */
import { z } from 'zod';
import { AnalyzeEventSchema } from './analysis';
import { LinkSpanSchema } from './chat';

/** ≥ 128 random bits, URL-safe: 22 base64url characters. Anything else is not an id (clean 404). */
export const ResultIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const StoredChatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  /** Assistant turns: which answer source wrote it and its linked phrases. */
  source: z.string().optional(),
  links: z.array(LinkSpanSchema).optional(),
});
export type StoredChatTurn = z.infer<typeof StoredChatTurnSchema>;

export const DisplaySettingsSchema = z.object({
  scoreThreshold: z.number().min(0).max(1),
  maskOpacity: z.number().min(0).max(1),
});
export type DisplaySettings = z.infer<typeof DisplaySettingsSchema>;

export const StoredResultSchema = z.object({
  id: ResultIdSchema,
  createdAt: z.string(),
  /** Same-origin URLs of the uploaded files (absent when none was uploaded). */
  imageUrl: z.string().optional(),
  audioUrl: z.string().optional(),
  imageName: z.string().optional(),
  events: z.array(AnalyzeEventSchema),
  chat: z.array(StoredChatTurnSchema),
  display: DisplaySettingsSchema.optional(),
});
export type StoredResult = z.infer<typeof StoredResultSchema>;
