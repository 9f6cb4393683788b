/**
 * Analysis state as a pure reducer so the ordering rules (stream events, new runs, hover/selection) are
 * testable without a browser. Masks carry a painted canvas, created by the caller before dispatch, because
 * painting needs the DOM and the reducer must stay pure.
 */
import {
  passesThreshold,
  type AnalyzeEvent,
  type Entity,
  type StageName,
  type Tag,
  type WordResult,
} from '@/lib/shared/analysis';
import type { AudioSummary } from '@/lib/shared/audio';
import type { StoredChatTurn } from '@/lib/shared/result';
import type { Keyframe, Track, VideoInfo } from '@/lib/shared/video';
import type { ClientMask } from '../shared/mask-bitmap';

export interface StageProgress {
  stage: StageName;
  status: 'start' | 'done' | 'skipped';
  ms?: number;
  detail?: string;
}

export interface DrawableMask extends ClientMask {
  /** Offscreen canvas of the mask's box in the entity's light colour (undefined outside a browser). */
  canvas?: HTMLCanvasElement;
}

/** The server tied the sound to these visible entities (e.g. a bark → the dog in view). */
export type SoundSource = Omit<Extract<AnalyzeEvent, { type: 'sound-source' }>, 'type'>;

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface AnalysisError {
  code: string;
  message: string;
}

/** A run that has started but not yet sent anything: the result on screen stays until it does. */
export interface PendingRun {
  imageUrl: string | null;
  imageName: string | null;
  chatFrom: string | null;
  /** What the shown result's status goes back to if the new run fails before its first event. */
  previousStatus: RunStatus;
}

export interface AnalysisState {
  /** Increments on every new run; events from an older run are ignored. */
  runId: number;
  /**
   * The run whose result is on screen. It changes when a new run's first event arrives (or a stored result
   * is opened), not when the upload starts, so a rejected upload leaves the previous result, chat included.
   */
  shownRunId: number;
  pending: PendingRun | null;
  status: RunStatus;
  /** Object URL of the uploaded image, drawn under the overlays. */
  imageUrl: string | null;
  imageName: string | null;
  image: { width: number; height: number; hash: string } | null;
  /** Stages in the order the server first reported them. */
  stages: StageProgress[];
  tags: Tag[];
  /** Entities in arrival order (the server sends highest score first). */
  entities: Entity[];
  masks: Record<string, DrawableMask>;
  /** Find by word: what each word asked for matched (empty when none was asked). */
  finds: WordResult[];
  audio: AudioSummary | null;
  soundSources: SoundSource[];
  resultId: string | null;
  totalMs: number | null;
  error: AnalysisError | null;
  /** The conversation of a reopened stored result (empty for a fresh analysis). */
  restoredChat: StoredChatTurn[];
  /** The result whose conversation this run continues (the same photo analysed again), or null. */
  chatFrom: string | null;
  /** A video's facts, keyframes (in arrival order, which is time order) and tracks; null/empty for a photo. */
  video: VideoInfo | null;
  keyframes: Keyframe[];
  tracks: Track[];
  /** The keyframe drawn under the overlays; only its entities are shown. */
  shownKeyframe: number | null;
}

export const initialAnalysisState: AnalysisState = {
  runId: 0,
  shownRunId: 0,
  pending: null,
  status: 'idle',
  imageUrl: null,
  imageName: null,
  image: null,
  stages: [],
  tags: [],
  entities: [],
  masks: {},
  audio: null,
  soundSources: [],
  finds: [],
  resultId: null,
  totalMs: null,
  error: null,
  restoredChat: [],
  chatFrom: null,
  video: null,
  keyframes: [],
  tracks: [],
  shownKeyframe: null,
};

export type AnalysisAction =
  | { type: 'run-started'; runId: number; imageUrl: string | null; imageName: string | null; chatFrom?: string | null }
  | { type: 'event'; runId: number; event: AnalyzeEvent; mask?: DrawableMask | null }
  | { type: 'failed'; runId: number; error: AnalysisError }
  /**
   * Entities found after the analysis (boxes an answer endpoint grounded, a point-mode entity), with their
   * painted masks; runId is the shown run's.
   */
  | { type: 'entities-added'; runId: number; entities: Entity[]; masks: Record<string, DrawableMask> }
  /** A stored result reopened: its recorded events replayed in order, with their painted masks. */
  | {
      type: 'restored';
      runId: number;
      resultId: string;
      imageUrl: string | null;
      imageName: string | null;
      replay: ReplayedEvent[];
      chat: StoredChatTurn[];
    }
  /** The result was deleted (or left): back to the empty page. */
  | { type: 'cleared'; runId: number }
  /** A video's keyframe chosen in the filmstrip or timeline (or by selecting one of its entities). */
  | { type: 'show-keyframe'; index: number };

export interface ReplayedEvent {
  event: AnalyzeEvent;
  mask?: DrawableMask | null;
}

function freshRun(
  runId: number,
  imageUrl: string | null,
  imageName: string | null,
  chatFrom: string | null = null,
): AnalysisState {
  return { ...initialAnalysisState, runId, shownRunId: runId, status: 'running', imageUrl, imageName, chatFrom };
}

