import { describe, expect, it } from 'vitest';
import { chooseSamVariant, cpuHasVnni } from './variants';

const yes = () => true;
const no = () => false;
const choose = (setting: string, vnni: () => boolean, int8: () => boolean) =>
  chooseSamVariant('STRIX_SAM_DECODER', setting, vnni, int8);

describe('chooseSamVariant', () => {
  it('auto takes int8 only on a VNNI CPU with the int8 file present', () => {
    expect(choose('auto', yes, yes)).toBe('int8');
    expect(choose('', yes, yes)).toBe('int8');
    expect(choose('auto', no, yes)).toBe('fp32');
    expect(choose('auto', yes, no)).toBe('fp32');
  });

  it('an explicit choice wins, and a wrong value is an error naming the setting', () => {
    expect(choose('fp32', yes, yes)).toBe('fp32');
    expect(choose('INT8', no, no)).toBe('int8');
    expect(() => choose('fast', yes, yes)).toThrow(/STRIX_SAM_DECODER/);
  });
});

describe('cpuHasVnni', () => {
  it('reads the VNNI flags from /proc/cpuinfo text', () => {
    expect(cpuHasVnni('flags\t: fpu sse2 avx2 avx512f avx512_vnni avx512_bf16')).toBe(true);
    expect(cpuHasVnni('flags\t: fpu sse2 avx2 avx_vnni')).toBe(true);
    expect(cpuHasVnni('flags\t: fpu sse2 avx2 avx512f')).toBe(false);
    expect(cpuHasVnni('')).toBe(false);
  });
});
