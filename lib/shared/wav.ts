/**
 * 16-bit PCM WAV encoding in the browser. Recordings (WebM/Opus from MediaRecorder) and other formats the
 * server cannot decode are decoded by the browser's own AudioContext and re-encoded with this, so the
 * server never needs a WebM demuxer. 16-bit is plenty for analysis and halves the size of float WAV.
 */

/** Mean of the channels (mono keeps the upload small; the server mixes to mono anyway). */
export function mixDown(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const length = Math.min(...channels.map((channel) => channel.length));
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i] / channels.length;
  return mono;
}

/** Interleaves the channels as little-endian 16-bit PCM behind a 44-byte RIFF/WAVE header. */
export function encodeWav16(channels: Float32Array[], sampleRate: number): Uint8Array {
  if (channels.length === 0) throw new RangeError('encodeWav16 needs at least one channel');
  if (!(sampleRate > 0) || !Number.isInteger(sampleRate)) throw new RangeError(`Invalid sample rate ${sampleRate}`);
  const frames = Math.min(...channels.map((channel) => channel.length));
  const blockAlign = channels.length * 2;
  const dataBytes = frames * blockAlign;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const writeAscii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  writeAscii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeAscii(8, 'WAVE');
  writeAscii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      // Clamp, then scale asymmetrically so −1 → −32768 and +1 → 32767 without overflow.
      const x = Math.max(-1, Math.min(1, channel[i] || 0));
      view.setInt16(offset, Math.round(x < 0 ? x * 32768 : x * 32767), true);
      offset += 2;
    }
  }
  return new Uint8Array(buffer);
}
