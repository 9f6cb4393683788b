/**
 * The conversation as a pure reducer, so the streaming rules (tokens append, a fallback switches source, links
 * arrive once for the whole answer, a stop keeps what was said) are testable without a browser.
 */
import type { Entity } from '@/lib/shared/analysis';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES, type ChatEvent, type ChatMessage, type LinkSpan } from '@/lib/shared/chat';
import type { StoredChatTurn } from '@/lib/shared/result';
import type { ChatFailure } from './streamChat';

export interface AnswerSourceInfo {
  kind: 'builtin' | 'endpoint';
  model?: string;
  /** The server's own description (e.g. the endpoint's host), shown as a tooltip. */
  label: string;
}

export interface UserTurn {
  id: string;
  role: 'user';
  text: string;
}

export interface AssistantTurn {
  id: string;
  role: 'assistant';
  /** Every token so far, concatenated: link offsets index into exactly this string. */
  text: string;
  streaming: boolean;
  /** In arrival order; more than one only after a fallback. */
  sources: AnswerSourceInfo[];
  fallbackReasons: string[];
  /** null until the `links` event: the text is then shown plain. */
  spans: LinkSpan[] | null;
  /** Entities the endpoint grounded for this answer (grounding mode). */
  groundedEntities: Entity[];
  error: ChatFailure | null;
  stopped: boolean;
}

export type ChatTurn = UserTurn | AssistantTurn;

export interface ChatState {
  turns: ChatTurn[];
}

export const initialChatState: ChatState = { turns: [] };

export type ChatAction =
  | { type: 'asked'; userId: string; assistantId: string; text: string }
  | { type: 'event'; assistantId: string; event: ChatEvent }
  | { type: 'failed'; assistantId: string; error: ChatFailure }
  | { type: 'stopped'; assistantId: string }
  /** The stream closed; without a `done` that is an error, and it is reported as one. */
  | { type: 'ended'; assistantId: string }
  | { type: 'reset' }
  /** A reopened result's conversation, as the server stored it. */
  | { type: 'restored'; turns: StoredChatTurn[] };

/**
 * A stored turn as a settled turn of this conversation. The stored source is the answerer's kind or label
 * ("builtin", "Built-in grounded answerer …", or an endpoint's model), so a leading "built-in" names the
 * built-in answerer and anything else an endpoint.
 */
function fromStored(turn: StoredChatTurn, index: number): ChatTurn {
  const id = `s${index}`;
  if (turn.role === 'user') return { id, role: 'user', text: turn.content };
  const sources: AnswerSourceInfo[] = turn.source
    ? [{ kind: /^built-?in/i.test(turn.source) ? 'builtin' : 'endpoint', label: turn.source }]
    : [];
  return { ...emptyAnswer(id), text: turn.content, streaming: false, sources, spans: turn.links ?? null };
}

function emptyAnswer(id: string): AssistantTurn {
  return {
    id,
    role: 'assistant',
    text: '',
    streaming: true,
    sources: [],
    fallbackReasons: [],
    spans: null,
    groundedEntities: [],
    error: null,
    stopped: false,
  };
}

function applyEvent(turn: AssistantTurn, event: ChatEvent): AssistantTurn {
  switch (event.type) {
    case 'source':
      return { ...turn, sources: [...turn.sources, { kind: event.kind, model: event.model, label: event.label }] };
    case 'token':
      return { ...turn, text: turn.text + event.text };
    case 'fallback':
      return { ...turn, fallbackReasons: [...turn.fallbackReasons, event.reason] };
    case 'links':
      return { ...turn, spans: event.spans };
    case 'entity':
      return {
        ...turn,
        groundedEntities: [...turn.groundedEntities.filter((e) => e.id !== event.entity.id), event.entity],
      };
    case 'done':
      return { ...turn, streaming: false };
    case 'error':
      return { ...turn, streaming: false, error: { code: event.code, message: event.message } };
    default:
      // `grounded` boxes become entities (and masks) on the server; newer event kinds are not ours to show.
      return turn;
  }
}

function updateAnswer(state: ChatState, id: string, update: (turn: AssistantTurn) => AssistantTurn): ChatState {
  let changed = false;
  const turns = state.turns.map((turn) => {
    if (turn.id !== id || turn.role !== 'assistant') return turn;
    changed = true;
    return update(turn);
  });
  return changed ? { turns } : state;
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'asked':
      return {
        turns: [
          ...state.turns,
          { id: action.userId, role: 'user', text: action.text },
          emptyAnswer(action.assistantId),
        ],
      };
    case 'event':
      // Events after the answer settled (a stop raced the stream) must not reopen it.
      return updateAnswer(state, action.assistantId, (turn) =>
        turn.streaming ? applyEvent(turn, action.event) : turn,
      );
    case 'failed':
      return updateAnswer(state, action.assistantId, (turn) => ({ ...turn, streaming: false, error: action.error }));
    case 'stopped':
      return updateAnswer(state, action.assistantId, (turn) =>
        turn.streaming ? { ...turn, streaming: false, stopped: true } : turn,
      );
    case 'ended':
      return updateAnswer(state, action.assistantId, (turn) =>
        turn.streaming
          ? {
              ...turn,
              streaming: false,
              error: { code: 'incomplete', message: 'The answer stream ended before it finished.' },
            }
          : turn,
      );
    case 'reset':
      return initialChatState;
    case 'restored':
      return { turns: action.turns.map(fromStored) };
  }
}

export function isStreaming(state: ChatState): boolean {
  return state.turns.some((turn) => turn.role === 'assistant' && turn.streaming);
}

/**
 * The history the server gets, ending with the new question. Answers that produced no text (failed at once)
 * are left out, since an empty assistant turn tells the model nothing; long ones are cut to the schema's limit;
 * the oldest turns go first when the conversation outgrows MAX_MESSAGES.
 */
export function toRequestMessages(turns: readonly ChatTurn[], question: string): ChatMessage[] {
  const history: ChatMessage[] = turns
    .filter((turn) => turn.role === 'user' || turn.text.trim().length > 0)
    .map((turn) => ({ role: turn.role, content: turn.text.slice(0, MAX_MESSAGE_CHARS) }));
  history.push({ role: 'user', content: question.slice(0, MAX_MESSAGE_CHARS) });
  return history.slice(-MAX_MESSAGES);
}
