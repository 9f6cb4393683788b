/** Helpers for turning per-frame yes/no decisions into time spans. */

export interface FrameRun {
  /** First frame of the run. */
  first: number;
  /** One past the last frame. */
  end: number;
}

/**
 * Runs of consecutive `true` frames, where gaps of at most `maxGap` false frames are bridged (a note with a
 * short dropout stays one note), keeping runs of at least `minLength` frames.
 */
export function frameRuns(mask: ArrayLike<boolean>, minLength: number, maxGap = 0): FrameRun[] {
  const runs: FrameRun[] = [];
  let current: FrameRun | null = null;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (current && i - current.end <= maxGap) current.end = i + 1;
    else {
      if (current) runs.push(current);
      current = { first: i, end: i + 1 };
    }
  }
  if (current) runs.push(current);
  return runs.filter((run) => run.end - run.first >= minLength);
}

/** Seconds of [start, end) covered by the (sorted, disjoint) spans. */
export function overlapSeconds(start: number, end: number, spans: { start: number; end: number }[]): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(end, span.end) - Math.max(start, span.start));
  return total;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: ArrayLike<number>, fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))))];
}
