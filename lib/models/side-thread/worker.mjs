/**
 * The side thread's body (side-thread/index.ts): one ONNX Runtime session, runs on request. Plain JavaScript so
 * that the built server, the CLI, tests and `next dev` all start it as it is, without compiling anything.
 * workerData: { source: the model's path or bytes (a graph cut to the outputs read), options }.
 * Messages in: { id, feeds: { name: { type, data, dims } }, outputs: [name] }; out: { id, outputs } or { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

let session;
try {
  session = await ort.InferenceSession.create(workerData.source, workerData.options);
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', run);
} catch (error) {
  // Nothing to listen for: the thread ends once this message is out.
  parentPort.postMessage({ type: 'failed', error: String(error?.message ?? error) });
}

async function run({ id, feeds, outputs }) {
  try {
    const tensors = Object.fromEntries(
      Object.entries(feeds).map(([name, { type, data, dims }]) => [name, new ort.Tensor(type, data, dims)]),
    );
    const results = await session.run(tensors, outputs);
    const plain = {};
    const transfer = [];
    for (const [name, tensor] of Object.entries(results)) {
      // A copy: ORT's output may sit in memory this thread cannot hand over.
      const data = tensor.data.slice();
      plain[name] = { type: tensor.type, data, dims: tensor.dims };
      transfer.push(data.buffer);
    }
    parentPort.postMessage({ id, outputs: plain }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
}
