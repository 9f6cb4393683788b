/**
 * Output of GET /api/health: every manifest model's state, the model queue, the event loop, memory, the backends,
 * and with the worker fleet (REDIS_URL) its queues and live workers.
 */
import { z } from 'zod';

export const HealthQuerySchema = z.object({
  /** "1" starts a new event-loop window after this report (the load test measures its own run). */
  resetEventLoop: z.enum(['0', '1']).optional(),
});

export const HealthSchema = z.object({
  /**
   * warming: the models are being loaded and run once at start (requests meanwhile wait for it);
   * degraded: a model is missing or corrupt (the stages that need it are off).
   */
  status: z.enum(['ok', 'warming', 'degraded']),
  models: z.array(z.object({ id: z.string(), status: z.enum(['loaded', 'present', 'missing', 'corrupt']) })),
  queue: z.object({
    /** Jobs running plus jobs waiting for an inference worker. */
    length: z.number().int().nonnegative(),
    workers: z.number().int().positive(),
    ortThreads: z.number().int().positive(),
  }),
  eventLoop: z.object({ maxMs: z.number(), p99Ms: z.number(), meanMs: z.number(), windowSeconds: z.number() }),
  memory: z.object({ rssMb: z.number() }),
  backends: z.object({ store: z.enum(['sqlite', 'postgres']), work: z.enum(['in-process', 'redis']) }),
  /** Only with REDIS_URL. `queues` is absent when Redis did not answer (reachable: false). */
  cluster: z
    .object({
      reachable: z.boolean(),
      queues: z
        .record(z.enum(['analyze', 'tasks']), z.object({ waiting: z.number().int(), active: z.number().int() }))
        .optional(),
      workers: z.array(z.object({ id: z.string(), host: z.string(), slots: z.number().int(), upSeconds: z.number() })),
    })
    .optional(),
});
export type Health = z.infer<typeof HealthSchema>;
