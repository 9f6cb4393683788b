import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { applyInferenceHeapFlags } from './heap';

/** The heap size limit of a fresh worker isolate: it grows with the semi-space the flags set. */
function workerHeapLimit(): Promise<number> {
  const worker = new Worker(
    "require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)",
    { eval: true },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (limit: number) => {
      void worker.terminate();
      resolve(limit);
    });
    worker.once('error', reject);
  });
}

describe('inference worker heap', () => {
  it('sizes the isolates of workers started after the flags are applied', async () => {
    const before = await workerHeapLimit();
    applyInferenceHeapFlags();
    const after = await workerHeapLimit();
    // Larger semi-spaces raise the limit (by 48 MB on a 64-bit Node 20: three spaces of 32 MB instead of 16).
    expect(after).toBeGreaterThan(before);
  });
});
