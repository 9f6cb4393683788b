/** GET /api/health: what an operator or a load test needs to know about this server (schema.ts). */
import { inferenceSizing } from '@/lib/models/threads';
import { eventLoopStats } from '@/lib/server/event-loop';
import { errorResponse, HttpError } from '@/lib/server/http';
import { modelStatuses } from '@/lib/server/model-files';
import { modelQueue } from '@/lib/server/queue';
import { backendHealth } from '@/lib/server/cluster/health';
import { warmState } from '@/lib/server/inference/pool';
import { HealthQuerySchema, HealthSchema, type Health } from '../../../lib/shared/health';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const query = HealthQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse(new HttpError(400, 'invalid_input', 'resetEventLoop must be 0 or 1.'));
  const models = await modelStatuses();
  const { workers, ortThreads } = inferenceSizing();
  const health: Health = HealthSchema.parse({
    status: models.some((m) => m.status === 'missing' || m.status === 'corrupt')
      ? 'degraded'
      : warmState() === 'warming'
        ? 'warming'
        : 'ok',
    models,
    queue: { length: modelQueue().pending, workers, ortThreads },
    eventLoop: eventLoopStats(query.data.resetEventLoop === '1'),
    memory: { rssMb: Math.round(process.memoryUsage.rss() / 1e6) },
    ...(await backendHealth()),
  });
  return Response.json(health, { headers: { 'cache-control': 'no-store' } });
}
