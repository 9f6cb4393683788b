/**
 * Identifies an audio container from its first bytes ("magic numbers"), never from a file name or a
 * client-supplied MIME type, which are easy to get wrong (browsers label Ogg as video/ogg, recordings as webm).
 */
import { AudioInputError } from './errors';

export type AudioFormat = 'wav' | 'mp3' | 'ogg-vorbis' | 'ogg-opus' | 'ogg-flac' | 'flac';

/** Message for WebM: browsers record WebM/Opus, and decoding it here would need a native demuxer. */
export const WEBM_MESSAGE =
  'WebM audio cannot be decoded on the server. The recorder in the page converts recordings to WAV before ' +
  'upload; to upload a WebM file, convert it to WAV, MP3, OGG or FLAC first.';

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** Size of an ID3v2 tag (header + body + optional footer), or 0 when there is none. */
function id3TagLength(bytes: Uint8Array): number {
  if (bytes.length < 10 || ascii(bytes, 0, 3) !== 'ID3') return 0;
  // Four "syncsafe" bytes: 7 bits each.
  const body = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
  const hasFooter = (bytes[5] & 0x10) !== 0;
  return 10 + body + (hasFooter ? 10 : 0);
}

/**
 * MPEG audio frame sync: 11 set bits, then a version that is not "reserved" (01) and a layer that is not 00.
 * Layer 00 with the sync word is AAC in ADTS framing, which we do not decode.
 */
function isMpegFrameSync(bytes: Uint8Array, at: number): boolean {
  if (at + 1 >= bytes.length) return false;
  const version = (bytes[at + 1] >> 3) & 0b11;
  const layer = (bytes[at + 1] >> 1) & 0b11;
  return bytes[at] === 0xff && (bytes[at + 1] & 0xe0) === 0xe0 && version !== 0b01 && layer !== 0;
}

/** Ogg: the first page carries the codec's identification header right after the 27-byte page header
 *  and its segment table. */
function oggCodec(bytes: Uint8Array): AudioFormat {
  const segments = bytes[26] ?? 0;
  const payload = 27 + segments;
  if (ascii(bytes, payload, 8) === 'OpusHead') return 'ogg-opus';
  if (bytes[payload] === 0x01 && ascii(bytes, payload + 1, 6) === 'vorbis') return 'ogg-vorbis';
  if (bytes[payload] === 0x7f && ascii(bytes, payload + 1, 4) === 'FLAC') return 'ogg-flac';
  throw new AudioInputError(
    'unsupported_type',
    'This Ogg file holds a codec other than Vorbis, Opus or FLAC (or its first page is damaged).',
  );
}

/** Returns the container format, or throws AudioInputError('unsupported_type' | 'empty_audio'). */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat {
  if (bytes.length === 0) throw new AudioInputError('empty_audio', 'The audio file is empty (0 bytes).');
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS') return oggCodec(bytes);
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  const tag = id3TagLength(bytes);
  if (tag > 0) {
    // ID3 tags precede MP3 mostly, but some FLAC encoders write them too.
    if (ascii(bytes, tag, 4) === 'fLaC') return 'flac';
    return 'mp3';
  }
  if (isMpegFrameSync(bytes, 0)) return 'mp3';
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    throw new AudioInputError('unsupported_type', WEBM_MESSAGE);
  }
  if (bytes.length >= 8 && ascii(bytes, 4, 4) === 'ftyp') {
    throw new AudioInputError(
      'unsupported_type',
      'MP4/M4A (AAC) audio is not supported; please use WAV, MP3, OGG (Vorbis or Opus) or FLAC.',
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xf6) === 0xf0) {
    throw new AudioInputError(
      'unsupported_type',
      'Raw AAC (ADTS) audio is not supported; please use WAV, MP3, OGG or FLAC.',
    );
  }
  throw new AudioInputError(
    'unsupported_type',
    'Unrecognised audio format: expected WAV, MP3, OGG (Vorbis or Opus) or FLAC.',
  );
}
