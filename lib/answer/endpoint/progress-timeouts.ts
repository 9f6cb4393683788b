/**
 * The limits on an answer's progress, counted in data events (a role-only first chunk, a token), not bytes:
 * a server that only sends keep-alive comments is stalled as far as the user can tell.
 * - first token: from sending the request to the first data event (covers connecting and image encoding);
 * - idle: the longest gap between data events after that;
 * - deadline: the whole answer, however steadily it streams.
 * When one passes it aborts the request's controller and keeps the reason in `expired`.
 */
import { EndpointError, UNREACHABLE_MESSAGE } from './errors';

/**
 * A hung endpoint must hand over to the built-in answerer within 15 s (issue 10): the user is waiting on a
 * blank answer. A slow local vision model may need a longer first-token wait; pass firstTokenTimeoutMs.
 */
export const DEFAULT_FIRST_TOKEN_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
/** The whole answer: 300 tokens at a slow 5 tokens/s is 60 s; past 90 s the user has given up. */
export const DEFAULT_DEADLINE_MS = 90_000;

export interface ProgressLimits {
  firstTokenTimeoutMs?: number;
  idleTimeoutMs?: number;
  deadlineMs?: number;
}

export class ProgressTimeouts {
  expired: EndpointError | null = null;
  private timer: ReturnType<typeof setTimeout>;
  private readonly deadline: ReturnType<typeof setTimeout>;
  private readonly idleMs: number;

  constructor(
    private readonly controller: AbortController,
    limits: ProgressLimits,
  ) {
    this.idleMs = limits.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    // Refused, unreachable and silent read the same: no map of which hosts and ports exist.
    this.timer = this.after(
      limits.firstTokenTimeoutMs ?? DEFAULT_FIRST_TOKEN_TIMEOUT_MS,
      () => new EndpointError('first_token_timeout', UNREACHABLE_MESSAGE),
    );
    const deadlineMs = limits.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.deadline = this.after(
      deadlineMs,
      () => new EndpointError('deadline', `The endpoint had not finished after ${Math.round(deadlineMs / 1000)} s.`),
    );
  }

  /** A data event came: the idle clock starts again. */
  progress(): void {
    clearTimeout(this.timer);
    const seconds = Math.round(this.idleMs / 100) / 10;
    this.timer = this.after(
      this.idleMs,
      () => new EndpointError('idle_timeout', `The endpoint stopped sending tokens for ${seconds} s.`),
    );
  }

  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.deadline);
  }

  private after(ms: number, error: () => EndpointError): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.expired ??= error();
      this.controller.abort(this.expired);
    }, ms);
  }
}
