/**
 * Turns a failed response from a Strix route into {code, message} the UI can show verbatim: the route's own
 * JSON error when there is one, else the status line; a 429 says when to retry.
 */
export interface HttpFailure {
  code: string;
  message: string;
}

export async function errorFromResponse(response: Response): Promise<HttpFailure> {
  const text = await response.text().catch(() => '');
  let parsed: HttpFailure | null = null;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.message === 'string') {
      parsed = { code: String(body.error.code ?? `http_${response.status}`), message: body.error.message };
    }
  } catch {
    // not JSON: fall through to the status line
  }
  const error = parsed ?? {
    code: `http_${response.status}`,
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  if (response.status === 429) {
    const retryAfter = response.headers.get('Retry-After');
    if (retryAfter) error.message += ` (retry in ${retryAfter} s)`;
  }
  return error;
}
