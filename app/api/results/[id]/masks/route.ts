/** Masks for the weaker things the score slider reveals, cut from the cached embedding (lib/server/entity-masks.ts). */
import { readJsonBody } from '@/lib/server/http';
import { maskEntities } from '@/lib/server/entity-masks';
import { handleRouteError, resultIdFrom, type ResultRouteContext } from '@/lib/server/result-http';
import { EntityMasksRequestSchema, EntityMasksResponseSchema, MAX_MASKS_BODY_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const id = await resultIdFrom(context);
    const { entityIds } = await readJsonBody(request, EntityMasksRequestSchema, MAX_MASKS_BODY_BYTES);
    const events = await maskEntities(id, entityIds, request.signal);
    return Response.json(EntityMasksResponseSchema.parse({ events }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return handleRouteError(error, 'cut the masks');
  }
}
