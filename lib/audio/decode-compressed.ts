/**
 * MP3, Ogg (Vorbis, Opus, FLAC) and FLAC through the WebAssembly decoders from the wasm-audio-decoders
 * family: pure WASM, no native build, same code in Node and the browser.
 *
 * The bytes are fed in chunks and decoding stops once `maxFrames` frames are out, so a long upload costs
 * neither the time nor the memory of decoding all of it. The price: the original duration of a cut-short
 * file is estimated from the share of bytes consumed (exact for constant bit rate, close for VBR).
 */
import type { AudioFormat } from './sniff';
import { AudioInputError } from './errors';

export interface RawAudio {
  /** One array per channel at the native rate. */
  channels: Float32Array[];
  sampleRate: number;
  /** Duration of the whole file in seconds (see `durationEstimated`). */
  durationSeconds: number;
  durationEstimated: boolean;
}

interface ChunkResult {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors?: unknown[];
}

/** The subset of the decoders' APIs used here; every package in the family has this shape. */
interface StreamingDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): ChunkResult | Promise<ChunkResult>;
  flush?: () => Promise<ChunkResult>;
  free(): void;
}

/**
 * The decoders skip what they cannot parse and resynchronise, so garbage can yield a frame or two of noise
 * plus errors. With errors and less than this much audio, the file is treated as corrupt, not as a blip.
 */
const MIN_SECONDS_WITH_ERRORS = 0.1;

/** 64 KiB ≈ 4 s of 128 kb/s MP3: small enough to stop close to the cap, big enough to keep calls few. */
const CHUNK_BYTES = 64 * 1024;

async function createDecoder(format: Exclude<AudioFormat, 'wav'>): Promise<StreamingDecoder> {
  // Imported lazily: each package carries its WASM inline and only one is needed per request.
  switch (format) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      return new MPEGDecoder();
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      return new OggVorbisDecoder();
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      return new OggOpusDecoder();
    }
    case 'flac':
    case 'ogg-flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      return new FLACDecoder();
    }
  }
}

function concat(parts: Float32Array[], total: number): Float32Array {
  const out = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part.subarray(0, Math.min(part.length, total - offset)), offset);
    offset += part.length;
    if (offset >= total) break;
  }
  return out;
}

export async function decodeCompressed(
  bytes: Uint8Array,
  format: Exclude<AudioFormat, 'wav'>,
  maxSeconds: number,
): Promise<RawAudio> {
  const decoder = await createDecoder(format);
  try {
    await decoder.ready;
    const perChannel: Float32Array[][] = [];
    let frames = 0;
    let sampleRate = 0;
    let consumed = 0;
    let errors = 0;
    const collect = (result: ChunkResult) => {
      errors += result.errors?.length ?? 0;
      if (result.samplesDecoded === 0) return;
      sampleRate ||= result.sampleRate;
      result.channelData.forEach((data, c) => (perChannel[c] ??= []).push(data.subarray(0, result.samplesDecoded)));
      frames += result.samplesDecoded;
    };
    const reachedCap = () => sampleRate > 0 && frames >= maxSeconds * sampleRate;

    while (consumed < bytes.length && !reachedCap()) {
      const chunk = bytes.subarray(consumed, consumed + CHUNK_BYTES);
      consumed += chunk.length;
      collect(await decoder.decode(chunk));
    }
    const readAll = consumed >= bytes.length;
    if (readAll && decoder.flush && !reachedCap()) collect(await decoder.flush());

    const tooLittle = errors > 0 && frames < MIN_SECONDS_WITH_ERRORS * sampleRate;
    if (frames === 0 || perChannel.length === 0 || tooLittle) {
      throw new AudioInputError(
        'corrupt_audio',
        `The ${format.toUpperCase()} data could not be decoded: ${
          frames === 0 ? 'no audio frames were found' : `${errors} decoding errors and almost no audio`
        } (damaged or not really ${format}).`,
      );
    }
    const decodedSeconds = frames / sampleRate;
    const keptFrames = Math.min(frames, Math.floor(maxSeconds * sampleRate));
    return {
      channels: perChannel.map((parts) => concat(parts, keptFrames)),
      sampleRate,
      durationSeconds: readAll ? decodedSeconds : (decodedSeconds * bytes.length) / consumed,
      durationEstimated: !readAll,
    };
  } catch (error) {
    if (error instanceof AudioInputError) throw error;
    throw new AudioInputError('corrupt_audio', `The ${format} data could not be decoded: ${(error as Error).message}`);
  } finally {
    decoder.free();
  }
}
