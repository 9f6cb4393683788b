/**
 * The server's default answer source from the environment (see .env.example). Unset → null (the built-in
 * answerer is the default); set but invalid → an error naming the variable, so a typo is not silently ignored.
 */
import { EndpointSourceSchema, type AnswerSource } from '@/lib/shared/chat';

export function endpointFromEnv(env: Record<string, string | undefined> = process.env): AnswerSource | null {
  const baseUrl = env.STRIX_ENDPOINT_BASE_URL?.trim();
  const model = env.STRIX_ENDPOINT_MODEL?.trim();
  if (!baseUrl && !model) return null;
  if (!baseUrl || !model) {
    throw new Error(
      `Set both STRIX_ENDPOINT_BASE_URL and STRIX_ENDPOINT_MODEL to use an endpoint (only ${baseUrl ? 'the base URL' : 'the model'} is set).`,
    );
  }
  const grounding = env.STRIX_ENDPOINT_GROUNDING?.trim().toLowerCase();
  const result = EndpointSourceSchema.safeParse({
    kind: 'endpoint',
    baseUrl,
    model,
    apiKey: env.STRIX_ENDPOINT_API_KEY?.trim() || undefined,
    grounding: grounding === 'true' || grounding === '1' || grounding === 'yes',
    boxFormat: env.STRIX_ENDPOINT_BOX_FORMAT?.trim() || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Invalid STRIX_ENDPOINT_${String(issue?.path[0] ?? '')
        .replace(/[A-Z]/g, (c) => `_${c}`)
        .toUpperCase()}: ${issue?.message}`,
    );
  }
  return result.data;
}
