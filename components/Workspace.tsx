'use client';
/**
 * The page's layout, shared by `/` and `/r/<id>`. From 1280 px wide it fills the window without scrolling:
 * the image column (samples, progress, image, sliders) beside a column with the objects and the sound, and
 * the chat on the right with its input always in view; each column scrolls inside itself. Narrower screens
 * get one column: image, sound (right under it, so a phone shows the photo and its sound together), objects,
 * chat.
 */
import { EntityPanel } from './EntityPanel';
import { ImageWorkspace } from './ImageWorkspace';
import { Panel } from './Panel';
import { ResultActions } from './ResultActions';
import { ResultNotFound } from './ResultNotFound';
import { ChatPanel } from './chat/ChatPanel';
import { SoundSection } from './audio/SoundSection';
import { useAnalysis } from './analysis/AnalysisProvider';
import { PointModeProvider } from './point/PointModeProvider';

export function Workspace() {
  const { openState } = useAnalysis();
  return (
    <PointModeProvider>
      <div className="mx-auto flex max-w-[1760px] flex-col gap-3 px-3 py-3 sm:px-4 xl:h-dvh xl:overflow-hidden">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-xl font-semibold tracking-tight">Strix</h1>
          <p className="hidden text-sm text-neutral-400 sm:block">
            tags → boxes → SAM masks, linked to what you ask about them
          </p>
          <ResultActions />
        </header>
        {/* A result that cannot be reopened says so above an empty page, ready for a new analysis. */}
        {(openState.state === 'not-found' || openState.state === 'failed') && <ResultNotFound openState={openState} />}
        <main className="grid min-h-0 flex-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_18rem_22rem] xl:items-stretch">
          <div className="min-h-0 lg:row-span-2 xl:row-span-1">
            <ImageWorkspace />
          </div>
          {/* On one column (phones) this wrapper dissolves so the sound can sit right under the image. */}
          <div className="flex min-h-0 flex-col gap-4 max-lg:contents">
            <Panel title="What Strix sees" className="max-lg:order-2 xl:min-h-0 xl:flex-[3]">
              <EntityPanel />
            </Panel>
            <Panel title="Sound" className="max-lg:order-1 xl:min-h-0 xl:flex-[2]">
              <SoundSection />
            </Panel>
          </div>
          <Panel title="Ask" className="max-lg:order-3 lg:col-start-2 xl:col-start-auto xl:min-h-0">
            <ChatPanel />
          </Panel>
        </main>
      </div>
    </PointModeProvider>
  );
}
