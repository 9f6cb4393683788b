/**
 * Where session loads are announced, so the main thread's /api/health can say which models are loaded
 * although the sessions live in worker threads (a BroadcastChannel reaches every thread of the process).
 * Kept apart from session.ts so the main thread can listen without loading onnxruntime-node.
 */
export const MODEL_STATUS_CHANNEL = 'strix-model-status';
export type ModelStatusMessage = { modelId: string; status: 'loaded' | 'corrupt' };

export function announceModelStatus(message: ModelStatusMessage): void {
  const channel = new BroadcastChannel(MODEL_STATUS_CHANNEL);
  channel.postMessage(message);
  channel.close();
}
