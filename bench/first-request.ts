/**
 * The first analysis a fresh server answers: `npx tsx bench/first-request.ts [--warm]`, each in a new process.
 * With --warm the start-up warm-up (lib/server/inference/pool.ts, run by instrumentation.ts) runs and is
 * waited for first, as when the first user arrives after /api/health stopped saying "warming"; without it the
 * request pays for the worker, the model loads and their first runs. Prints the time from the request to its
 * last streamed event (the route handler called directly, as tests/integration/api.test.ts does), and the
 * same for a second photo right after: what the first costs beyond any other request, on a loaded machine too.
 */
import { POST as analyze } from '../app/api/analyze/route';
import { closeInferencePool, warmUpInferencePool } from '../lib/server/inference/pool';
import { samplePhotos } from './util';

async function main(): Promise<void> {
  const warm = process.argv.includes('--warm');
  if (warm) {
    const started = performance.now();
    await warmUpInferencePool();
    console.log(`warm-up ${Math.round(performance.now() - started)} ms`);
  }
  for (const [index, { file, bytes }] of samplePhotos(['08_street', '02_dog']).entries()) {
    const form = new FormData();
    form.append('image', new File([Buffer.from(bytes)], file, { type: 'image/jpeg' }));
    const started = performance.now();
    const response = await analyze(new Request('http://localhost/api/analyze', { method: 'POST', body: form }));
    const lines = (await response.text()).trim().split('\n');
    const ms = Math.round(performance.now() - started);
    const which = index === 0 ? `first request ${warm ? 'after warm-up' : 'cold'}` : 'then another photo';
    console.log(`${which} (${file}): HTTP ${response.status}, ${lines.length} events, ${ms} ms`);
  }
  await closeInferencePool();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
