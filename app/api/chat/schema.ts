/** Input of POST /api/chat: JSON (see ChatRequestSchema in lib/shared/chat.ts), capped in size. */
export { ChatRequestSchema } from '@/lib/shared/chat';

/** 40 messages of up to 4,000 characters plus settings fit well under this. */
export const MAX_CHAT_BODY_BYTES = 256 * 1024;
