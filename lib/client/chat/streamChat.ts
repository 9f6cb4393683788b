/**
 * POST /api/chat and read its NDJSON answer as typed ChatEvents. Every failure mode becomes one
 * ChatRequestError with a message the chat can show verbatim: 4xx/5xx JSON bodies `{error:{code,message}}`
 * (404 means the server forgot the analysis), non-JSON bodies, network failures, and lines that break the
 * contract. An abort (the Stop button) is re-thrown untouched so the caller can tell it apart.
 *
 * Line splitting reuses readLines from lib/client/ndjson.ts, which is generic; only the validation there is
 * tied to AnalyzeEventSchema, so the ChatEventSchema parsing lives here.
 */
import { ChatEventSchema, type ChatEvent, type ChatRequest } from '@/lib/shared/chat';
import { readLines } from '@/lib/client/ndjson';
import { errorFromResponse } from '../http-error';

export interface ChatFailure {
  code: string;
  message: string;
}

export class ChatRequestError extends Error {
  constructor(readonly detail: ChatFailure) {
    super(detail.message);
    this.name = 'ChatRequestError';
  }
}

export const EXPIRED_RESULT_MESSAGE =
  'The server no longer has this image’s analysis (it was restarted or the result expired). Analyse the image again, then ask.';

async function failureFromResponse(response: Response): Promise<ChatFailure> {
  const failure = await errorFromResponse(response);
  // The server's wording for 404 is about a resultId; the user needs to know what to do about it.
  return response.status === 404 ? { code: failure.code, message: EXPIRED_RESULT_MESSAGE } : failure;
}

/** Parses and validates one NDJSON line of the chat stream. */
export function parseChatLine(line: string, lineNumber: number): ChatEvent {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new ChatRequestError({
      code: 'bad_stream',
      message: `Line ${lineNumber} of the answer stream is not JSON: ${line.slice(0, 120)}`,
    });
  }
  const parsed = ChatEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ChatRequestError({
      code: 'bad_stream',
      message: `Line ${lineNumber} of the answer stream is not a chat event${where}: ${issue?.message ?? 'invalid'}`,
    });
  }
  return parsed.data;
}

function isAbort(error: unknown): boolean {
  return (error as Error | null)?.name === 'AbortError';
}

/** Streams the answer's events in arrival order; throws ChatRequestError when the request or stream fails. */
export async function* streamChat(
  request: ChatRequest,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): AsyncGenerator<ChatEvent> {
  let response: Response;
  try {
    response = await fetchImpl('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ChatRequestError({ code: 'network', message: `Could not reach the server: ${(error as Error).message}` });
  }
  if (!response.ok) throw new ChatRequestError(await failureFromResponse(response));
  if (!response.body) throw new ChatRequestError({ code: 'empty_body', message: 'The server sent no answer stream.' });
  let lineNumber = 0;
  try {
    for await (const line of readLines(response.body)) {
      lineNumber++;
      yield parseChatLine(line, lineNumber);
    }
  } catch (error) {
    if (isAbort(error) || error instanceof ChatRequestError) throw error;
    throw new ChatRequestError({
      code: 'network',
      message: `The answer stream broke off: ${(error as Error).message}`,
    });
  }
}
