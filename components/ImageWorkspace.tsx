'use client';
/** The image column: ways in, progress, errors, the display controls and point mode, and the grounded image. */
import { AnalyzeOptions, FindResults } from './AnalyzeOptions';
import { DisplayControls } from './DisplayControls';
import { ErrorBanner } from './ErrorBanner';
import { ImageDropTarget, ImageFileInput, ImagePicker } from './ImageInput';
import { ProgressLine } from './ProgressLine';
import { SampleGallery } from './SampleGallery';
import { StageFrame } from './StageFrame';
import { useAnalysis } from './analysis/AnalysisProvider';
import { PointModeBar } from './point/PointModeBar';
import { Filmstrip } from './video/Filmstrip';
import { VideoTimeline } from './video/VideoTimeline';

function EmptyStage() {
  const { analysis, openState } = useAnalysis();
  if (openState.state === 'loading') {
    return (
      <div className="flex h-72 items-center justify-center text-sm text-neutral-300">Opening the stored result…</div>
    );
  }
  if (analysis.status === 'running') {
    return (
      <div className="flex h-72 items-center justify-center text-sm text-neutral-400">
        Uploading {analysis.imageName}…
      </div>
    );
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
      <section aria-label="Image" className="flex flex-col gap-3 xl:h-full xl:min-h-0">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <SampleGallery />
          <ImageFileInput />
          {hasImage && <ImagePicker compact />}
        </div>
        <AnalyzeOptions />
        <ProgressLine />
        <ErrorBanner />
        <FindResults />
        {/* Above the image, not below: in the full-window layout the image takes the column's remaining height. */}
        {analysis.image && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
            <DisplayControls />
            <PointModeBar />
          </div>
        )}
        {analysis.video && (
          <div className="flex flex-col gap-2" data-testid="video-panel">
            <Filmstrip />
            <VideoTimeline />
          </div>
        )}
        <StageFrame emptyState={<EmptyStage />} />
      </section>
    </ImageDropTarget>
  );
}
