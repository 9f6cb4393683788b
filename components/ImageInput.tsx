'use client';
/**
 * Three ways in: drop a file anywhere on the workspace, paste one (Ctrl+V / ⌘V) anywhere on the page, or
 * pick one. All end in the same analyze(file).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ACCEPTED_IMAGE_TYPES, ACCEPTED_VIDEO_TYPES, isVideoFile } from '@/lib/client/analyzeRequest';
import { useAnalysis } from './analysis/AnalysisProvider';

function firstImageFile(files: Iterable<File> | null | undefined): File | null {
  for (const file of files ?? []) if (!file.type || file.type.startsWith('image/') || isVideoFile(file)) return file;
  return null;
}

export function ImageDropTarget({ children }: { children: ReactNode }) {
  const { analyze } = useAnalysis();
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element; counting them tells when the pointer really left.
  const depthRef = useRef(0);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = firstImageFile(event.clipboardData?.files);
      if (!file) return; // text paste (e.g. into the chat box) goes on as usual
      event.preventDefault();
      analyze(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [analyze]);

  return (
    <div
      className="relative min-h-0 xl:h-full"
      onDragEnter={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        depthRef.current++;
        setDragging(true);
      }}
      onDragLeave={() => {
        depthRef.current = Math.max(0, depthRef.current - 1);
        if (depthRef.current === 0) setDragging(false);
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        depthRef.current = 0;
        setDragging(false);
        const file = firstImageFile(event.dataTransfer.files);
        if (file) analyze(file);
      }}
    >
      {children}
      {dragging && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-xl border-2 border-dashed border-sky-400 bg-sky-950/70 text-lg font-medium text-sky-100">
          Drop the image or video to analyse it
        </div>
      )}
    </div>
  );
}

/** The one file input on the page (tests drive it directly); every "choose" button opens it by id. */
const IMAGE_INPUT_ID = 'strix-image-input';

export function ImageFileInput() {
  const { analyze } = useAnalysis();
  return (
    <input
      id={IMAGE_INPUT_ID}
      data-testid="image-input"
      type="file"
      accept={[...ACCEPTED_IMAGE_TYPES, ...ACCEPTED_VIDEO_TYPES, '.mov'].join(',')}
      className="sr-only"
      tabIndex={-1}
      aria-hidden
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        if (file) analyze(file);
        // Reset so choosing the same file again still triggers a new analysis.
        event.currentTarget.value = '';
      }}
    />
  );
}

export function ImagePicker({ compact = false }: { compact?: boolean }) {
  const { analysis } = useAnalysis();
  return (
    <div className={compact ? 'flex items-center gap-3' : 'flex flex-col items-center gap-3 py-12 text-center'}>
      <button
        type="button"
        onClick={() => document.getElementById(IMAGE_INPUT_ID)?.click()}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400"
      >
        {analysis.imageUrl ? 'Choose another image' : 'Choose an image'}
      </button>
      <p className={`text-sm text-neutral-400 ${compact ? 'hidden xl:block' : ''}`}>
        {compact ? 'drop or ' : 'or drop one here, or '}paste with{' '}
        <kbd className="rounded border border-neutral-700 bg-neutral-800 px-1 text-xs">Ctrl</kbd>+
        <kbd className="rounded border border-neutral-700 bg-neutral-800 px-1 text-xs">V</kbd>
        {compact ? '' : ' · JPEG, PNG or WebP; or a video: MP4, WebM or MOV (first 60 s, ≤ 100 MB)'}
      </p>
    </div>
  );
}
