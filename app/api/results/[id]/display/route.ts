/** Saves the display settings (score threshold, mask opacity) with a stored result so reopening shows the same. */
import { readJsonBody } from '@/lib/server/http';
import { setDisplaySettings } from '@/lib/server/results';
import { handleRouteError, resultIdFrom, unknownResult, type ResultRouteContext } from '@/lib/server/result-http';
import { DisplaySettingsSchema, MAX_DISPLAY_BODY_BYTES } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function PUT(request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const id = await resultIdFrom(context);
    const display = await readJsonBody(request, DisplaySettingsSchema, MAX_DISPLAY_BODY_BYTES);
    if (!(await setDisplaySettings(id, display))) throw unknownResult();
    return new Response(null, { status: 204 });
  } catch (error) {
    return handleRouteError(error, 'save the display settings');
  }
}
