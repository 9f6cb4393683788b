import { attachment, loadStoredExportable, notFound, renderPng } from '@/lib/server/export-result';
import { errorResponse, HttpError } from '@/lib/server/http';
import { QueueFullError } from '@/lib/server/queue';
import { CutoutParamsSchema } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function cutout(params: { id: string; entityId: string }): Promise<Response> {
  const path = CutoutParamsSchema.safeParse(params);
  if (!path.success) throw notFound('not_found', 'No such result or entity.');
  const { id, entityId } = path.data;
  const exportable = await loadStoredExportable(id);
  const { baseName } = exportable;
  const entity = exportable.scene.entities.find((e) => e.id === entityId);
  if (!entity) throw notFound('unknown_entity', `This result has no entity "${entityId}".`);
  if (!entity.mask || entity.mask.area === 0)
    throw notFound('no_mask', `The entity "${entityId}" (${entity.label}) has no mask to cut out (or an empty one).`);
  // Threshold 0: any entity of the result can be cut out, whatever the slider shows.
  const png = await renderPng(id, exportable, { png: 'cutout', threshold: 0, entityId });
  return new Response(Buffer.from(png), {
    headers: {
      'content-type': 'image/png',
      'content-disposition': attachment(`${baseName}-${entityId}-${entity.label}.png`),
      'cache-control': 'no-store',
    },
  });
}

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string; entityId: string }> },
): Promise<Response> {
  try {
    return await cutout(await context.params);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    if (error instanceof QueueFullError)
      return errorResponse(
        new HttpError(429, error.code, error.message, { 'retry-after': String(error.retryAfterSeconds) }),
      );
    console.error('cut-out failed', error);
    return errorResponse(new HttpError(500, 'export_failed', 'The cut-out failed on the server; see its log.'));
  }
}
