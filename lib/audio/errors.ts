/**
 * The one error type audio decoding throws for bad input. The route maps it to a 4xx answer with the code,
 * so that a user learns what was wrong with their file instead of seeing a 500.
 */
export type AudioInputErrorCode =
  /** A container or codec Strix does not decode (WebM, MP4/AAC, unknown bytes). */
  | 'unsupported_type'
  /** A recognised container whose contents could not be decoded (garbled or cut short before any audio). */
  | 'corrupt_audio'
  /** Zero bytes, or a valid file that holds no samples. */
  | 'empty_audio';

export class AudioInputError extends Error {
  readonly name = 'AudioInputError';
  constructor(
    readonly code: AudioInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
