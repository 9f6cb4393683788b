/**
 * V8 heap settings for the inference workers' isolates. An analysis allocates ~100 MB of short-lived typed
 * arrays (model inputs and outputs, masks, crops); with V8's defaults (16 MB semi-spaces, a small old-space
 * start) that meant ~5 collections per analysis, including mark-compacts whose concurrent marking threads took
 * CPU from the ONNX Runtime threads on a 2-core machine. Measured with a worker running 36 cached analyses of the
 * 12 samples (scripts in the README's speed section; 2-core AMD EPYC, AVX-512 VNNI, alternating, two rounds):
 * process CPU per analysis 1047 / 1144 ms with the defaults, 813 / 854 ms with these (940 with the semi-space
 * alone, 876 / 904 with a 512 MB old-space start); collections per analysis 5.4 → 2.1; resident memory +70 MB.
 */
import v8 from 'node:v8';

export const INFERENCE_HEAP_FLAGS = ['--max-semi-space-size=32', '--initial-old-space-size=256'] as const;

/**
 * Sets the flags process-wide; only isolates created afterwards (the inference workers) are sized by them, so
 * call it before the pool starts its workers. Node's Worker `execArgv` does not take V8 flags.
 */
export function applyInferenceHeapFlags(): void {
  for (const flag of INFERENCE_HEAP_FLAGS) v8.setFlagsFromString(flag);
}
