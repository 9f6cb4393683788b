/**
 * What /api/health says about the parts beyond this process: which store and which work backend are in use and,
 * with the worker fleet, the queues' depths and the live workers (from their heartbeats). A Redis that does not
 * answer is reported as such rather than failing the health check.
 */
import { resultStore } from '../store';
import { queueDepths } from './queues';
import { clusterEnabled, liveWorkers, sharedRedis } from './redis';

export async function backendHealth() {
  const backends = { store: resultStore().kind, work: clusterEnabled() ? ('redis' as const) : ('in-process' as const) };
  if (!clusterEnabled()) return { backends };
  try {
    const [queues, workers] = await Promise.all([queueDepths(), liveWorkers(sharedRedis())]);
    const now = Date.now();
    const fleet = workers.map((w) => ({
      id: w.id,
      host: w.host,
      slots: w.slots,
      upSeconds: Math.round((now - Date.parse(w.startedAt)) / 1000),
    }));
    return { backends, cluster: { reachable: true, queues, workers: fleet } };
  } catch (error) {
    console.error('health: Redis did not answer', error);
    return { backends, cluster: { reachable: false, workers: [] } };
  }
}
