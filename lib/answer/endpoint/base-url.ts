/**
 * Where to POST for chat completions, from what a user pastes as the base URL. Users paste both
 * "http://localhost:11434" and "http://localhost:11434/v1" (and sometimes the full ".../chat/completions"),
 * so the rule is:
 *   1. trim, drop trailing slashes and a trailing "/chat/completions";
 *   2. if the path has no version segment (/v1, /v2, /v1beta…) anywhere, append "/v1" — the OpenAI layout
 *      that Ollama, vLLM, LM Studio and llama.cpp all serve;
 *   3. append "/chat/completions". The query string (e.g. Azure's api-version) is kept.
 * So a provider whose compatible API lives under a versioned prefix (".../v1beta/openai") works as pasted.
 */
export function chatCompletionsUrl(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  let path = url.pathname.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  if (!/\/v\d+[a-z0-9]*(\/|$)/i.test(path)) path += '/v1';
  url.pathname = `${path}/chat/completions`;
  return url.toString();
}

/** "llava at localhost:11434": how the UI names an endpoint source. */
export function endpointLabel(baseUrl: string, model: string): string {
  try {
    return `${model} at ${new URL(baseUrl).host}`;
  } catch {
    return model;
  }
}
