/** GET /api/openapi.json: the API described from the routes' own zod schemas (see document.ts). */
import { openApiDocument } from './document';

export const runtime = 'nodejs';

/** Built once per process: the schemas do not change while it runs. */
let document: ReturnType<typeof openApiDocument> | undefined;

export function GET(): Response {
  document ??= openApiDocument();
  return Response.json(document);
}
