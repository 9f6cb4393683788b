'use client';
/** The summary's events as a compact, time-ordered list with the producer of each line on hover. */
import type { AudioEvent, AudioEventKind } from '@/lib/shared/audio';

const KIND_STYLE: Record<AudioEventKind, string> = {
  speech: 'bg-emerald-500/20 text-emerald-300',
  impulsive: 'bg-amber-500/20 text-amber-300',
  loud: 'bg-red-500/20 text-red-300',
  silence: 'bg-neutral-700/50 text-neutral-400',
  tonal: 'bg-sky-500/20 text-sky-300',
  noisy: 'bg-violet-500/20 text-violet-300',
};

const time = (seconds: number) => `${seconds.toFixed(2)} s`;

export function AudioEventList({ events }: { events: AudioEvent[] }) {
  if (events.length === 0) return null;
  return (
    <ol
      className="flex max-h-56 flex-col gap-1 overflow-y-auto text-xs"
      aria-label="Sound events"
      data-testid="audio-events"
    >
      {events.map((event, index) => (
        <li key={index} className="flex items-baseline gap-2" title={`Source: ${event.source}`} data-kind={event.kind}>
          <span className="w-28 shrink-0 tabular-nums text-neutral-400">
            {time(event.start)}–{time(event.end)}
          </span>
          <span className={`shrink-0 rounded px-1.5 py-0.5 ${KIND_STYLE[event.kind]}`}>{event.kind}</span>
          <span className="text-neutral-300">{event.description}</span>
        </li>
      ))}
    </ol>
  );
}
