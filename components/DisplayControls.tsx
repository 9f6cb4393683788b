'use client';
/**
 * Client-side display settings: re-filter and re-draw. The one request they cause: lowering the score threshold
 * under the default reveals things the analysis did not mask, and their masks are cut then (useRevealedMasks).
 */
import { SERVER_SCORE_FLOOR } from '@/lib/shared/analysis';
import { useAnalysis } from './analysis/AnalysisProvider';

export function DisplayControls() {
  const { view, updateView, visible, analysis, revealedMasks } = useAnalysis();
  return (
    // `contents`: the controls flow in the toolbar that holds them (with point mode), wrapping as one row.
    <div className="contents text-sm text-neutral-300">
      <label className="flex items-center gap-2">
        <span>Score ≥</span>
        <input
          data-testid="threshold"
          type="range"
          min={SERVER_SCORE_FLOOR}
          max={1}
          step={0.01}
          value={view.threshold}
          onChange={(event) => updateView({ threshold: Number(event.currentTarget.value) })}
          className="w-20 accent-sky-500"
        />
        <output className="w-9 tabular-nums text-neutral-100">{view.threshold.toFixed(2)}</output>
        <span className="text-xs text-neutral-400 tabular-nums">
          {visible.length}/{analysis.entities.length} shown
        </span>
      </label>
      {(revealedMasks.cutting > 0 || revealedMasks.error) && (
        <span role="status" data-testid="revealed-masks" className="text-xs text-neutral-400">
          {revealedMasks.error
            ? `Masks for the weaker boxes failed: ${revealedMasks.error}`
            : `Cutting masks for ${revealedMasks.cutting} weaker ${revealedMasks.cutting === 1 ? 'box' : 'boxes'}…`}
        </span>
      )}
      <label className="flex items-center gap-2">
        <span>Mask opacity</span>
        <input
          data-testid="opacity"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={view.maskOpacity}
          onChange={(event) => updateView({ maskOpacity: Number(event.currentTarget.value) })}
          className="w-20 accent-sky-500"
        />
        <output className="w-9 tabular-nums text-neutral-100">{view.maskOpacity.toFixed(2)}</output>
      </label>
      <span className="flex items-center gap-3">
        <label className="flex items-center gap-1.5">
          <input
            data-testid="show-boxes"
            type="checkbox"
            checked={view.showBoxes}
            onChange={(e) => updateView({ showBoxes: e.currentTarget.checked })}
            className="accent-sky-500"
          />
          Boxes
        </label>
        <label className="flex items-center gap-1.5">
          <input
            data-testid="show-masks"
            type="checkbox"
            checked={view.showMasks}
            onChange={(e) => updateView({ showMasks: e.currentTarget.checked })}
            className="accent-sky-500"
          />
          Masks
        </label>
      </span>
    </div>
  );
}
