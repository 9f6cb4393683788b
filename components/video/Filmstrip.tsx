'use client';
/**
 * A video's keyframes in time order, each a button that draws that frame (with its masks) in the stage. A
 * keyframe that holds a pointed-at object (a track, an answer's phrase) is ringed, so one object lights up in
 * every frame it was seen in.
 */
import { useAnalysis } from '../analysis/AnalysisProvider';

export function Filmstrip() {
  const { analysis, showKeyframe, spotlightEntityIds, highlightedEntityId } = useAnalysis();
  const pointed = new Set([...(spotlightEntityIds ?? []), ...(highlightedEntityId ? [highlightedEntityId] : [])]);
  const lit = new Set(analysis.entities.filter((e) => pointed.has(e.id)).map((e) => e.keyframe));
  return (
    <ol className="flex gap-2 overflow-x-auto pb-1" aria-label="Keyframes" data-testid="filmstrip">
      {analysis.keyframes.map((k) => {
        const shown = k.index === analysis.shownKeyframe;
        return (
          <li key={k.index} className="shrink-0">
            <button
              type="button"
              aria-pressed={shown}
              aria-label={`Keyframe ${k.index + 1} at ${k.timeSec.toFixed(1)} s (${k.reason.replace('-', ' ')})`}
              data-testid="keyframe"
              data-lit={lit.has(k.index) ? 'true' : 'false'}
              onClick={() => showKeyframe(k.index)}
              className={`flex flex-col items-center gap-0.5 rounded-md border-2 p-0.5 text-[11px] text-neutral-300 focus-visible:outline-2 focus-visible:outline-sky-400 ${
                shown ? 'border-sky-400' : lit.has(k.index) ? 'border-amber-300' : 'border-transparent'
              }`}
            >
              {/* A data URL from the stream: next/image adds nothing here. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={k.url} alt="" className="h-14 w-auto rounded" />
              <span>{k.timeSec.toFixed(1)} s</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
