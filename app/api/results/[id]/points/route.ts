/**
 * Point-mode preview: SAM's mask for the clicks, decoded from the cached embedding. Requests for one result are
 * coalesced: while a decode runs only the newest waits, and the ones it replaced get 409 "superseded".
 */
import { HttpError, readJsonBody } from '@/lib/server/http';
import { previewPoints } from '@/lib/server/point-mode';
import { handleRouteError, resultIdFrom, type ResultRouteContext } from '@/lib/server/result-http';
import { MAX_POINTS_BODY_BYTES, PointsPreviewSchema, PointsRequestSchema } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const id = await resultIdFrom(context);
    const { points } = await readJsonBody(request, PointsRequestSchema, MAX_POINTS_BODY_BYTES);
    const outcome = await previewPoints(id, points);
    if (outcome.kind === 'superseded') {
      throw new HttpError(409, 'superseded', 'A newer point request for this result replaced this one.');
    }
    return Response.json(PointsPreviewSchema.parse(outcome.value), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return handleRouteError(error, 'decode the points');
  }
}
