/** Keeps a point-mode mask as a new entity the user named; it then takes part in answers and links. */
import { readJsonBody } from '@/lib/server/http';
import { keepPointEntity } from '@/lib/server/point-mode';
import { handleRouteError, resultIdFrom, type ResultRouteContext } from '@/lib/server/result-http';
import type { NewEntityResponse } from '@/lib/shared/points';
import { MAX_ENTITY_BODY_BYTES, NewEntityRequestSchema } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const id = await resultIdFrom(context);
    const { label, points } = await readJsonBody(request, NewEntityRequestSchema, MAX_ENTITY_BODY_BYTES);
    const { entity, mask } = await keepPointEntity(id, label, points);
    const body: NewEntityResponse = {
      events: [
        { type: 'entity', entity },
        { type: 'mask', entityId: entity.id, mask },
      ],
    };
    return Response.json(body, { status: 201 });
  } catch (error) {
    return handleRouteError(error, 'keep the entity');
  }
}
