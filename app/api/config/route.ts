/**
 * GET /api/config: the answer endpoint configured on the server (STRIX_ENDPOINT_* in .env.local), so the
 * settings panel can offer it, and whether users may type their own (lib/server/endpoint-policy.ts). The
 * API key itself never leaves the server; /api/chat adds it when the request names the same endpoint.
 */
import { endpointFromEnv } from '@/lib/answer/endpoint/config';
import { policyFromEnv } from '@/lib/server/endpoint-policy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const policy = policyFromEnv();
  const userEndpoints = { allowed: policy.allowUserEndpoints, hosts: [...policy.allowedHosts] };
  try {
    const source = endpointFromEnv();
    const endpoint =
      source?.kind === 'endpoint'
        ? {
            baseUrl: source.baseUrl,
            model: source.model,
            grounding: source.grounding,
            hasApiKey: Boolean(source.apiKey),
          }
        : null;
    return Response.json({ endpoint, userEndpoints });
  } catch (error) {
    // A misconfigured .env is reported, not fatal: the built-in answerer still works.
    return Response.json({ endpoint: null, userEndpoints, error: (error as Error).message });
  }
}
