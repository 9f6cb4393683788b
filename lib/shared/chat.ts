/**
 * Wire format of POST /api/chat. The request is JSON; the answer is NDJSON, one ChatEvent a line, validated with
 * these schemas on the server before writing and on the client when reading (same convention as /api/analyze).
 */
import { z } from 'zod';
import { BoxSchema, EntitySchema, MaskSchema } from './analysis';

export const ChatRoleSchema = z.enum(['user', 'assistant']);

/** Longest message we accept; keeps prompts (and the built-in answerer's parsing) bounded. */
export const MAX_MESSAGE_CHARS = 4000;
export const MAX_MESSAGES = 40;

export const ChatMessageSchema = z.object({
  role: ChatRoleSchema,
  content: z.string().max(MAX_MESSAGE_CHARS),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const BuiltinSourceSchema = z.object({ kind: z.literal('builtin') });

/**
 * Any OpenAI-compatible chat-completions server. Defaults follow the reference demo's sampling
 * (top-p 0.9, at most 300 new tokens) with a lower temperature, since answers should stick to the image.
 */
export const EndpointSourceSchema = z.object({
  kind: z.literal('endpoint'),
  /** With or without the trailing /v1: see normalizeBaseUrl in lib/answer/endpoint. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  model: z.string().min(1).max(200),
  apiKey: z.string().max(500).optional(),
  temperature: z.number().min(0).max(2).default(0.2),
  topP: z.number().min(0).max(1).default(0.9),
  maxTokens: z.number().int().min(1).max(4096).default(300),
  /** Ask the model for extra boxes (Qwen2.5-VL bbox_2d JSON) that then go to the local SAM. */
  grounding: z.boolean().default(false),
  /**
   * The frame the model writes boxes in (lib/answer/endpoint/box-format.ts): Qwen2.5-VL's resized-input
   * pixels, Qwen3-VL's 0–1000, or plain pixels of the sent image.
   */
  boxFormat: z.enum(['qwen2.5-vl', 'qwen3-vl', 'pixels']).default('pixels'),
  /** Ask the model to link the answer's phrases to the entities too (see lib/lexicon/llm.ts). */
  llmMatching: z.boolean().default(false),
  /** Send the analysed sound itself as an input_audio part (for models that accept audio). */
  audioInput: z.boolean().default(false),
});
export type EndpointSource = z.infer<typeof EndpointSourceSchema>;

export const AnswerSourceSchema = z.discriminatedUnion('kind', [BuiltinSourceSchema, EndpointSourceSchema]);
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

export const ChatRequestSchema = z.object({
  resultId: z.string().min(1).max(200),
  messages: z
    .array(ChatMessageSchema)
    .min(1)
    .max(MAX_MESSAGES)
    .refine((messages) => messages[messages.length - 1]?.role === 'user', {
      message: 'The last message must be the user’s question.',
    }),
  source: AnswerSourceSchema.default({ kind: 'builtin' }),
  /**
   * The client's score slider: entities below it are hidden in the UI, so the answer must not mention them
   * either. Optional; the server's floor applies when absent.
   */
  scoreThreshold: z.number().min(0).max(1).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const LinkSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  entityIds: z.array(z.string()),
  /** How the matcher linked it (exact label, plural, synonym, …), shown on hover. */
  method: z.string(),
  text: z.string(),
});
export type LinkSpan = z.infer<typeof LinkSpanSchema>;

export const GroundedBoxSchema = z.object({ label: z.string(), box: BoxSchema });
export type GroundedBox = z.infer<typeof GroundedBoxSchema>;

export const ChatEventSchema = z.discriminatedUnion('type', [
  /** What produced the answer (or the rest of it, after a fallback); shown in the UI. */
  z.object({
    type: z.literal('source'),
    kind: z.enum(['builtin', 'endpoint']),
    model: z.string().optional(),
    label: z.string(),
  }),
  z.object({ type: z.literal('token'), text: z.string() }),
  /** The endpoint failed (down, HTTP error, junk, stall); the built-in answerer takes over. */
  z.object({ type: z.literal('fallback'), reason: z.string() }),
  /** Boxes the endpoint proposed in grounding mode, in original image pixels. */
  z.object({ type: z.literal('grounded'), boxes: z.array(GroundedBoxSchema) }),
  z.object({ type: z.literal('links'), spans: z.array(LinkSpanSchema) }),
  /** A new entity created from an endpoint-grounded box (after SAM). */
  z.object({ type: z.literal('entity'), entity: EntitySchema }),
  /** The local SAM's mask for an endpoint-grounded entity. */
  z.object({ type: z.literal('mask'), entityId: z.string(), mask: MaskSchema }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ChatEvent = z.infer<typeof ChatEventSchema>;
