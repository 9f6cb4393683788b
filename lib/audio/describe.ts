/**
 * The technical description (behind "details") and the speech keyword. Sentences only state what the
 * measurements support; analogies ("like a note, a horn or a bell") are hedged and never become keywords.
 * The one link DSP + VAD can justify is speech → "person": silero-vad is trained to fire on human speech, so
 * a talking person is the plausible source. Named sounds and their sources come from the tagger
 * (plain-summary.ts, source-table.ts).
 */
import type { AudioEvent, AudioSummary } from '@/lib/shared/audio';
import { formatHz } from './events';
import { NOISY_FRACTION } from './tonality';

/** Speech must add up to this much before "person" becomes a keyword (a 250 ms blip could be a bark). */
export const MIN_SPEECH_FOR_PERSON_SECONDS = 0.5;
/** At most this many times are listed in one sentence. */
const MAX_LISTED = 5;

const seconds = (value: number) => `${value.toFixed(1)} s`;

function listTimes(events: AudioEvent[]): string {
  const times = events.slice(0, MAX_LISTED).map((event) => seconds(event.start));
  if (events.length > MAX_LISTED) return `${times.join(', ')} and ${events.length - MAX_LISTED} more`;
  if (times.length === 1) return times[0];
  return `${times.slice(0, -1).join(', ')} and ${times[times.length - 1]}`;
}

type DescribeInput = Omit<AudioSummary, 'description' | 'plainSummary' | 'keywords' | 'waveform' | 'ms'>;

export function describeSound(summary: DescribeInput): string {
  const sentences: string[] = [];
  const { speech, events, tonality, loudness } = summary;
  if (summary.silent) {
    sentences.push(`Silence: nothing above −50 dBFS in the ${seconds(summary.analysedSeconds)} analysed.`);
  } else {
    if (speech.segments.length > 0) {
      const first = speech.segments[0].start;
      const last = speech.segments[speech.segments.length - 1].end;
      const parts =
        speech.segments.length > 1
          ? ` (${speech.segments.length} stretches, ${seconds(speech.totalSeconds)} in all)`
          : '';
      sentences.push(`Speech from ${seconds(first)} to ${seconds(last)}${parts}.`);
    }
    const speechShare = summary.analysedSeconds > 0 ? speech.totalSeconds / summary.analysedSeconds : 0;
    const pitch = tonality.meanPitchHz ? ` around ${formatHz(tonality.meanPitchHz)}` : '';
    if (speechShare < 0.5) {
      // With mostly speech, tonality just describes the voice; say it only for other sounds.
      if (tonality.label === 'tonal')
        sentences.push(`Mostly tonal${pitch}: a steady pitch, as from a musical note, a whistle, a horn or a voice.`);
      else if (tonality.label === 'noisy')
        sentences.push(
          `Mostly noise-like with no clear pitch (flatness ${tonality.flatness.toFixed(2)}, centroid ${formatHz(tonality.centroidHz)}).`,
        );
      else if (tonality.pitchedFraction <= NOISY_FRACTION)
        sentences.push(
          `No single steady pitch, yet the energy sits in narrow bands (flatness ${tonality.flatness.toFixed(3)}, centroid ${formatHz(tonality.centroidHz)}): several tones at once or a harmonic drone.`,
        );
      else sentences.push(`A mix of pitched${pitch} and noise-like sound (centroid ${formatHz(tonality.centroidHz)}).`);
    }
    const impulsive = events.filter((event) => event.kind === 'impulsive');
    if (impulsive.length === 1) sentences.push(`A short, sharp sound at ${listTimes(impulsive)}.`);
    else if (impulsive.length > 1)
      sentences.push(`${impulsive.length} short, sharp sounds at ${listTimes(impulsive)}.`);
    sentences.push(
      `Level: ${loudness.label} (active RMS ${Math.round(loudness.rmsDbfs)} dBFS, peak ${Math.round(loudness.peakDbfs)} dBFS).`,
    );
  }
  if (summary.clipped)
    sentences.push('The waveform is clipped (it hits full scale), so it was recorded or mixed too hot.');
  if (summary.truncated) {
    const about = summary.durationEstimated ? 'about ' : '';
    sentences.push(
      `Only the first ${seconds(summary.analysedSeconds)} of ${about}${seconds(summary.durationSeconds)} were analysed.`,
    );
  }
  return sentences.join(' ');
}

export function soundKeywords(summary: Pick<AudioSummary, 'speech'>): string[] {
  return summary.speech.totalSeconds >= MIN_SPEECH_FOR_PERSON_SECONDS ? ['person'] : [];
}
