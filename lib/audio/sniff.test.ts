import { describe, expect, it } from 'vitest';
import { sniffAudioFormat } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part)),
  );
/** An Ogg first page header (27 bytes) with one segment, followed by the codec header. */
const oggPage = (codecHeader: (string | number[])[]) => bytes('OggS', new Array(22).fill(0), [1], [19], ...codecHeader);

describe('sniffAudioFormat', () => {
  it('recognises each container by its magic bytes', () => {
    expect(sniffAudioFormat(bytes('RIFF', [0, 0, 0, 0], 'WAVE', 'fmt '))).toBe('wav');
    expect(sniffAudioFormat(bytes('fLaC', [0, 0, 0, 34]))).toBe('flac');
    expect(sniffAudioFormat(bytes('ID3', [4, 0, 0, 0, 0, 0, 0], [0xff, 0xfb]))).toBe('mp3');
    expect(sniffAudioFormat(bytes('ID3', [4, 0, 0, 0, 0, 0, 0], 'fLaC'))).toBe('flac');
    expect(sniffAudioFormat(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffAudioFormat(oggPage(['OpusHead']))).toBe('ogg-opus');
    expect(sniffAudioFormat(oggPage([[1], 'vorbis']))).toBe('ogg-vorbis');
    expect(sniffAudioFormat(oggPage([[0x7f], 'FLAC']))).toBe('ogg-flac');
  });

  it('names the formats it rejects', () => {
    expect(() => sniffAudioFormat(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toThrow(/WebM/);
    expect(() => sniffAudioFormat(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toThrow(/MP4/);
    expect(() => sniffAudioFormat(bytes([0xff, 0xf1, 0x50, 0x80]))).toThrow(/AAC/);
    expect(() => sniffAudioFormat(oggPage(['Speex   ']))).toThrow(/Ogg/);
    expect(() => sniffAudioFormat(new Uint8Array(0))).toThrow(/empty/);
  });
});
