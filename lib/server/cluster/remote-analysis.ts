/**
 * An analysis on the worker fleet, seen from the web process that holds the client's connection: the same
 * StartedAnalysis as the in-process pool (inference/pool.ts), so the analyse route does not know the difference.
 *
 * The job's messages are read from its Redis stream. Between reads the job's state is checked, so that the
 * client is never left waiting on nothing: a job BullMQ failed (its worker died twice: "stalled") and a queue
 * with no live worker end the request with a clear error. A worker that dies mid-job has its job run again by
 * BullMQ on another worker; if nothing was sent to the client yet that retry is invisible, otherwise the request
 * ends with `worker_lost` (its first events cannot be taken back) and the retry is cancelled.
 */
import type { Job } from 'bullmq';
import type { AnalyzeEvent } from '../../shared/analysis';
import type { Scene } from '../../scene/types';
import type { AnalysisInputBytes, FinishedAnalysis, StartedAnalysis } from '../inference/pool';
import { WorkerFailure, type Failure, type ResultFiles } from '../inference/protocol';
import { QueueLeftError } from '../queue';
import { packBytes, unpackValue, type AnalyzeJobData, type StreamMessage } from './messages';
import { admit, queues } from './queues';
import { CANCEL_CHANNEL, cancelKey, eventsKey, JOB_KEY_TTL_S, liveWorkers, newRedis, sharedRedis } from './redis';

const READ_BLOCK_MS = 1_000;
/** No live worker for this long while the job is not finished: nobody will ever run it. */
const ORPHAN_MS = 15_000;

const workerLost = (message: string): Failure => ({ kind: 'internal', code: 'worker_lost', message });

async function cancelJob(job: Job): Promise<void> {
  const redis = sharedRedis();
  await redis.set(cancelKey(job.id!), '1', 'EX', JOB_KEY_TTL_S);
  await redis.publish(CANCEL_CHANNEL, job.id!);
  // Still waiting: take it off the queue. Running (locked): the worker stops at its next stage instead.
  await job.remove().catch(() => {});
}

/** Why a job that stopped sending will not finish, or undefined while it may still. */
async function deadEnd(job: Job, orphanSince: { at?: number }): Promise<Failure | undefined> {
  const state = await job.getState();
  if (state === 'failed') {
    const reason = (await queues().analyze.getJob(job.id!))?.failedReason ?? '';
    return workerLost(`The analysis failed on its worker (${reason || 'no reason given'}); analyse it again.`);
  }
  if (state === 'unknown') return workerLost('The analysis job disappeared from the queue; analyse it again.');
  if (state === 'completed') return undefined; // its last messages are still to be read
  if ((await liveWorkers(sharedRedis())).length > 0) {
    orphanSince.at = undefined;
    return undefined;
  }
  orphanSince.at ??= Date.now();
  return Date.now() - orphanSince.at > ORPHAN_MS
    ? workerLost('No analysis worker is running any more; start one with `npx strix worker`.')
    : undefined;
}

export async function startRemoteAnalysis(
  input: AnalysisInputBytes,
  clientSignal: AbortSignal,
): Promise<StartedAnalysis> {
  if (clientSignal.aborted) throw new QueueLeftError();
  const { analyze } = queues();
  await admit(analyze);
  const data: AnalyzeJobData = {
    resultId: input.resultId,
    image: packBytes(input.image),
    audio: packBytes(input.audio),
    video: packBytes(input.video),
    everything: input.everything,
    find: input.find,
  };
  // No BullMQ retries for failures the worker reports (bad input stays bad); a stalled job is retried once (worker.ts).
  const job = await analyze.add('analyze', data, {
    jobId: input.resultId,
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: 3600 },
  });

  let emit: ((event: AnalyzeEvent) => void) | undefined;
  const early: AnalyzeEvent[] = [];
  let sent = 0;
  let finished = false;
  let rejectAccepted!: (error: unknown) => void;
  let resolveAccepted!: () => void;
  const accepted = new Promise<void>((res, rej) => ((resolveAccepted = res), (rejectAccepted = rej)));
  let settle!: { resolve: (finished: FinishedAnalysis) => void; reject: (error: unknown) => void };
  const result = new Promise<FinishedAnalysis>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => {}); // a client that left never awaits it
  const fail = (failure: Failure) => {
    finished = true;
    rejectAccepted(new WorkerFailure(failure));
    settle.reject(new WorkerFailure(failure));
  };
  const onAbort = () => {
    if (finished) return;
    fail({ kind: 'cancelled', code: 'cancelled', message: 'The client went away.' });
    void cancelJob(job);
  };
  clientSignal.addEventListener('abort', onAbort, { once: true });
  if (clientSignal.aborted) onAbort(); // left while the job was being added

  const handle = (message: StreamMessage, attempts: { n: number }) => {
    if (message.type === 'attempt') {
      attempts.n++;
      if (attempts.n === 1) return;
      if (sent > 0) {
        fail(
          workerLost(
            'The analysis worker stopped mid-analysis; the events already shown cannot be replayed. Analyse it again.',
          ),
        );
        void cancelJob(job);
      }
      early.length = 0; // the dead attempt's events, never shown: the retry sends its own
    } else if (message.type === 'accepted') resolveAccepted();
    else if (message.type === 'event') {
      if (emit) {
        sent++;
        emit(message.event);
      } else early.push(message.event);
    } else if (message.type === 'result') {
      finished = true;
      settle.resolve({
        scene: unpackValue<Scene>(message.scene),
        uploads: message.uploads === undefined ? undefined : unpackValue<ResultFiles>(message.uploads),
      });
    } else fail(message.failure);
  };

  // Reads the job's stream until it ends, on a connection of its own (XREAD BLOCK holds it).
  void (async () => {
    const reader = newRedis();
    const attempts = { n: 0 };
    const orphan: { at?: number } = {};
    let lastId = '0';
    try {
      while (!finished) {
        const batch = await reader.xread('COUNT', 100, 'BLOCK', READ_BLOCK_MS, 'STREAMS', eventsKey(job.id!), lastId);
        const entries = batch?.[0]?.[1] ?? [];
        for (const [id, fields] of entries) {
          lastId = id;
          if (!finished) handle(JSON.parse(fields[1]) as StreamMessage, attempts);
        }
        if (entries.length === 0 && !finished) {
          const failure = await deadEnd(job, orphan);
          // The job may have sent its last messages and finished between the read and the check: give up only
          // if the stream has nothing new either (otherwise the next read takes them).
          const late = failure && (await reader.xread('COUNT', 1, 'STREAMS', eventsKey(job.id!), lastId));
          if (failure && !late) fail(failure);
        }
      }
    } catch (error) {
      console.error(`analysis ${job.id} lost its event stream`, error);
      fail(workerLost('The connection to the work queue failed; analyse it again.'));
    } finally {
      clientSignal.removeEventListener('abort', onAbort);
      reader.disconnect();
      await sharedRedis()
        .del(eventsKey(job.id!))
        .catch(() => {});
    }
  })();

  await accepted;
  return {
    stream(onEvent, signal) {
      signal.addEventListener('abort', onAbort, { once: true });
      sent += early.length;
      early.splice(0).forEach(onEvent);
      emit = onEvent;
      return result;
    },
  };
}
