/**
 * Named sound events from the tagger's window scores (pure: the model runs elsewhere).
 *
 *  1. A class is heard in a window when its probability is ≥ EVENT_THRESHOLD (chosen across all sample clips,
 *     see tests/integration/sound-events.test.ts and the README's table).
 *  2. Windows of one class that touch or overlap merge into one event; its score is the best window's.
 *  3. Abstract and blacklisted ontology nodes ("Human sounds", "Inside, small room"…) are never events, and
 *     speech-group classes are left to silero-vad, which is sharper in time (the caller adds its segments).
 *  4. Each event is listed under its display group (groupOf): the nearest ancestor-or-self that is not
 *     abstract and at most DISPLAY_DEPTH levels below a root. Depth 2 is where the ontology names sources
 *     people name (Dog, Cat, Speech, Bird, Vehicle horn, Brass instrument, Motor vehicle); deeper are kinds of
 *     sound (Bark, Meow), shallower are categories (Animal, Vehicle, Domestic animals).
 *  5. A broad event is dropped when a more specific one mostly covers it (its group is an ancestor of the
 *     other's and ≥ COVERED_SHARE of its span overlaps): "Animal" and "Domestic animals" say nothing once
 *     "Dog" is heard at the same time; "Music" all along stays beside a violin heard for one second.
 */
import type { SoundEvent } from '@/lib/shared/audio';
import type { Ontology } from '../models/efficientat/ontology';

/**
 * The sweep in tests/integration/sound-events.test.ts over all ten sample clips: 0.4 has the best clips heard
 * right minus false alarms (9 − 1; 0.3 gives 10 − 3, 0.5 gives 7 − 0). Street traffic (Vehicle 0.31) is the
 * clip it loses.
 */
export const EVENT_THRESHOLD = 0.4;
export const DISPLAY_DEPTH = 2;
export const COVERED_SHARE = 0.5;
/** AudioSet "Speech": its group is silero-vad's, not the tagger's. */
export const SPEECH_MID = '/m/09x0r';

export interface ScoredWindow {
  start: number;
  end: number;
  probs: ArrayLike<number>;
}

export function groupOf(ontology: Ontology, mid: string): string {
  for (const candidate of [mid, ...ontology.ancestorsOf(mid)]) {
    if (!ontology.isAbstract(candidate) && ontology.depthOf(candidate) <= DISPLAY_DEPTH) return candidate;
  }
  return mid;
}

/** Classes the timeline may show: not abstract, not speech (silero-vad's job). */
export function isEventClass(ontology: Ontology, mid: string): boolean {
  if (ontology.isAbstract(mid)) return false;
  return !(mid === SPEECH_MID || ontology.ancestorsOf(mid).includes(SPEECH_MID));
}

interface Run {
  index: number;
  start: number;
  end: number;
  score: number;
}

interface Span {
  start: number;
  end: number;
}

/** Seconds of `span` covered by the union of `others` (overlapping others count once). */
function coveredSeconds(span: Span, others: Span[]): number {
  const clipped = others
    .map((o) => ({ start: Math.max(span.start, o.start), end: Math.min(span.end, o.end) }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reached = span.start;
  for (const o of clipped) {
    covered += Math.max(0, o.end - Math.max(reached, o.start));
    reached = Math.max(reached, o.end);
  }
  return covered;
}

export function buildSoundEvents(
  windows: ScoredWindow[],
  ontology: Ontology,
  source: string,
  threshold = EVENT_THRESHOLD,
): SoundEvent[] {
  const runs: Run[] = [];
  for (const { index, mid } of ontology.classes) {
    if (!isEventClass(ontology, mid)) continue;
    let current: Run | null = null;
    for (const window of windows) {
      const p = window.probs[index];
      if (p < threshold) continue;
      if (current && window.start <= current.end + 1e-6) {
        current.end = Math.max(current.end, window.end);
        current.score = Math.max(current.score, p);
      } else {
        if (current) runs.push(current);
        current = { index, start: window.start, end: window.end, score: p };
      }
    }
    if (current) runs.push(current);
  }

  const events: SoundEvent[] = runs.map((run) => {
    const { mid, name } = ontology.classes[run.index];
    return {
      label: name,
      mid,
      group: ontology.nameOf(groupOf(ontology, mid)),
      start: run.start,
      end: run.end,
      score: round2(run.score),
      source,
    };
  });
  const groupMid = new Map(events.map((e) => [e.mid, groupOf(ontology, e.mid)]));
  const specific = (broad: SoundEvent, other: SoundEvent) => {
    const broadGroup = groupMid.get(broad.mid)!;
    const otherGroup = groupMid.get(other.mid)!;
    return otherGroup !== broadGroup && ontology.ancestorsOf(otherGroup).includes(broadGroup);
  };
  const kept = events.filter((event) => {
    const covered = coveredSeconds(
      event,
      events.filter((other) => specific(event, other)),
    );
    return covered < COVERED_SHARE * (event.end - event.start);
  });
  return kept.sort((a, b) => a.start - b.start || b.score - a.score);
}

/** Whole-clip classes at or above the threshold, best first (abstract nodes left out). */
export function clipTagsFrom(probs: ArrayLike<number>, ontology: Ontology, threshold = EVENT_THRESHOLD, max = 10) {
  return ontology.classes
    .filter((c) => !ontology.isAbstract(c.mid) && probs[c.index] >= threshold)
    .map((c) => ({ label: c.name, mid: c.mid, score: round2(probs[c.index]) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, max);
}

/** A guess under this (half the event threshold) is noise, not worth naming even as a guess. */
const GUESS_FLOOR = EVENT_THRESHOLD / 2;
const MAX_GUESSES = 3;

/**
 * What a clip with no sure event is reported as: the model's best non-abstract classes, each at its strongest
 * (the whole-clip pass or any one window: a passing car is loud for a second, not over the clip), at least
 * GUESS_FLOOR; the single best when none reaches it.
 */
export function bestGuesses(
  clip: ArrayLike<number>,
  windows: ScoredWindow[],
  ontology: Ontology,
): { label: string; mid: string; score: number }[] {
  const peak = (index: number) => Math.max(clip[index], ...windows.map((w) => w.probs[index]));
  const ranked = ontology.classes
    .filter((c) => !ontology.isAbstract(c.mid))
    .map((c) => ({ label: c.name, mid: c.mid, score: round2(peak(c.index)) }))
    .sort((a, b) => b.score - a.score);
  const sure = ranked.filter((g) => g.score >= GUESS_FLOOR).slice(0, MAX_GUESSES);
  return sure.length ? sure : ranked.slice(0, 1);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
