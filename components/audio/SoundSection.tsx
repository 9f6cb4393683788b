'use client';
/**
 * The sound panel connected to the shared analysis store: a new clip is analysed at once (with the current
 * image, or alone). Each heard group's source phrase links to its entity both ways like an answer's phrases;
 * pointing at an event band lights up its source entity, and pointing at the entity lights up its bands.
 */
import { useMemo } from 'react';
import { useAnalysis } from '@/components/analysis/AnalysisProvider';
import type { SoundEvent } from '@/lib/shared/audio';
import type { SoundSource } from '@/lib/client/analysisState';
import { EntityLink } from '../EntityLink';
import { AudioPanel } from './AudioPanel';
import { LinkedSoundSummary, type SummaryLink } from './LinkedSoundSummary';

export function SoundSection() {
  const store = useAnalysis();
  const { soundSources, image } = store.analysis;
  const visibleIds = useMemo(() => new Set(store.visible.map((e) => e.id)), [store.visible]);

  const sourceOf = (labels: string[]): SoundSource | undefined =>
    soundSources.find(
      (source) =>
        source.eventLabels?.some((label) => labels.includes(label)) &&
        source.entityIds.some((id) => visibleIds.has(id)),
    );

  const highlightedLabels = useMemo(() => {
    const id = store.highlightedEntityId;
    return new Set(soundSources.filter((s) => id && s.entityIds.includes(id)).flatMap((s) => s.eventLabels ?? []));
  }, [soundSources, store.highlightedEntityId]);

  const onPointEvent = (event: SoundEvent | null) => {
    const source = event && sourceOf([event.label]);
    const ids = source ? source.entityIds.filter((id) => visibleIds.has(id)) : [];
    store.hoverEntity(ids[0] ?? null);
    store.setSpotlight(ids.length ? ids : null);
  };

  const renderSource = (events: SoundEvent[]) => {
    const source = sourceOf(events.map((e) => e.label));
    // Like answer phrases, the source links only to entities the threshold lets through.
    const entities = source ? store.visible.filter((e) => source.entityIds.includes(e.id)) : [];
    if (!source || entities.length === 0)
      return image ? <span data-testid="sound-source-absent">source not in the picture</span> : null;
    return (
      <span title={source.reason}>
        made by the{' '}
        <EntityLink
          testId="sound-source-phrase"
          text={entities[0].label}
          method={source.method}
          entities={entities}
          highlighted={entities.some((e) => e.id === store.highlightedEntityId)}
        />
        {source.reason && <span className="text-neutral-400"> ({source.reason})</span>}
      </span>
    );
  };

  const audio = store.analysis.audio;
  // The summary names each group by its short name, which is also each source's phrase ("dog", "speech").
  const summaryLinks: SummaryLink[] = soundSources.map((source) => ({
    phrase: source.phrase,
    entities: store.visible.filter((e) => source.entityIds.includes(e.id)),
    method: source.method,
  }));

  const onFileChange = (file: File | null) => {
    store.setAudioFile(file);
    if (file) store.reanalyze();
  };
  return (
    <AudioPanel
      file={store.audioFile}
      onFileChange={onFileChange}
      summary={audio}
      highlightedLabels={highlightedLabels}
      onPointEvent={onPointEvent}
      renderSource={renderSource}
      linkedSummary={
        audio && (
          <LinkedSoundSummary
            text={audio.plainSummary}
            links={summaryLinks}
            highlightedEntityId={store.highlightedEntityId}
          />
        )
      }
    />
  );
}
