import { attachment, loadExportable, notFound, renderPng } from '@/lib/server/export-result';
import { errorResponse, HttpError } from '@/lib/server/http';
import { CutoutParamsSchema } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function cutout(params: { id: string; entityId: string }): Promise<Response> {
  const path = CutoutParamsSchema.safeParse(params);
  if (!path.success) throw notFound('not_found', 'No such result or entity.');
  const { id, entityId } = path.data;
  // Threshold 0: any entity of the result can be cut out, whatever the slider shows.
  const { scene, exportScene, baseName } = await loadExportable(id, 0);
  const entity = exportScene.entities.find((e) => e.id === entityId);
  if (!entity) throw notFound('unknown_entity', `This result has no entity "${entityId}".`);
  const mask = exportScene.masks[entityId];
  if (!mask) throw notFound('no_mask', `The entity "${entityId}" (${entity.label}) has no mask to cut out (or an empty one).`);
  const png = await renderPng(id, scene, exportScene, 'cutout', entityId);
  return new Response(Buffer.from(png), {
    headers: { 'content-type': 'image/png', 'content-disposition': attachment(`${baseName}-${entityId}-${entity.label}.png`), 'cache-control': 'no-store' },
  });
}

export async function GET(_request: Request, context: { params: Promise<{ id: string; entityId: string }> }): Promise<Response> {
  try {
    return await cutout(await context.params);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    console.error('cut-out failed', error);
    return errorResponse(new HttpError(500, 'export_failed', 'The cut-out failed on the server; see its log.'));
  }
}
