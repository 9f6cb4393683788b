'use client';
/**
 * What was heard, one line per ontology group ("Dog — bark, bow-wow"), each with what in the picture makes it
 * (a linked phrase), that it is not in the picture, or nothing when no image was analysed.
 */
import type { ReactNode } from 'react';
import type { SoundEvent } from '@/lib/shared/audio';
import { shortSoundName } from '@/lib/shared/sound-names';
import { groupEvents } from '@/lib/shared/sound-summary';

export interface HeardSoundsProps {
  events: SoundEvent[];
  /** The source of one group's events, or null to say nothing. */
  renderSource(events: SoundEvent[]): ReactNode;
}

export function HeardSounds({ events, renderSource }: HeardSoundsProps) {
  const groups = groupEvents(events);
  if (groups.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-xs" aria-label="Sounds heard and their sources" data-testid="heard-sounds">
      {groups.map((heard) => {
        const members = events.filter((e) => e.group === heard.group);
        const best = Math.max(...members.map((e) => e.score));
        const source = renderSource(members);
        return (
          <li key={heard.group} className="flex flex-wrap items-baseline gap-x-2" data-group={heard.group}>
            <span className="font-medium text-neutral-200">{shortSoundName(heard.group)}</span>
            {heard.kinds.length > 0 && (
              <span className="text-neutral-400">— {heard.kinds.map((k) => k.toLowerCase()).join(', ')}</span>
            )}
            <span className="tabular-nums text-neutral-400" title="highest window confidence">
              {best.toFixed(2)}
            </span>
            {source && <span className="text-neutral-400">· {source}</span>}
          </li>
        );
      })}
    </ul>
  );
}
