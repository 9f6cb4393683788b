/**
 * Question-time work (text reading, endpoint-box masks, point mode) and export PNGs on the worker fleet: the task as the
 * in-process pool would run it (pixels included, so workers need no database), answered through BullMQ's
 * completion events. A client that leaves takes its task off the queue if no worker has started it.
 */
import { WorkerFailure, type TaskResult } from '../inference/protocol';
import { QueueLeftError } from '../queue';
import { packValue, unpackValue, type FleetTask, type TaskJobData } from './messages';
import { admit, queues } from './queues';

/** A task no worker finished in this long is given up (a worker that died twice, or a fleet that vanished). */
const TASK_TIMEOUT_MS = 120_000;

export async function runRemoteTask<T>(task: FleetTask, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw new QueueLeftError();
  const { tasks, taskEvents } = queues();
  await admit(tasks);
  await taskEvents.waitUntilReady();
  const data: TaskJobData = { task: packValue(task) };
  const job = await tasks.add(task.kind, data, {
    attempts: 1,
    removeOnComplete: { age: 60 },
    removeOnFail: { age: 3600 },
  });
  const onAbort = () => void job.remove().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const packed = (await job.waitUntilFinished(taskEvents, TASK_TIMEOUT_MS)) as string;
    const outcome = unpackValue<TaskResult<T>>(packed);
    if (!outcome.ok) throw new WorkerFailure(outcome.failure);
    return outcome.value;
  } catch (error) {
    if (error instanceof WorkerFailure) throw error;
    if (signal?.aborted) throw new QueueLeftError();
    throw new WorkerFailure({
      kind: 'internal',
      code: 'worker_lost',
      message: `The worker fleet did not finish this ${task.kind} task: ${error instanceof Error ? error.message : error}`,
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
