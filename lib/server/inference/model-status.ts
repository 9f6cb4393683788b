/**
 * Which models the inference workers have loaded (or failed to load), heard on the BroadcastChannel that
 * lib/models/session.ts announces on, so /api/health can report it from the main thread.
 */
import { MODEL_STATUS_CHANNEL, type ModelStatusMessage } from '../../models/session-status';

type StatusStore = { __strixModelStatus?: Map<string, ModelStatusMessage['status']> };

function statuses(): Map<string, ModelStatusMessage['status']> {
  const store = globalThis as typeof globalThis & StatusStore;
  return (store.__strixModelStatus ??= new Map());
}

let channel: BroadcastChannel | undefined;

export function watchModelStatus(): void {
  if (channel) return;
  channel = new BroadcastChannel(MODEL_STATUS_CHANNEL);
  channel.onmessage = (event) => {
    const { modelId, status } = (event as MessageEvent<ModelStatusMessage>).data;
    statuses().set(modelId, status);
  };
  // Listening must not keep a script or test process alive.
  (channel as unknown as { unref(): void }).unref();
}

export function reportedModelStatus(modelId: string): ModelStatusMessage['status'] | undefined {
  return statuses().get(modelId);
}
