'use client';
/** The left column: ways in, progress, errors, the grounded image and its display controls. */
import { DisplayControls } from './DisplayControls';
import { ErrorBanner } from './ErrorBanner';
import { ImageDropTarget, ImageFileInput, ImagePicker } from './ImageInput';
import { ProgressLine } from './ProgressLine';
import { SampleGallery } from './SampleGallery';
import { StageFrame } from './StageFrame';
import { useAnalysis } from './analysis/AnalysisProvider';

function EmptyStage() {
  const { analysis } = useAnalysis();
  if (analysis.status === 'running') {
    return <div className="flex h-72 items-center justify-center text-sm text-neutral-400">Uploading {analysis.imageName}…</div>;
  }
  return (
    <div className="m-3 rounded-lg border-2 border-dashed border-neutral-700">
      <ImagePicker />
    </div>
  );
}

export function ImageWorkspace() {
  const { analysis } = useAnalysis();
  const hasImage = analysis.imageUrl !== null;
  return (
    <ImageDropTarget>
      <section aria-label="Image" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <SampleGallery />
          <ImageFileInput />
          {hasImage && <ImagePicker compact />}
        </div>
        <ProgressLine />
        <ErrorBanner />
        <StageFrame emptyState={<EmptyStage />} />
        {analysis.image && <DisplayControls />}
      </section>
    </ImageDropTarget>
  );
}
