import { AnalysisProvider } from '@/components/analysis/AnalysisProvider';
import { EntityPanel } from '@/components/EntityPanel';
import { ImageWorkspace } from '@/components/ImageWorkspace';
import { Panel } from '@/components/Panel';
import { ChatPanel } from '@/components/chat/ChatPanel';
import { SoundSection } from '@/components/audio/SoundSection';

export default function HomePage() {
  return (
    <AnalysisProvider>
      <div className="mx-auto flex max-w-[1600px] flex-col gap-5 px-4 py-4 lg:px-6">
        <header className="flex flex-wrap items-baseline gap-x-3">
          <h1 className="text-xl font-semibold tracking-tight">Strix</h1>
          <p className="text-sm text-neutral-400">tags → boxes → SAM masks, linked to what you ask about them</p>
        </header>
        <main className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <ImageWorkspace />
          <aside className="flex flex-col gap-4" aria-label="Analysis">
            <Panel title="What Strix sees">
              <EntityPanel />
            </Panel>
            <Panel title="Ask">
              <ChatPanel />
            </Panel>
            <Panel title="Sound">
              <SoundSection />
            </Panel>
          </aside>
        </main>
      </div>
    </AnalysisProvider>
  );
}
