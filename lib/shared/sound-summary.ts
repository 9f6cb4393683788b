/**
 * The sentence people read first: what is heard and when, in the order it happens, with no levels or spectral
 * measures (those stay in the technical description behind "details"). Every name in it is an event's
 * AudioSet class or group, so it says nothing the models did not.
 *   "Dog (bark, bow-wow) from 0.5 to 2.6 s; no speech."
 *   "Speech from 0.3 to 10.6 s in 5 stretches."
 * A clip where nothing passes the threshold reports the model's best guess with its low score.
 */
import type { SoundEvent } from '@/lib/shared/audio';
import { shortSoundName } from '@/lib/shared/sound-names';

/** A group heard over at least this share of the clip is heard "throughout". */
const THROUGHOUT_SHARE = 0.9;
/** Up to this many separate stretches are listed with their times; more are counted. */
const MAX_LISTED_STRETCHES = 3;

export interface PlainSummaryInput {
  silent: boolean;
  analysedSeconds: number;
  soundEvents: SoundEvent[];
  /** The sound model's best guesses, strongest first, when it is sure of nothing. */
  bestGuesses: { label: string; score: number }[];
  taggerOff?: string;
}

interface Heard {
  group: string;
  kinds: string[];
  stretches: { start: number; end: number }[];
}

/** Events of one group, their stretches merged where they touch. */
export function groupEvents(events: SoundEvent[]): Heard[] {
  const byGroup = new Map<string, SoundEvent[]>();
  for (const event of events) byGroup.set(event.group, [...(byGroup.get(event.group) ?? []), event]);
  return [...byGroup.entries()]
    .map(([group, members]) => {
      const kinds = [...new Set(members.map((e) => shortSoundName(e.label)))].filter(
        (k) => k !== shortSoundName(group),
      );
      const stretches: { start: number; end: number }[] = [];
      for (const e of [...members].sort((a, b) => a.start - b.start)) {
        const last = stretches[stretches.length - 1];
        if (last && e.start <= last.end + 1e-6) last.end = Math.max(last.end, e.end);
        else stretches.push({ start: e.start, end: e.end });
      }
      return { group, kinds, stretches };
    })
    .sort((a, b) => a.stretches[0].start - b.stretches[0].start);
}

const s1 = (value: number) => value.toFixed(1);

function when(heard: Heard, clipSeconds: number): string {
  const { stretches } = heard;
  const total = stretches.reduce((sum, s) => sum + s.end - s.start, 0);
  if (clipSeconds > 0 && total >= THROUGHOUT_SHARE * clipSeconds) return 'throughout';
  if (stretches.length === 1) return `from ${s1(stretches[0].start)} to ${s1(stretches[0].end)} s`;
  if (stretches.length <= MAX_LISTED_STRETCHES) {
    return `${stretches.length === 2 ? 'twice' : `${stretches.length} times`} (${stretches.map((s) => `${s1(s.start)}–${s1(s.end)} s`).join(', ')})`;
  }
  return `from ${s1(stretches[0].start)} to ${s1(stretches[stretches.length - 1].end)} s in ${stretches.length} stretches`;
}

function describeGroup(heard: Heard, clipSeconds: number): string {
  const name = shortSoundName(heard.group);
  const kinds = heard.kinds.length ? ` (${heard.kinds.map((k) => k.toLowerCase()).join(', ')})` : '';
  return `${name}${kinds} ${when(heard, clipSeconds)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plainSummary(input: PlainSummaryInput): string {
  if (input.silent) return 'No sound above the noise floor.';
  const groups = groupEvents(input.soundEvents);
  const hasSpeech = input.soundEvents.some((e) => e.source === 'silero-vad');
  const parts: string[] = [];
  groups.forEach((heard, i) => {
    const text = describeGroup(heard, input.analysedSeconds);
    const previous = groups[i - 1];
    if (!previous) parts.push(text);
    else {
      const after = heard.stretches[0].start >= previous.stretches[previous.stretches.length - 1].end;
      parts.push(`${after ? 'then' : 'and'} ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    }
  });
  const sentences: string[] = [];
  if (parts.length) sentences.push(`${capitalise(parts.join(', '))}${hasSpeech ? '' : '; no speech'}.`);
  if (input.taggerOff) {
    if (!parts.length) sentences.push('No speech.');
    sentences.push(input.taggerOff);
  } else if (!parts.length) {
    const guesses = input.bestGuesses.map(
      (g) => `${shortSoundName(g.label).toLowerCase()} at only ${g.score.toFixed(2)}`,
    );
    const list =
      guesses.length > 1 ? `${guesses.slice(0, -1).join(', ')} and ${guesses[guesses.length - 1]}` : guesses[0];
    // A weak "speech" guess beside "no speech" would read as a contradiction: say which model found none.
    const speechGuessed = guesses.some((g) => g.includes('speech'));
    const noSpeech = speechGuessed ? 'the speech detector found none' : 'no speech';
    sentences.push(
      guesses.length
        ? `Nothing the sound model is sure of: its best ${guesses.length > 1 ? 'guesses are' : 'guess is'} ${list}; ${noSpeech}.`
        : 'The sound model recognised nothing; no speech.',
    );
  }
  return sentences.join(' ');
}
