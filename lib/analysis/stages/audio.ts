/**
 * Sound analysis for one upload: decode → 16 kHz mono → silero-vad speech segments + DSP features, and the
 * file's own-rate mono → the AudioSet tagger's named events (sound-events.ts) → an AudioSummary
 * (lib/shared/audio.ts). Errors for bad input are AudioInputError (code unsupported_type, corrupt_audio or
 * empty_audio); a missing VAD model is ModelMissingError from lib/models/manifest, a missing tagger only
 * turns the tagger off (the summary says so). Cost on the 2-core machine: 30–55 ms per second of audio for
 * decode + resample + VAD + YIN, plus the tagger (see bench/run.ts); the 60 s cap bounds it.
 */
import { AudioSummarySchema, type AudioSummary } from '@/lib/shared/audio';
import { decodeAudio, DEFAULT_MAX_SECONDS, type DecodedAudio } from '@/lib/audio/decode';
import { computeFrameFeatures } from '@/lib/audio/frames';
import { pitchTrack } from '@/lib/audio/pitch';
import { detectImpulses } from '@/lib/audio/impulses';
import { classifyFrames } from '@/lib/audio/frame-classes';
import { buildEvents, SOURCES } from '@/lib/audio/events';
import { summariseTonality } from '@/lib/audio/tonality';
import { describeSound, soundKeywords } from '@/lib/audio/describe';
import { loudnessLabel, rmsAmplitude, toDb, waveformPeaks } from '@/lib/audio/levels';
import { detectSpeech } from '@/lib/models/silero-vad';
import { plainSummary } from '@/lib/shared/sound-summary';
import { hearSounds } from '../sound-events';
import { AudioInputError } from '@/lib/audio/errors';
import type { PipelineStage } from './types';

/** Points in the summary's waveform: one per pixel of a typical panel width. */
const WAVEFORM_POINTS = 1000;

/** The summary plus the analysed clip (16 kHz mono), kept so a model that takes audio can hear it too. */
export interface AnalysedAudio {
  summary: AudioSummary;
  samples: Float32Array;
}

export async function analyseAudio(bytes: Uint8Array, maxSeconds = DEFAULT_MAX_SECONDS): Promise<AudioSummary> {
  return (await analyseAudioClip(bytes, maxSeconds)).summary;
}

/** `input` is the file, or the file already decoded (with `maxSeconds` then applied by whoever decoded it). */
export async function analyseAudioClip(
  input: Uint8Array | DecodedAudio,
  maxSeconds = DEFAULT_MAX_SECONDS,
): Promise<AnalysedAudio> {
  const started = performance.now();
  const audio = input instanceof Uint8Array ? await decodeAudio(input, maxSeconds) : input;
  const { samples, sampleRate } = audio;
  const analysedSeconds = samples.length / sampleRate;

  const speech = await detectSpeech(samples);
  const features = computeFrameFeatures(samples, sampleRate);
  const classes = classifyFrames(features, pitchTrack(samples, sampleRate));
  const impulses = detectImpulses(samples, sampleRate);
  const events = buildEvents({
    features,
    classes,
    impulses,
    speech: speech.segments,
    durationSeconds: analysedSeconds,
  });
  const heard = await hearSounds(audio.original.samples, audio.original.sampleRate, speech, classes.allSilent);

  // Active level: RMS over the non-silent 10 ms frames, so pauses do not drag a loud talker down to "quiet".
  let energy = 0;
  let activeFrames = 0;
  for (let f = 0; f < features.count; f++) {
    if (classes.silent[f]) continue;
    energy += 10 ** (features.rmsDb[f] / 10);
    activeFrames++;
  }
  const activeRmsDb = activeFrames > 0 ? toDb(Math.sqrt(energy / activeFrames)) : toDb(rmsAmplitude(samples));
  const round1 = (value: number) => Math.round(value * 10) / 10;

  const partial = {
    format: audio.format,
    durationSeconds: round1000(audio.durationSeconds),
    durationEstimated: audio.durationEstimated,
    analysedSeconds: round1000(analysedSeconds),
    truncated: audio.truncated,
    originalSampleRate: audio.originalSampleRate,
    channels: audio.channels,
    loudness: {
      peakDbfs: round1(toDb(audio.peak)),
      rmsDbfs: round1(activeRmsDb),
      label: loudnessLabel(activeRmsDb),
      source: 'DSP: RMS level',
    },
    silent: classes.allSilent,
    clipped: audio.clippedFraction > 0,
    clippedFraction: audio.clippedFraction,
    speech: {
      segments: speech.segments,
      totalSeconds: round1000(speech.segments.reduce((sum, s) => sum + (s.end - s.start), 0)),
      probabilities: speech.probabilities,
      secondsPerProbability: speech.secondsPerProbability,
      source: SOURCES.speech,
    },
    events,
    tonality: summariseTonality(features, classes),
    soundEvents: heard.soundEvents,
    clipTags: heard.clipTags,
  };
  const summary: AudioSummary = {
    ...partial,
    description: describeSound(partial),
    plainSummary: plainSummary({ ...partial, bestGuesses: heard.bestGuesses, taggerOff: heard.taggerOff }),
    keywords: [...new Set([...soundKeywords(partial), ...heard.sourceWords])],
    waveform: waveformPeaks(samples, sampleRate, WAVEFORM_POINTS),
    ms: Math.round(performance.now() - started),
  };
  // Validate here so a schema drift fails loudly on the server, not as a silently dropped client event.
  return { summary: AudioSummarySchema.parse(summary), samples };
}

function round1000(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export const audioStage: PipelineStage = {
  name: 'audio',
  needs: 'audio',
  detail: 'efficientat-mn04-as sound events + silero-vad speech + DSP features',
  reads: ['audio upload'],
  writes: ['audio', 'audioSamples'],
  async run(ctx) {
    try {
      const analysed = await analyseAudioClip(ctx.input.audio!);
      ctx.scene.audio = analysed.summary;
      ctx.scene.audioSamples = analysed.samples;
      ctx.emit({ type: 'audio', audio: analysed.summary });
    } catch (error) {
      // A bad sound must not cost the user the image's analysis: it becomes an error event and the rest stands.
      if (!(error instanceof AudioInputError)) throw error;
      ctx.emit({ type: 'error', code: error.code, message: `Sound not analysed: ${error.message}` });
    }
  },
};
