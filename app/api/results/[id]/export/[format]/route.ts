import { cocoExport } from '@/lib/export/coco';
import { cocoVideoExport } from '@/lib/export/coco-video';
import { getStoredResult } from '@/lib/server/results';
import { labelStudioTasks } from '@/lib/export/label-studio';
import { attachment, exportSceneOf, loadStoredExportable, notFound, renderPng } from '@/lib/server/export-result';
import { errorResponse, HttpError } from '@/lib/server/http';
import { QueueFullError } from '@/lib/server/queue';
import { ExportParamsSchema, ExportQuerySchema } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function exportResult(request: Request, params: { id: string; format: string }): Promise<Response> {
  const path = ExportParamsSchema.safeParse(params);
  if (!path.success)
    throw notFound('not_found', 'No such result or export format (coco.json, label-studio.json, overlay.png).');
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError(400, 'invalid_input', 'threshold must be a number from 0 to 1.');
  const { id, format } = path.data;
  const exportable = await loadStoredExportable(id);
  const { baseName } = exportable;
  const threshold = query.data.threshold;
  const headers = { 'content-disposition': attachment(`${baseName}.${format}`), 'cache-control': 'no-store' };
  switch (format) {
    case 'coco.json': {
      // A video exports every keyframe (from its stored events); the other formats show the keyframe that stands for it.
      const events = exportable.scene.video && (await getStoredResult(id))?.events;
      return Response.json(
        (events && cocoVideoExport(events, threshold)) ?? cocoExport(exportSceneOf(exportable, threshold)),
        { headers },
      );
    }
    case 'label-studio.json': {
      const imageUrl = new URL(`/api/results/${id}/image`, request.url).href;
      return Response.json(labelStudioTasks(exportSceneOf(exportable, threshold), imageUrl), { headers });
    }
    case 'overlay.png': {
      const png = await renderPng(id, exportable, { png: 'overlay', threshold });
      return new Response(Buffer.from(png), { headers: { ...headers, 'content-type': 'image/png' } });
    }
  }
}

export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; format: string }> },
): Promise<Response> {
  try {
    return await exportResult(request, await context.params);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    if (error instanceof QueueFullError)
      return errorResponse(
        new HttpError(429, error.code, error.message, { 'retry-after': String(error.retryAfterSeconds) }),
      );
    console.error('export failed', error);
    return errorResponse(new HttpError(500, 'export_failed', 'The export failed on the server; see its log.'));
  }
}
