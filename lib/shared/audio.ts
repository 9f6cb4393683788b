/**
 * Wire schema of the sound analysis (server → client, and stored with a result). Named sounds come from the
 * AudioSet tagger (efficientat-mn04-as: soundEvents, clipTags), speech from silero-vad, and the technical
 * measures from signal processing (levels, onsets, YIN pitch, spectral shape). `keywords` only holds sources
 * the evidence supports (speech → person, a bark → dog; see lib/lexicon/sound-source-table.ts).
 */
import { z } from 'zod';

export const AudioFormatSchema = z.enum(['wav', 'mp3', 'ogg-vorbis', 'ogg-opus', 'ogg-flac', 'flac']);

export const AudioEventKindSchema = z.enum(['speech', 'impulsive', 'loud', 'silence', 'tonal', 'noisy']);
export type AudioEventKind = z.infer<typeof AudioEventKindSchema>;

/** A stretch of the clip, in seconds from its start. */
export const TimeSpanSchema = z.object({ start: z.number().nonnegative(), end: z.number().nonnegative() });

export const AudioEventSchema = TimeSpanSchema.extend({
  kind: AudioEventKindSchema,
  /** One short human sentence, e.g. "Tonal sound around 440 Hz". */
  description: z.string(),
  /** What produced it: 'silero-vad', 'DSP: energy onsets', 'DSP: YIN pitch', … */
  source: z.string(),
});
export type AudioEvent = z.infer<typeof AudioEventSchema>;

/**
 * A named sound over a stretch of time, from the AudioSet tagger (efficientat-mn04-as) scored on overlapping
 * windows; adjacent windows of one class are merged.
 */
export const SoundEventSchema = TimeSpanSchema.extend({
  /** AudioSet display name of the class, e.g. "Bark". */
  label: z.string(),
  /** AudioSet machine id, e.g. "/m/05tny_". */
  mid: z.string(),
  /** The ontology ancestor the event is listed under, e.g. "Dog" for Bark and Howl. */
  group: z.string(),
  /** Highest window probability inside the span (sigmoid, multi-label). */
  score: z.number().min(0).max(1),
  source: z.string(),
});
export type SoundEvent = z.infer<typeof SoundEventSchema>;

export const AudioSummarySchema = z.object({
  format: AudioFormatSchema,
  /** Whole upload, seconds (estimated from bytes when a compressed file was cut; see durationEstimated). */
  durationSeconds: z.number().nonnegative(),
  durationEstimated: z.boolean(),
  /** Seconds actually analysed (≤ 60). */
  analysedSeconds: z.number().nonnegative(),
  truncated: z.boolean(),
  originalSampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  loudness: z.object({
    /** Highest sample, dBFS (−120 for digital silence). */
    peakDbfs: z.number(),
    /** RMS of the non-silent frames (the "active" level), dBFS. */
    rmsDbfs: z.number(),
    label: z.enum(['quiet', 'moderate', 'loud']),
    source: z.string(),
  }),
  /** No frame rises above −50 dBFS. */
  silent: z.boolean(),
  /** Runs of ≥ 3 full-scale samples were found; `clippedFraction` is their share of all samples. */
  clipped: z.boolean(),
  clippedFraction: z.number().min(0).max(1),
  speech: z.object({
    segments: z.array(TimeSpanSchema),
    totalSeconds: z.number().nonnegative(),
    /** Speech probability over time (max-pooled), for a curve under the waveform. */
    probabilities: z.array(z.number().min(0).max(1)),
    secondsPerProbability: z.number().positive(),
    source: z.string(),
  }),
  events: z.array(AudioEventSchema),
  tonality: z.object({
    label: z.enum(['tonal', 'noisy', 'mixed']),
    /** Median pitch of the pitched frames, when at least a tenth of the sound is pitched. */
    meanPitchHz: z.number().positive().optional(),
    /** Share of the non-silent frames with a clear pitch (YIN confidence ≥ 0.8). */
    pitchedFraction: z.number().min(0).max(1),
    /** Median spectral centroid of the non-silent frames. */
    centroidHz: z.number().nonnegative(),
    /** Median spectral flatness of the non-silent frames (0 = pure tone, ≈ 0.55 = white noise). */
    flatness: z.number().min(0).max(1),
    source: z.string(),
  }),
  /** Named sound events over time (empty when the tagger is unavailable or hears nothing confident). */
  soundEvents: z.array(SoundEventSchema),
  /** Whole-clip classes from one pass over the clip, best first (confident ones only). */
  clipTags: z.array(z.object({ label: z.string(), mid: z.string(), score: z.number().min(0).max(1) })),
  /** One or two plain-language sentences first shown to people ("A dog barks twice; no speech."). */
  plainSummary: z.string(),
  /** A few sentences with times and technical measures, behind a "details" toggle and in the model prompt. */
  description: z.string(),
  /** Words that can link the sound to visible entities ("person" when there is speech); often empty. */
  keywords: z.array(z.string()),
  /** Compact waveform for drawing without the original file: max |sample| per bucket, in [0, 1]. */
  waveform: z.object({ peaks: z.array(z.number().min(0).max(1)), secondsPerPeak: z.number().positive() }),
  /** Wall-clock time of the analysis on the server. */
  ms: z.number().nonnegative(),
});
export type AudioSummary = z.infer<typeof AudioSummarySchema>;

/** The NDJSON event the analyse route emits; add it to AnalyzeEventSchema's union. */
export const AudioAnalyzeEventSchema = z.object({ type: z.literal('audio'), audio: AudioSummarySchema });
export type AudioAnalyzeEvent = z.infer<typeof AudioAnalyzeEventSchema>;