export function analysisReducer(state: AnalysisState, action: AnalysisAction): AnalysisState {
  if (action.type === 'run-started') {
    // With nothing on screen the new image shows at once; otherwise the current result stays until the
    // server accepts the new one.
    const chatFrom = action.chatFrom ?? null;
    if (state.imageUrl === null && state.entities.length === 0 && state.audio === null)
      return freshRun(action.runId, action.imageUrl, action.imageName, chatFrom);
    const pending = {
      imageUrl: action.imageUrl,
      imageName: action.imageName,
      chatFrom,
      previousStatus: state.pending?.previousStatus ?? state.status,
    };
    return { ...state, runId: action.runId, status: 'running', error: null, pending };
  }
  if (action.type === 'restored') {
    const opened = freshRun(action.runId, action.imageUrl, action.imageName);
    const replayed = action.replay.reduce((current, { event, mask }) => applyEvent(current, event, mask), opened);
    return {
      ...replayed,
      status: replayed.status === 'running' ? 'done' : replayed.status,
      resultId: action.resultId,
      restoredChat: action.chat,
    };
  }
  if (action.type === 'cleared') return { ...initialAnalysisState, runId: action.runId, shownRunId: action.runId };
  if (action.type === 'show-keyframe') return showKeyframe(state, action.index);
  if (action.type === 'entities-added') {
    if (action.runId !== state.shownRunId) return state; // found for a result no longer on screen
    const added = new Set(action.entities.map((e) => e.id));
    return {
      ...state,
      entities: [...state.entities.filter((e) => !added.has(e.id)), ...action.entities],
      masks: { ...state.masks, ...action.masks },
    };
  }
  if (action.runId !== state.runId) return state; // a superseded run still streaming
  if (action.type === 'failed') {
    // Rejected before its first event: the result on screen stays, with the reason beside it.
    if (state.pending) return { ...state, status: state.pending.previousStatus, pending: null, error: action.error };
    return { ...state, status: 'error', error: action.error };
  }
  const current = state.pending
    ? freshRun(state.runId, state.pending.imageUrl, state.pending.imageName, state.pending.chatFrom)
    : state;
  return applyEvent(current, action.event, action.mask);
}

function applyEvent(state: AnalysisState, event: AnalyzeEvent, mask: DrawableMask | null | undefined): AnalysisState {
  switch (event.type) {
    case 'image':
      return { ...state, image: { width: event.width, height: event.height, hash: event.hash } };
    case 'stage': {
      const progress: StageProgress = { stage: event.stage, status: event.status, ms: event.ms, detail: event.detail };
      const known = state.stages.some((s) => s.stage === event.stage);
      const stages = known
        ? state.stages.map((s) => (s.stage === event.stage ? progress : s))
        : [...state.stages, progress];
      return { ...state, stages };
    }
    case 'tags':
      return { ...state, tags: event.tags };
    case 'entity': {
      // A later stage may send an entity again with more to say (a fine name, an alternative): it keeps its place.
      const known = state.entities.some((e) => e.id === event.entity.id);
      const entities = known
        ? state.entities.map((e) => (e.id === event.entity.id ? event.entity : e))
        : [...state.entities, event.entity];
      return { ...state, entities };
    }
    case 'mask':
      return mask ? { ...state, masks: { ...state.masks, [event.entityId]: mask } } : state;
    case 'audio':
      return { ...state, audio: event.audio };
    case 'sound-source': {
      const { type: _type, ...source } = event;
      return { ...state, soundSources: [...state.soundSources, source] };
    }
    case 'find':
      return { ...state, finds: event.results };
    case 'video':
      return { ...state, video: event.video };
    case 'keyframe': {
      const next = {
        ...state,
        keyframes: [...state.keyframes.filter((k) => k.index !== event.keyframe.index), event.keyframe],
      };
      // The first keyframe shows at once; later ones wait in the filmstrip until chosen.
      return state.shownKeyframe === null ? showKeyframe(next, event.keyframe.index) : next;
    }
    case 'track':
      return { ...state, tracks: [...state.tracks.filter((t) => t.id !== event.track.id), event.track] };
    case 'done':
      return { ...state, status: 'done', resultId: event.resultId, totalMs: event.totalMs };
    case 'error':
      return { ...state, status: 'error', error: { code: event.code, message: event.message } };
  }
}

function showKeyframe(state: AnalysisState, index: number): AnalysisState {
  const keyframe = state.keyframes.find((k) => k.index === index);
  if (!keyframe) return state;
  const image = { width: keyframe.width, height: keyframe.height, hash: `keyframe-${index}` };
  return { ...state, imageUrl: keyframe.url, image, shownKeyframe: index };
}

/** The stage running now: the last one that started and has not finished. */
export function currentStage(stages: readonly StageProgress[]): StageName | null {
  for (let i = stages.length - 1; i >= 0; i--) if (stages[i].status === 'start') return stages[i].stage;
  return null;
}

/**
 * Entities at or above the score threshold (stuff regions only when shown), in their original order; for a
 * video, only those of the keyframe on screen.
 */
export function visibleEntities(
  entities: readonly Entity[],
  threshold: number,
  showStuff = true,
  keyframe: number | null = null,
): Entity[] {
  return entities.filter(
    (e) =>
      passesThreshold(e, threshold) &&
      (showStuff || e.kind !== 'stuff') &&
      (e.keyframe === undefined || e.keyframe === keyframe),
  );
}
