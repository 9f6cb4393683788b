'use client';
/**
 * The clip on one time axis: a row per heard sound group (speech included), a bar per tracked object, and a
 * line at the keyframe on screen. Clicking a band or a bar draws the keyframe of that moment with its masks;
 * pointing at a track lights its object in every keyframe (Filmstrip) and in the stage, pointing at a sound
 * band lights the object it was tied to.
 */
import type { SoundEvent } from '@/lib/shared/audio';
import type { Track } from '@/lib/shared/video';
import { nearestKeyframe, spanPercent, trackText } from '@/lib/client/video';
import { eventText } from '../audio/SoundTimeline';
import { useAnalysis } from '../analysis/AnalysisProvider';

const BAR =
  'absolute inset-y-0 overflow-hidden whitespace-nowrap rounded border px-1 text-left leading-5 focus-visible:outline-2 focus-visible:outline-sky-400';

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <li className="grid grid-cols-[5.5rem_1fr] items-center gap-2 text-[11px]">
      <span className="truncate text-neutral-400">{name}</span>
      <div className="relative h-5 rounded bg-neutral-900">{children}</div>
    </li>
  );
}

export function VideoTimeline() {
  const store = useAnalysis();
  const { video, keyframes, tracks, audio, soundSources, shownKeyframe } = store.analysis;
  if (!video) return null;
  const duration = video.analysedSec;
  const shownAt = keyframes.find((k) => k.index === shownKeyframe)?.timeSec;
  const spotlit = new Set(store.spotlightEntityIds ?? []);

  const showAt = (t: number) => {
    const keyframe = nearestKeyframe(keyframes, t);
    if (keyframe) store.showKeyframe(keyframe.index);
  };
  /** The entities a sound was tied to in the keyframe of its moment (sound-source events from the server). */
  const sourceIds = (event: SoundEvent) => {
    const keyframe = nearestKeyframe(keyframes, (event.start + event.end) / 2);
    const inFrame = new Set(store.analysis.entities.filter((e) => e.keyframe === keyframe?.index).map((e) => e.id));
    return soundSources
      .filter((s) => s.eventLabels?.includes(event.label))
      .flatMap((s) => s.entityIds.filter((id) => inFrame.has(id)));
  };
  const point = (ids: string[] | null) => {
    store.setSpotlight(ids?.length ? ids : null);
    store.hoverEntity(null);
  };
  /** A track lights in the filmstrip (spotlight) and, through its entity in the frame shown, in the stage and the answer. */
  const pointTrack = (track: Track | null) => {
    point(track?.entityIds ?? null);
    const inShown = track?.entityIds.find((id) =>
      store.analysis.entities.some((e) => e.id === id && e.keyframe === shownKeyframe),
    );
    if (track) store.hoverEntity(inShown ?? track.entityIds[0]);
  };

  const groups = new Map<string, SoundEvent[]>();
  for (const event of audio?.soundEvents ?? []) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
  return (
    <section aria-label="Video timeline" data-testid="video-timeline" className="flex flex-col gap-1">
      <p className="text-xs text-neutral-400">
        {duration.toFixed(1)} s analysed of {video.durationSec.toFixed(1)} s · {video.width}×{video.height}{' '}
        {video.codec}
        {video.notes.length > 0 && <span data-testid="video-notes"> · {video.notes.join(' ')}</span>}
      </p>
      <ol className="relative flex flex-col gap-1">
        {[...groups].map(([group, events]) => (
          <Row key={group} name={group}>
            {events.map((event) => (
              <button
                type="button"
                key={`${event.label}-${event.start}`}
                data-testid="video-sound-band"
                aria-label={`${eventText(event)}: show the keyframe at that moment`}
                title={eventText(event)}
                onClick={() => showAt((event.start + event.end) / 2)}
                onMouseEnter={() => point(sourceIds(event))}
                onMouseLeave={() => point(null)}
                onFocus={() => point(sourceIds(event))}
                onBlur={() => point(null)}
                className={`${BAR} ${event.source === 'silero-vad' ? 'border-emerald-400/60 bg-emerald-500/25 text-emerald-100' : 'border-sky-400/60 bg-sky-500/25 text-sky-100'}`}
                style={spanPercent(event.start, event.end, duration)}
              >
                {eventText(event)}
              </button>
            ))}
          </Row>
        ))}
        {tracks.map((track) => {
          const lit = track.entityIds.some((id) => spotlit.has(id));
          return (
            <Row key={track.id} name={track.label}>
              <button
                type="button"
                data-testid="track-bar"
                data-label={track.label}
                data-lit={lit ? 'true' : 'false'}
                aria-label={`Track ${trackText(track)}: show its first keyframe`}
                title={trackText(track)}
                onClick={() => store.showKeyframe(track.keyframes[0])}
                onMouseEnter={() => pointTrack(track)}
                onMouseLeave={() => pointTrack(null)}
                onFocus={() => pointTrack(track)}
                onBlur={() => pointTrack(null)}
                className={`${BAR} border-amber-400/60 bg-amber-500/25 text-amber-100 ${lit ? 'ring-2 ring-amber-300' : ''}`}
                style={spanPercent(track.startSec, track.endSec, duration)}
              >
                {trackText(track)}
              </button>
            </Row>
          );
        })}
        {shownAt !== undefined && (
          // The keyframe on screen, across every row (the label column is 5.5rem + the gap).
          <li aria-hidden className="pointer-events-none absolute inset-y-0 left-[6rem] right-0">
            <div
              className="absolute inset-y-0 w-0.5 bg-sky-300/80"
              style={{ left: `${(shownAt / Math.max(duration, 1e-6)) * 100}%` }}
            />
          </li>
        )}
      </ol>
    </section>
  );
}
