/**
 * Hears what makes the sound: the AudioSet tagger (efficientat-mn04-as) on overlapping windows and once on the
 * whole clip, turned into named events (lib/analysis/sound-event-windows.ts), with speech from silero-vad on the same
 * timeline. Windows: WINDOW_SECONDS long every HOP_SECONDS, so an event's edges are known to about half a
 * second; 1 s is about the shortest clip AudioSet taggers are reliable on (a single bark or meow fits).
 * A missing tagger model is not an error: the summary says the tagger is off and how to turn it on.
 */
import type { SoundEvent } from '@/lib/shared/audio';
import { loadOntology, type Ontology } from '@/lib/models/efficientat/ontology';
import { sourceLabels } from '@/lib/lexicon/sound-source-table';
import {
  bestGuesses,
  buildSoundEvents,
  clipTagsFrom,
  SPEECH_MID,
  type ScoredWindow,
} from '@/lib/analysis/sound-event-windows';
import { EFFICIENTAT_ID, tagSpans, TAGGER_SAMPLE_RATE, toTaggerRate, windowSpans } from '@/lib/models/efficientat';
import { ModelMissingError } from '@/lib/models/manifest';

export const WINDOW_SECONDS = 1;
export const HOP_SECONDS = 0.5;

export interface TaggedClip {
  windows: ScoredWindow[];
  /** One pass over the whole clip. */
  clip: Float32Array;
  ms: number;
}

export interface HeardSounds {
  soundEvents: SoundEvent[];
  clipTags: { label: string; mid: string; score: number }[];
  /** The model's best class however unsure, for a clip where nothing passes the threshold (noise). */
  /** The model's best guesses when no event is sure (see bestGuesses). */
  bestGuesses: { label: string; mid: string; score: number }[];
  /** Why the tagger did not run (its model is missing), in words that name the fix. */
  taggerOff?: string;
  /** Entity labels the heard classes point to through the source table ("dog" for a bark), for answers. */
  sourceWords: string[];
}

export interface SpeechInput {
  segments: { start: number; end: number }[];
  probabilities: number[];
  secondsPerProbability: number;
}

/** Tagger scores for the windows and the whole clip (any-rate mono in; resampled to 32 kHz here). */
export async function tagClip(samples: Float32Array, sampleRate: number): Promise<TaggedClip> {
  const started = performance.now();
  const clip32k = toTaggerRate(samples, sampleRate);
  const seconds = clip32k.length / TAGGER_SAMPLE_RATE;
  const spans = windowSpans(seconds, WINDOW_SECONDS, HOP_SECONDS);
  const probs = await tagSpans(clip32k, spans);
  const [clip] = spans.length === 1 ? probs : await tagSpans(clip32k, [{ start: 0, end: seconds }]);
  return { windows: spans.map((span, i) => ({ ...span, probs: probs[i] })), clip, ms: performance.now() - started };
}

/** silero-vad's segments as timeline events; the score is the highest speech probability inside each. */
export function speechEvents(speech: SpeechInput, ontology: Ontology | null): SoundEvent[] {
  const name = ontology?.nameOf(SPEECH_MID) ?? 'Speech';
  return speech.segments.map((segment) => {
    const first = Math.floor(segment.start / speech.secondsPerProbability);
    const last = Math.max(first + 1, Math.ceil(segment.end / speech.secondsPerProbability));
    const score = Math.max(0, ...speech.probabilities.slice(first, last));
    return {
      label: name,
      mid: SPEECH_MID,
      group: name,
      ...segment,
      score: Math.round(score * 100) / 100,
      source: 'silero-vad',
    };
  });
}

export async function hearSounds(
  samples: Float32Array,
  sampleRate: number,
  speech: SpeechInput,
  silent: boolean,
): Promise<HeardSounds> {
  let ontology: Ontology;
  let tagged: TaggedClip | null = null;
  try {
    ontology = loadOntology();
    if (!silent) tagged = await tagClip(samples, sampleRate);
  } catch (error) {
    if (!(error instanceof ModelMissingError)) throw error;
    const taggerOff = `The sound tagger is off: ${error.message}`;
    return { soundEvents: speechEvents(speech, null), clipTags: [], bestGuesses: [], taggerOff, sourceWords: [] };
  }
  const named = tagged ? buildSoundEvents(tagged.windows, ontology, EFFICIENTAT_ID) : [];
  const soundEvents = [...named, ...speechEvents(speech, ontology)].sort(
    (a, b) => a.start - b.start || b.score - a.score,
  );
  return {
    soundEvents,
    clipTags: tagged ? clipTagsFrom(tagged.clip, ontology) : [],
    bestGuesses: tagged ? bestGuesses(tagged.clip, tagged.windows, ontology) : [],
    // Speech's "person" stays with describe.ts's minimum-duration rule; here only the tagger's classes.
    sourceWords: [...new Set(named.flatMap((event) => sourceLabels(ontology, event.mid)?.labels ?? []))],
  };
}
