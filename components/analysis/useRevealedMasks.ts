/**
 * The analysis masks only the things shown at the default score threshold. When the slider reveals weaker ones,
 * this asks the server for their masks (POST /api/results/<id>/masks, cut from the cached embedding) once the
 * slider has rested, and paints them like streamed ones. Each entity is asked for once per result.
 */
import { useEffect, useRef, useState } from 'react';
import type { Entity, Mask } from '@/lib/shared/analysis';
import { MAX_MASK_REQUEST_IDS } from '@/lib/shared/entity-masks';
import type { AnalysisState } from '@/lib/client/analysisState';
import { requestEntityMasks } from '@/lib/client/resultsApi';

/** How long the slider must rest before masks are asked for, so dragging it asks once. */
const SETTLE_MS = 300;

export interface RevealedMasks {
  /** How many revealed things' masks are being cut now. */
  cutting: number;
  /** Why the last request failed, or null. */
  error: string | null;
}

export function useRevealedMasks(
  analysis: AnalysisState,
  visible: Entity[],
  addMasks: (masks: Record<string, Mask>) => void,
): RevealedMasks {
  const asked = useRef(new Set<string>());
  // Aborted when another result comes on screen: its entity ids (e1, e2…) would take the old result's masks.
  const forResult = useRef(new AbortController());
  const [state, setState] = useState<RevealedMasks>({ cutting: 0, error: null });
  const { resultId, status, video, masks } = analysis;

  // biome-ignore lint/correctness/useExhaustiveDependencies: resultId is the trigger: another result starts afresh.
  useEffect(() => {
    forResult.current.abort();
    forResult.current = new AbortController();
    asked.current = new Set();
    setState({ cutting: 0, error: null });
  }, [resultId]);

  useEffect(() => {
    if (!resultId || status !== 'done' || video) return;
    const unmasked = visible
      .filter((e) => e.kind === 'thing' && !masks[e.id] && !asked.current.has(e.id))
      .slice(0, MAX_MASK_REQUEST_IDS)
      .map((e) => e.id);
    if (unmasked.length === 0) return;
    const { signal } = forResult.current;
    const timer = setTimeout(async () => {
      for (const id of unmasked) asked.current.add(id);
      setState({ cutting: unmasked.length, error: null });
      const answer = await requestEntityMasks(resultId, unmasked, signal).catch(() => null);
      if (!answer || signal.aborted) return;
      if (!answer.ok) return setState({ cutting: 0, error: answer.error.message });
      addMasks(
        Object.fromEntries(answer.value.events.flatMap((e) => (e.type === 'mask' ? [[e.entityId, e.mask]] : []))),
      );
      setState({ cutting: 0, error: null });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [resultId, status, video, masks, visible, addMasks]);

  return state;
}
