/** `/r/<id>` for a result that is not there (never was, deleted, or dropped by retention), or that failed to load. */
import type { OpenState } from './analysis/useResultPersistence';

export function ResultNotFound({ openState }: { openState: Extract<OpenState, { state: 'not-found' | 'failed' }> }) {
  return (
    <main
      data-testid="result-not-found"
      data-state={openState.state}
      className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-3 text-center"
    >
      <h2 className="text-lg font-semibold">
        {openState.state === 'not-found' ? 'No such result' : 'This result could not be opened'}
      </h2>
      <p className="text-sm text-neutral-300">
        {openState.state === 'not-found'
          ? 'It may have been deleted, or removed to make room for newer ones. Results are kept on the server that made them.'
          : openState.error.message}
      </p>
      <a href="/" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700">
        Analyse an image
      </a>
    </main>
  );
}
