/** The uploaded image of a stored result, with the content type its bytes were identified as. */
import { readResultUpload } from '@/lib/server/results';
import {
  handleRouteError,
  resultIdFrom,
  storedFileResponse,
  unknownResult,
  type ResultRouteContext,
} from '@/lib/server/result-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const file = await readResultUpload(await resultIdFrom(context), 'image');
    if (!file) throw unknownResult();
    return storedFileResponse(file, 'image');
  } catch (error) {
    return handleRouteError(error, 'read the image');
  }
}
