// bench/overlap.ts's second thread: runs the SAM encoder on the images it is sent, uncached, and says when done.
// Plain JavaScript registering tsx, like lib/server/inference/dev-worker.mjs, so it can import the TypeScript models.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

const tsconfig = path.join(process.cwd(), 'tsconfig.json');
registerCjs({ tsconfig });
registerEsm({ tsconfig });
const sam = await import('../lib/models/sam/index.ts');
const { clearEmbeddingCache, encodeImage } = sam.default?.default ?? sam.default ?? sam;

parentPort.on('message', async (image) => {
  clearEmbeddingCache();
  await encodeImage(image);
  parentPort.postMessage('done');
});
