/**
 * WAV (RIFF/RIFX) through `wavefile`: integer PCM of 8 (unsigned), 16, 24 and 32 bits, 32/64-bit float, and the
 * compressed WAV codecs wavefile can expand (A-law, µ-law, IMA ADPCM), which it turns into 16-bit PCM first.
 */
import { WaveFile } from 'wavefile';
import { AudioInputError } from './errors';
import type { RawAudio } from './decode-compressed';

/** Scale that maps a wavefile sample value of the given bit-depth code to [-1, 1), and its offset. */
function normalisation(bitDepth: string): { scale: number; offset: number } | null {
  switch (bitDepth) {
    case '8':
      return { scale: 1 / 128, offset: -128 }; // 8-bit WAV is unsigned, centred on 128
    case '16':
      return { scale: 1 / 32768, offset: 0 };
    case '24':
      return { scale: 1 / 8388608, offset: 0 };
    case '32':
      return { scale: 1 / 2147483648, offset: 0 };
    case '32f':
    case '64':
      return { scale: 1, offset: 0 };
    default:
      return null;
  }
}

export function decodeWav(bytes: Uint8Array, maxSeconds: number): RawAudio {
  let wav: WaveFile;
  try {
    wav = new WaveFile(bytes);
  } catch (error) {
    throw new AudioInputError('corrupt_audio', `The WAV file could not be read: ${(error as Error).message}`);
  }
  const fmt = wav.fmt as { numChannels: number; sampleRate: number };
  try {
    // Expand the compressed WAV codecs to 16-bit PCM.
    if (wav.bitDepth === '8a') wav.fromALaw();
    else if (wav.bitDepth === '8m') wav.fromMuLaw();
    else if (wav.bitDepth === '4') wav.fromIMAADPCM();
  } catch (error) {
    throw new AudioInputError(
      'corrupt_audio',
      `The WAV file's compressed data is damaged: ${(error as Error).message}`,
    );
  }
  const norm = normalisation(wav.bitDepth);
  if (!norm) {
    throw new AudioInputError('unsupported_type', `WAV with sample format "${wav.bitDepth}" is not supported.`);
  }
  if (!(fmt.sampleRate > 0) || !(fmt.numChannels > 0)) {
    throw new AudioInputError('corrupt_audio', 'The WAV header has no valid sample rate or channel count.');
  }
  // Interleaved raw values (integers for PCM), read once; de-interleaving ourselves avoids a second copy.
  let interleaved: Float64Array;
  try {
    interleaved = wav.getSamples(true);
  } catch (error) {
    throw new AudioInputError('corrupt_audio', `The WAV sample data could not be read: ${(error as Error).message}`);
  }
  const channelCount = fmt.numChannels;
  const totalFrames = Math.floor(interleaved.length / channelCount);
  if (totalFrames === 0) throw new AudioInputError('empty_audio', 'The WAV file contains no samples.');
  const keptFrames = Math.min(totalFrames, Math.floor(maxSeconds * fmt.sampleRate));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(keptFrames));
  for (let i = 0; i < keptFrames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c][i] = (interleaved[i * channelCount + c] + norm.offset) * norm.scale;
    }
  }
  return {
    channels,
    sampleRate: fmt.sampleRate,
    durationSeconds: totalFrames / fmt.sampleRate,
    durationEstimated: false,
  };
}
