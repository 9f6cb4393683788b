'use client';
/**
 * The sound panel connected to the shared analysis store: a new clip is analysed at once (with the current
 * image, or alone), and the sound's source phrase links to its entities both ways, like an answer's phrases.
 */
import { useAnalysis } from '@/components/analysis/AnalysisProvider';
import { EntityLink } from '../EntityLink';
import { AudioPanel } from './AudioPanel';

export function SoundSection() {
  const store = useAnalysis();
  const source = store.analysis.soundSources[0];
  // Like answer phrases, the source links only to entities the threshold lets through.
  const entities = store.visible.filter((e) => source?.entityIds.includes(e.id));
  const highlighted = entities.some((e) => e.id === store.highlightedEntityId);
  const onFileChange = (file: File | null) => {
    store.setAudioFile(file);
    if (file) store.reanalyze();
  };
  return (
    <AudioPanel
      file={store.audioFile}
      onFileChange={onFileChange}
      summary={store.analysis.audio}
      linkedEntityIds={entities.map((e) => e.id)}
      sourceLink={
        source &&
        entities.length > 0 && (
          <EntityLink testId="sound-source-phrase" text={source.phrase} method={source.method} entities={entities} highlighted={highlighted} />
        )
      }
    />
  );
}
