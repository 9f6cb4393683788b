/**
 * A worker process of the fleet (`npx strix worker`): takes analyses and question-time tasks from the BullMQ
 * queues and runs them on this machine's inference threads (inference/pool.ts, models loaded once per thread).
 * It needs REDIS_URL only: analyses stream their messages back through Redis and the web process stores the
 * result, and tasks carry their pixels. BullMQ's lock on each job is renewed while this process lives; if it dies,
 * the lock lapses, another worker's stalled-job check puts the job back once (maxStalledCount 1), and a job that
 * stalls twice is failed — which the waiting web process reports (remote-analysis.ts).
 */
import { Worker, type Job } from 'bullmq';
import { inferenceSizing } from '../../models/threads';
import * as local from '../inference/pool';
import { WorkerFailure, type Failure, type TaskResult } from '../inference/protocol';
import {
  packValue,
  unpackBytes,
  unpackValue,
  type AnalyzeJobData,
  type FleetTask,
  type StreamMessage,
  type TaskJobData,
} from './messages';
import {
  ANALYZE_QUEUE,
  beat,
  CANCEL_CHANNEL,
  cancelKey,
  eventsKey,
  forget,
  HEARTBEAT_MS,
  JOB_KEY_TTL_S,
  newRedis,
  sharedRedis,
  TASK_QUEUE,
  workerIdentity,
} from './redis';

/** Short, so a dead worker's job is noticed within seconds; renewed every half of it while the process lives. */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

function toFailure(error: unknown): Failure {
  if (error instanceof WorkerFailure) return { kind: error.kind, code: error.code, message: error.message };
  console.error('worker job failed', error);
  return { kind: 'internal', code: 'analysis_failed', message: 'The analysis failed on a worker; see its log.' };
}

/** Runs one analysis job, sending every message into the job's stream; the result goes there too, not to BullMQ. */
function analysisProcessor(workerId: string, cancels: Map<string, AbortController>) {
  return async (job: Job<AnalyzeJobData>) => {
    const id = job.id!;
    const redis = sharedRedis();
    const key = eventsKey(id);
    // One connection, so the stream receives the messages in the order they are sent. Each message renews the
    // expiry: a stream the web process already dropped (its client left) must not outlive the job for good.
    const send = (message: StreamMessage) =>
      redis.multi().xadd(key, '*', 'm', JSON.stringify(message)).expire(key, JOB_KEY_TTL_S).exec();
    await send({ type: 'attempt', worker: workerId });
    if (await redis.exists(cancelKey(id))) return; // the client left before a worker took it
    const stop = new AbortController();
    cancels.set(id, stop);
    try {
      const { image, audio, video, ...options } = job.data;
      const input = { ...options, image: unpackBytes(image), audio: unpackBytes(audio), video: unpackBytes(video) };
      const started = await local.startAnalysis(input, stop.signal);
      await send({ type: 'accepted' });
      const { scene, uploads } = await started.stream((event) => void send({ type: 'event', event }), stop.signal);
      await send({ type: 'result', scene: packValue(scene), uploads: uploads && packValue(uploads) });
    } catch (error) {
      await send({ type: 'failed', failure: toFailure(error) });
    } finally {
      cancels.delete(id);
    }
  };
}

async function taskProcessor(job: Job<TaskJobData>): Promise<string> {
  const task = unpackValue<FleetTask>(job.data.task);
  const run = (): Promise<unknown> => {
    switch (task.kind) {
      case 'read-text':
        return local.readTextInWorker(task.image, task.size);
      case 'segment':
        return local.segmentInWorker(task.image, task.size, task.boxes);
      case 'points':
        return local.pointsInWorker(task.image, task.size, task.points);
      case 'render': {
        const { kind: _kind, ...request } = task;
        return local.renderInWorker(request);
      }
    }
  };
  const outcome: TaskResult<unknown> = await run().then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, failure: toFailure(error) }),
  );
  return packValue(outcome);
}

export interface RunningWorker {
  id: string;
  close(): Promise<void>;
}

export async function startWorker(log: (line: string) => void = () => {}): Promise<RunningWorker> {
  const { workers: slots, ortThreads } = inferenceSizing();
  const me = workerIdentity(slots);
  // Every inference thread loads and runs its models once before this process takes its first job.
  await local.warmUpInferencePool();
  if (local.warmState() === 'failed') log('warm-up failed (see above): the first jobs load the models themselves');
  const cancels = new Map<string, AbortController>();
  const subscriber = newRedis();
  subscriber.on('message', (_channel: string, jobId: string) => cancels.get(jobId)?.abort());
  await subscriber.subscribe(CANCEL_CHANNEL);
  const options = { concurrency: slots, lockDuration: LOCK_MS, stalledInterval: STALLED_CHECK_MS, maxStalledCount: 1 };
  // BullMQ leaves connections it was given open on close: kept here so close() can end them and the process exit.
  const connections = [newRedis(), newRedis()];
  const fleet = [
    new Worker(ANALYZE_QUEUE, analysisProcessor(me.id, cancels), { ...options, connection: connections[0] }),
    new Worker(TASK_QUEUE, taskProcessor, { ...options, connection: connections[1] }),
  ];
  for (const worker of fleet) worker.on('error', (error) => log(`queue error: ${error.message}`));
  const redis = sharedRedis();
  await beat(redis, me);
  const heartbeat = setInterval(() => void beat(redis, me).catch(() => {}), HEARTBEAT_MS);
  log(`worker ${me.id}: ${slots} inference thread(s) × ${ortThreads} ORT thread(s), taking jobs`);
  return {
    id: me.id,
    async close() {
      clearInterval(heartbeat);
      await forget(redis, me).catch(() => {});
      // Lets running jobs finish; unstarted ones stay in the queue for other workers.
      await Promise.all(fleet.map((worker) => worker.close()));
      for (const connection of [...connections, subscriber]) connection.disconnect();
      await local.closeInferencePool();
      redis.disconnect();
    },
  };
}
