/**
 * `strix worker`: joins the analysis fleet named by REDIS_URL and takes jobs until stopped (SIGINT / SIGTERM
 * let running jobs finish first). Start as many as the machines allow; each loads the models once.
 */
import { startWorker } from '@/lib/server/cluster/worker';
import { settingProblems } from '@/lib/server/settings';

export const WORKER_USAGE = `Usage: REDIS_URL=redis://host:6379 strix worker

Takes analyses, question-time work (text reading, masks, point mode) and export PNGs from the web servers
sharing REDIS_URL.
ORT_THREADS and STRIX_WORKERS size it as they size the web server's own inference threads.`;

export async function runWorkerCommand(): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!process.env.REDIS_URL) {
    log(
      `strix worker: set REDIS_URL to the Redis the web servers use (e.g. redis://127.0.0.1:6379).\n\n${WORKER_USAGE}`,
    );
    return 2;
  }
  // The same settings the web server checks at start (ORT_THREADS, STRIX_WORKERS, REDIS_URL…), refused by name.
  const problems = settingProblems();
  if (problems.length) {
    log(`strix worker will not start with these settings:\n- ${problems.join('\n- ')}`);
    return 2;
  }
  const worker = await startWorker(log);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log(`worker ${worker.id}: stopping after its running jobs`);
  await worker.close();
  return 0;
}
