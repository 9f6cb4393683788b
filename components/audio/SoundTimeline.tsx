'use client';
/**
 * Named sound events as labelled bands on the clip's time axis, one row per ontology group ("Dog": bark,
 * bow-wow), under the waveform and as wide, so a band sits under the stretch of waveform it names. Pointing at a band (mouse or keyboard focus) reports
 * the event so its source entity can light up; bands whose labels are in `highlighted` (their source entity
 * is pointed at) are drawn emphasised.
 */
import type { SoundEvent } from '@/lib/shared/audio';
import { formatSpan, shortSoundName } from '@/lib/shared/sound-names';

export interface SoundTimelineProps {
  events: SoundEvent[];
  duration: number;
  highlighted: ReadonlySet<string>;
  onPoint(event: SoundEvent | null): void;
}

/** "Dog bark 0.4–1.6 s, 0.78": the group, the finer class when it differs, the span and the confidence. */
export function eventText(event: SoundEvent): string {
  const group = shortSoundName(event.group);
  const label = shortSoundName(event.label);
  const name = label === group ? label : `${group} ${label.toLowerCase()}`;
  return `${name} ${formatSpan(event.start, event.end)}, ${event.score.toFixed(2)}`;
}

function rows(events: SoundEvent[]): [string, SoundEvent[]][] {
  const byGroup = new Map<string, SoundEvent[]>();
  for (const event of [...events].sort((a, b) => a.start - b.start))
    byGroup.set(event.group, [...(byGroup.get(event.group) ?? []), event]);
  return [...byGroup.entries()];
}

export function SoundTimeline({ events, duration, highlighted, onPoint }: SoundTimelineProps) {
  if (events.length === 0 || duration <= 0) return null;
  const percent = (seconds: number) => `${(Math.min(Math.max(seconds, 0), duration) / duration) * 100}%`;
  return (
    <ol className="flex flex-col gap-1" aria-label="Named sound events over time" data-testid="sound-timeline">
      {rows(events).map(([group, members]) => (
        <li key={group} className="text-[11px]" data-group={group}>
          <div className="relative h-5 rounded bg-neutral-900" title={shortSoundName(group)}>
            {members.map((event) => {
              const lit = highlighted.has(event.label);
              const speech = event.source === 'silero-vad';
              const text = eventText(event);
              return (
                <button
                  type="button"
                  key={`${event.label}-${event.start}`}
                  aria-label={`${text}, by ${event.source}`}
                  title={`${text} · ${event.label} · by ${event.source}`}
                  data-testid="sound-event"
                  data-label={event.label}
                  data-highlighted={lit ? 'true' : 'false'}
                  onMouseEnter={() => onPoint(event)}
                  onMouseLeave={() => onPoint(null)}
                  onFocus={() => onPoint(event)}
                  onBlur={() => onPoint(null)}
                  className={`absolute inset-y-0 overflow-hidden whitespace-nowrap rounded border px-1 text-left leading-5 focus-visible:outline-2 focus-visible:outline-sky-400 ${
                    speech
                      ? 'border-emerald-400/60 bg-emerald-500/25 text-emerald-100'
                      : 'border-sky-400/60 bg-sky-500/25 text-sky-100'
                  } ${lit ? 'ring-2 ring-amber-300' : ''}`}
                  // Opacity follows the confidence, so a weak event reads as weak at a glance.
                  style={{
                    left: percent(event.start),
                    width: `calc(${percent(event.end)} - ${percent(event.start)})`,
                    opacity: 0.55 + 0.45 * event.score,
                  }}
                >
                  {text}
                </button>
              );
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}
