import { describe, expect, it } from 'vitest';
import { chooseSamEncoder, cpuHasVnni } from './encoder-variant';

const yes = () => true;
const no = () => false;

describe('chooseSamEncoder', () => {
  it('auto takes int8 only on a VNNI CPU with the int8 file present', () => {
    expect(chooseSamEncoder('auto', yes, yes)).toBe('int8');
    expect(chooseSamEncoder('', yes, yes)).toBe('int8');
    expect(chooseSamEncoder('auto', no, yes)).toBe('fp32');
    expect(chooseSamEncoder('auto', yes, no)).toBe('fp32');
  });

  it('an explicit choice wins, and a wrong value is an error naming the setting', () => {
    expect(chooseSamEncoder('fp32', yes, yes)).toBe('fp32');
    expect(chooseSamEncoder('INT8', no, no)).toBe('int8');
    expect(() => chooseSamEncoder('fast', yes, yes)).toThrow(/STRIX_SAM_ENCODER/);
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
