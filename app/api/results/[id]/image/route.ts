/** The uploaded image of a stored result, with the content type its bytes were identified as. */
import { readStoredImage } from '@/lib/server/stored-files';
import { handleRouteError, resultIdFrom, storedFileResponse, unknownResult, type ResultRouteContext } from '@/lib/server/result-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: ResultRouteContext): Promise<Response> {
  try {
    const file = await readStoredImage(await resultIdFrom(context));
    if (!file) throw unknownResult();
    return storedFileResponse(file, 'image');
  } catch (error) {
    return handleRouteError(error, 'read the image');
  }
}
