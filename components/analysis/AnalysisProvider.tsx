'use client';
/**
 * The one store every panel shares: analysis results, display settings, and which entity is hovered or
 * selected. The canvas, the entity list, the chat (answer spans) and the audio panel all read and write
 * the same hovered/selected ids, so a link works in every direction.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Entity, Mask, WordResult } from '@/lib/shared/analysis';
import { visibleEntities, type AnalysisState } from '@/lib/client/analysisState';
import { useAnalysisRunner, type AnalyzeEventListener, type AnalyzeOptions } from './useAnalysisRunner';
import { useResultPersistence, type OpenState } from './useResultPersistence';
import { useRevealedMasks, type RevealedMasks } from './useRevealedMasks';
import type { HttpFailure } from '@/lib/client/http-error';

export interface ViewSettings {
  /** Minimum score drawn and listed; the server sends everything above SERVER_SCORE_FLOOR. */
  threshold: number;
  maskOpacity: number;
  showBoxes: boolean;
  showMasks: boolean;
  /** Stuff regions (wall, road, sky) drawn and listed. */
  showStuff: boolean;
}

export const DEFAULT_VIEW: ViewSettings = {
  threshold: 0.3,
  maskOpacity: 0.45,
  showBoxes: true,
  showMasks: true,
  showStuff: true,
};

export interface AnalysisStore {
  analysis: AnalysisState;
  /** Everything mode and words to find, sent with the next analysis. */
  analyzeOptions: AnalyzeOptions;
  setAnalyzeOptions(options: AnalyzeOptions): void;
  showFinds(results: WordResult[]): void;
  view: ViewSettings;
  /** Entities passing the threshold, in server order (highest score first); a video's only in the shown keyframe. */
  visible: Entity[];
  /** What an answer's phrase may link to: `visible`, but in every keyframe of a video (pointing at one shows its keyframe). */
  linkable: Entity[];
  hoveredEntityId: string | null;
  selectedEntityId: string | null;
  /** What is emphasised right now: the hovered entity, else the selected one. */
  highlightedEntityId: string | null;
  /** When set, only these entities are drawn at full strength (e.g. the ones an answer mentions). */
  spotlightEntityIds: readonly string[] | null;
  /**
   * Short notes drawn next to an entity's label: the server's sound sources ("sound: speech") merged with any
   * set through setBadge (which win).
   */
  badges: Readonly<Record<string, string>>;
  audioFile: File | null;

  /** Analyses an image (or, with null, only the chosen sound). */
  analyze(image: File | null): void;
  /** Runs the last image (and the current sound) again, e.g. after a clip was added; the conversation goes on. */
  reanalyze(): void;
  setAudioFile(file: File | null): void;
  /**
   * Sets (or clears, with null) the hovered entity. `owner` names who hovers ('stage', 'link'…): a clear from
   * one owner leaves another's hover alone, so the canvas's late mouse-leave cannot undo the hover a phrase
   * set as the pointer moved from a mask onto it. Without an owner the call always applies.
   */
  hoverEntity(id: string | null, owner?: string): void;
  selectEntity(id: string | null): void;
  /** Select, or clear when it is already selected. */
  toggleEntity(id: string): void;
  setSpotlight(ids: readonly string[] | null): void;
  setBadge(entityId: string, text: string | null): void;
  updateView(patch: Partial<ViewSettings>): void;
  /**
   * Adds entities found after the analysis (e.g. boxes an answer endpoint grounded) to the current result;
   * masks are wire masks keyed by entity id, decoded and painted here. Either argument may be empty.
   */
  addEntities(entities: Entity[], masks?: Record<string, Mask>): void;
  /** A video: draws keyframe `index` (its entities become the visible ones). */
  showKeyframe(index: number): void;
  /** Masks being cut for weaker things the score slider revealed (the analysis masks only those shown by default). */
  revealedMasks: RevealedMasks;
  /** Raw stream events as they arrive (after validation); returns an unsubscribe function. */
  subscribe(listener: AnalyzeEventListener): () => void;
  /** Reopening `/r/<id>`: loading, not found, or failed (state 'none' once shown or when there is nothing to open). */
  openState: OpenState;
  /** Deletes the shown result on the server and empties the page; resolves with the failure, if any. */
  deleteResult(): Promise<HttpFailure | null>;
}

const AnalysisContext = createContext<AnalysisStore | null>(null);

