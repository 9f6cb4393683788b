'use client';
/**
 * The sound panel connected to the shared analysis store: a new clip is analysed at once (with the current
 * image, or alone), and the sound's source phrase links to its entities both ways, like an answer's phrases.
 */
import { useAnalysis } from '@/components/analysis/AnalysisProvider';
import { AudioPanel } from './AudioPanel';

function SoundSourceLink({ phrase, entityIds }: { phrase: string; entityIds: string[] }) {
  const store = useAnalysis();
  const highlighted = store.highlightedEntityId !== null && entityIds.includes(store.highlightedEntityId);
  const color = store.analysis.entities.find((e) => e.id === entityIds[0])?.color;
  const hover = (on: boolean) => {
    store.hoverEntity(on ? entityIds[0] : null);
    store.setSpotlight(on ? entityIds : null);
  };
  return (
    <span
      role="button"
      tabIndex={0}
      data-testid="sound-source-phrase"
      data-entity-ids={entityIds.join(' ')}
      data-highlighted={highlighted ? 'true' : 'false'}
      className="cursor-pointer rounded px-1 font-medium text-neutral-950 outline-offset-2"
      style={{ background: color?.light, boxShadow: highlighted ? `0 0 0 2px ${color?.strong}` : undefined }}
      onMouseEnter={() => hover(true)}
      onMouseLeave={() => hover(false)}
      onFocus={() => hover(true)}
      onBlur={() => hover(false)}
      onClick={() => store.toggleEntity(entityIds[0])}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          store.toggleEntity(entityIds[0]);
        }
      }}
    >
      {phrase}
    </span>
  );
}

export function SoundSection() {
  const store = useAnalysis();
  const source = store.analysis.soundSources[0];
  // Like answer phrases, the source links only to entities the threshold lets through.
  const visibleIds = source?.entityIds.filter((id) => store.visible.some((e) => e.id === id)) ?? [];
  const onFileChange = (file: File | null) => {
    store.setAudioFile(file);
    if (file) store.reanalyze();
  };
  return (
    <AudioPanel
      file={store.audioFile}
      onFileChange={onFileChange}
      summary={store.analysis.audio}
      linkedEntityIds={visibleIds}
      sourceLink={source && visibleIds.length > 0 && <SoundSourceLink phrase={source.phrase} entityIds={visibleIds} />}
    />
  );
}
