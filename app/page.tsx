import { AnalysisProvider } from '@/components/analysis/AnalysisProvider';
import { Workspace } from '@/components/Workspace';

export default function HomePage() {
  return (
    <AnalysisProvider>
      <Workspace />
    </AnalysisProvider>
  );
}