/** `resultId`: a stored result to reopen (the `/r/<id>` page). */
export function AnalysisProvider({ children, resultId }: { children: ReactNode; resultId?: string }) {
  const { analysis, run, open, clear, subscribe, addEntities, showFinds, showKeyframe } = useAnalysisRunner();
  const [analyzeOptions, setAnalyzeOptionsState] = useState<AnalyzeOptions>({});
  // Mirrors analyzeOptions so a change and an analysis in one handler already use the new options.
  const optionsRef = useRef<AnalyzeOptions>({});
  const setAnalyzeOptions = useCallback((options: AnalyzeOptions) => {
    optionsRef.current = options;
    setAnalyzeOptionsState(options);
  }, []);
  const [view, setView] = useState<ViewSettings>(DEFAULT_VIEW);
  const applyDisplay = useCallback(
    (display: Pick<ViewSettings, 'threshold' | 'maskOpacity'>) => setView((current) => ({ ...current, ...display })),
    [],
  );
  const { openState, deleteResult } = useResultPersistence({
    initialResultId: resultId,
    analysis,
    open,
    clear,
    threshold: view.threshold,
    maskOpacity: view.maskOpacity,
    applyDisplay,
  });
  const [hover, setHover] = useState<{ id: string | null; owner?: string }>({ id: null });
  const hoveredEntityId = hover.id;
  const hoverEntity = useCallback((id: string | null, owner?: string) => {
    setHover((current) => {
      if (id === null && owner && current.owner && current.owner !== owner) return current;
      return current.id === id && current.owner === owner ? current : { id, owner };
    });
  }, []);
  const [selectedEntityId, selectEntity] = useState<string | null>(null);
  const [spotlightEntityIds, setSpotlight] = useState<readonly string[] | null>(null);
  const [badges, setBadges] = useState<Record<string, string>>({});
  const [audioFile, setAudioFileState] = useState<File | null>(null);
  const lastImageRef = useRef<File | null>(null);
  // Mirrors audioFile so setAudioFile(f); reanalyze() in one handler already sends the new clip.
  const audioRef = useRef<File | null>(null);
  const setAudioFile = useCallback((file: File | null) => {
    audioRef.current = file;
    setAudioFileState(file);
  }, []);

  const analyze = useCallback(
    (image: File | null, chatFrom: string | null = null) => {
      lastImageRef.current = image;
      void run(image, audioRef.current, optionsRef.current, chatFrom);
    },
    [run],
  );

  useEffect(() => {
    // Entity ids are only meaningful within one result: when another one is shown, everything pointing at the old ones goes.
    hoverEntity(null);
    selectEntity(null);
    setSpotlight(null);
    setBadges({});
  }, [analysis.shownRunId]);

  // Its own memo so hovering keeps the same array: the canvas keys label placement and hover points on it.
  const visible = useMemo(
    () => visibleEntities(analysis.entities, view.threshold, view.showStuff, analysis.shownKeyframe),
    [analysis.entities, view.threshold, view.showStuff, analysis.shownKeyframe],
  );

  const addMasks = useCallback((masks: Record<string, Mask>) => addEntities([], masks), [addEntities]);
  const revealedMasks = useRevealedMasks(analysis, visible, addMasks);

  const linkable = useMemo(
    () =>
      analysis.keyframes.length
        ? analysis.entities.filter(
            (e) => visibleEntities([e], view.threshold, view.showStuff, e.keyframe ?? null).length > 0,
          )
        : visible,
    [analysis.entities, analysis.keyframes.length, view.threshold, view.showStuff, visible],
  );

  // A video's entity lives in one keyframe: pointing at it (a link, a track) first brings its keyframe up.
  const keyframeOf = useCallback(
    (ids: readonly string[]) => {
      const found = analysis.entities.filter((e) => ids.includes(e.id) && e.keyframe !== undefined);
      if (!found.length || found.some((e) => e.keyframe === analysis.shownKeyframe)) return;
      showKeyframe(found[0].keyframe!);
    },
    [analysis.entities, analysis.shownKeyframe, showKeyframe],
  );

  const allBadges = useMemo(() => {
    const fromSound: Record<string, string> = {};
    for (const source of analysis.soundSources)
      for (const id of source.entityIds) fromSound[id] = `♪ sound: ${source.phrase}`;
    return { ...fromSound, ...badges };
  }, [analysis.soundSources, badges]);

  const store = useMemo<AnalysisStore>(() => {
    const visibleIds = new Set(visible.map((e) => e.id));
    // A filtered-out entity cannot stay hovered or selected: there would be nothing on screen to show it.
    const hovered = hoveredEntityId && visibleIds.has(hoveredEntityId) ? hoveredEntityId : null;
    const selected = selectedEntityId && visibleIds.has(selectedEntityId) ? selectedEntityId : null;
    return {
      analysis,
      analyzeOptions,
      setAnalyzeOptions,
      showFinds,
      view,
      visible,
      linkable,
      hoveredEntityId: hovered,
      selectedEntityId: selected,
      highlightedEntityId: hovered ?? selected,
      spotlightEntityIds,
      badges: allBadges,
      audioFile,
      analyze,
      // The same photo again (a sound added or changed, other options): the conversation goes on with it.
      reanalyze: () => {
        if (lastImageRef.current || audioRef.current)
          analyze(lastImageRef.current, lastImageRef.current ? analysis.resultId : null);
      },
      setAudioFile,
      hoverEntity,
      selectEntity,
      toggleEntity: (id) => {
        keyframeOf([id]);
        selectEntity((current) => (current === id ? null : id));
      },
      setSpotlight: (ids) => {
        if (ids) keyframeOf(ids);
        setSpotlight(ids);
      },
      setBadge: (entityId, text) =>
        setBadges((current) => {
          const next = { ...current };
          if (text) next[entityId] = text;
          else delete next[entityId];
          return next;
        }),
      updateView: (patch) => setView((current) => ({ ...current, ...patch })),
      addEntities,
      showKeyframe,
      revealedMasks,
      subscribe,
      openState,
      deleteResult,
    };
  }, [
    analysis,
    analyzeOptions,
    setAnalyzeOptions,
    showFinds,
    view,
    visible,
    linkable,
    hoveredEntityId,
    selectedEntityId,
    spotlightEntityIds,
    allBadges,
    audioFile,
    setAudioFile,
    analyze,
    addEntities,
    showKeyframe,
    revealedMasks,
    keyframeOf,
    subscribe,
    openState,
    deleteResult,
  ]);

  return <AnalysisContext.Provider value={store}>{children}</AnalysisContext.Provider>;
}

export function useAnalysis(): AnalysisStore {
  const store = useContext(AnalysisContext);
  if (!store) throw new Error('useAnalysis must be used inside <AnalysisProvider>');
  return store;
}
