/** One stored result: GET returns it as JSON (what /r/<id> replays), DELETE removes it with its files. */
import { assertSameOrigin } from '@/lib/server/http';
import { deleteResult, getStoredResult } from '@/lib/server/results';
import { handleRouteError, resultIdFrom, unknownResult, type ResultRouteContext } from '@/lib/server/result-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const result = await getStoredResult(await resultIdFrom(context));
    if (!result) throw unknownResult();
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return handleRouteError(error, 'read the result');
  }
}

export async function DELETE(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    assertSameOrigin(request);
    if (!(await deleteResult(await resultIdFrom(context)))) throw unknownResult();
    return new Response(null, { status: 204 });
  } catch (error) {
    return handleRouteError(error, 'delete the result');
  }
}
