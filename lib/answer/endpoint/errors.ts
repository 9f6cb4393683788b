/** Why an OpenAI-compatible endpoint failed, typed so the fallback can say it in plain words. */

export type EndpointErrorCode =
  /** Connection refused, DNS failure, TLS error… */
  | 'unreachable'
  /** Non-2xx status. */
  | 'http_error'
  /** 2xx but not a chat-completions stream (HTML page, junk, invalid JSON, empty body). */
  | 'bad_response'
  /** The server streamed an error object instead of tokens. */
  | 'model_error'
  | 'first_token_timeout'
  | 'idle_timeout'
  /** The whole answer took longer than the overall deadline. */
  | 'deadline'
  /** The stream ended without [DONE] or a finish_reason. */
  | 'incomplete';

/** One text for refused, timed out before answering, unreachable and redirected: no map of hosts and ports. */
export const UNREACHABLE_MESSAGE = 'The endpoint could not be reached or did not answer in time.';

export class EndpointError extends Error {
  readonly name = 'EndpointError';
  constructor(
    readonly code: EndpointErrorCode,
    message: string,
    readonly details: { status?: number; bodyExcerpt?: string; cause?: unknown } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get bodyExcerpt(): string | undefined {
    return this.details.bodyExcerpt;
  }
}

/** At most `max` characters of a body, on one line, for error messages and logs. */
export function excerpt(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** The human message inside the usual error bodies: {error:{message}}, {error:"…"}, {message}, {detail}. */
export function errorMessageFromBody(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
    return (error as Record<string, string>).message;
  }
  if (typeof record.message === 'string') return record.message;
  if (typeof record.detail === 'string') return record.detail;
  return undefined;
}
