/**
 * The built-in grounded answerer: answers from the scene graph with fixed rules, and says so. It is not a
 * language model and never pretends to be one; it exists so every question gets a grounded answer with no
 * model server, and as the fallback when a configured endpoint fails. It links every phrase it writes to the
 * entities it means at the moment of writing (method "generated"): no matcher guesses afterwards.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { decapitalizeMarked, resolveMarkup, type LinkedText } from '../links/markup';
import { computeSceneFacts, type SceneFacts } from '../scene-facts';
import type { AnswerSceneInput } from '../types';
import { regionAnswer, superlativeAnswer, whereAnswer } from './compose-details';
import { colourAnswer } from './compose-colour';
import { colourSearchAnswer } from './compose-colour-search';
import { relationAnswer } from './compose-relation';
import { sideChoice } from './compose-two-things';
import { betweenAnswer } from './compose-between';
import { togetherAnswer } from './compose-together';
import { compareAnswer, countAnswer } from './compose-count';
import type { ComposeContext } from './compose-overview';
import { describeAnswer, existsAnswer } from './compose-describe';
import { identityAnswer } from './compose-identity';
import { kindAnswer } from './compose-kind';
import { soundAnswer } from './compose-sound';
import { activityAnswer } from './compose-activity';
import { placeAnswer } from './compose-place';
import { wearingAnswer } from './compose-wearing';
import { partAnswer } from './compose-part';
import { whoAnswer } from './compose-who';
import { airborneAnswer, verifyRelationAnswer } from './compose-verify';
import { cannotAnswer, greetingAnswer, unknownAnswer } from './compose-talk';
import { textAnswer } from './compose-text';
import { resolveQuestion } from './conversation';
import { hashSeed } from './phrasing';
import { ROLE_OBJECTS } from '../roles';
import { comparisonAnswer } from './compose-comparison';
import { skyAnswer } from './compose-sky';
import { sizeAnswer } from './compose-size';
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import { joinList } from './phrasing';
import { aboutAnswer } from './compose-about';

const COMPOSERS: Record<string, (ctx: ComposeContext) => string> = {
  greeting: (ctx) => greetingAnswer(ctx, false),
  help: (ctx) => greetingAnswer(ctx, true),
  cannot: cannotAnswer,
  describe: describeAnswer,
  count: countAnswer,
  compare: compareAnswer,
  exists: existsAnswer,
  identity: identityAnswer,
  where: whereAnswer,
  colour: colourAnswer,
  'colour-search': colourSearchAnswer,
  superlative: superlativeAnswer,
  relation: (ctx) => (ctx.question.yesNo ? yesOrNo(relationAnswer(ctx)) : relationAnswer(ctx)),
  about: aboutAnswer,
  region: regionAnswer,
  sound: soundAnswer,
  text: textAnswer,
  place: placeAnswer,
  activity: activityAnswer,
  wearing: wearingAnswer,
  who: whoAnswer,
  'verify-relation': verifyRelationAnswer,
  'verify-comparison': comparisonAnswer,
  sky: skyAnswer,
  size: sizeAnswer,
  airborne: airborneAnswer,
  'side-choice': sideChoice,
  between: betweenAnswer,
  together: togetherAnswer,
  part: partAnswer,
  kind: kindAnswer,
};

/** The answer to the last message, with its links. `facts` may be passed when the caller already has them. */
export function composeLinkedAnswer(input: AnswerSceneInput, messages: ChatMessage[], facts?: SceneFacts): LinkedText {
  const sceneFacts = facts ?? computeSceneFacts(input);
  const recompose = (earlier: ChatMessage[]) => composeLinkedAnswer(input, earlier, sceneFacts);
  const question = resolveQuestion(messages, sceneFacts, recompose);
  // Same question about the same result → same wording (stable tests, recomposable history); others vary.
  const seed = hashSeed(`${question.question.trim().toLowerCase()}|${input.resultId ?? ''}`);
  const ctx: ComposeContext = { facts: sceneFacts, question, seed };
  const answer = (COMPOSERS[question.type] ?? unknownAnswer)(ctx);
  const caveats = [
    question.roleUnmatched && ABOUT_SOMEONE.has(question.type) ? roleCaveat(question.roleUnmatched) : '',
    question.colourUnmatched && (ABOUT_SOMEONE.has(question.type) || question.type === 'count')
      ? colourCaveat(question.targetLabels[0], question.colourUnmatched)
      : '',
  ].filter(Boolean);
  return resolveMarkup(caveats.length ? `${caveats.join(' ')} ${answer}` : answer);
}

/** "I see no person in red, so this is about each of them." */
function colourCaveat(label: string, colours: string[]): string {
  const thing = WEARS_CLOTHES.has(label) ? `${label} in ${joinList(colours)}` : `${joinList(colours)} ${label}`;
  return `I see no ${thing}, so this is about each one I see.`;
}

/**
 * "Is there anything on the table?" answered by what is on it: "Yes: the book is on the table.", or "No: nothing
 * I detected is…". Answers that cannot tell (no table, contents too small to see) stay as they are.
 */
function yesOrNo(answer: string): string {
  if (/^Nothing I detected\b/.test(answer)) return `No: ${decapitalizeMarked(answer)}`;
  if (/^(I |Which one|There is no)/.test(answer)) return answer;
  return `Yes: ${decapitalizeMarked(answer)}`;
}

/** Answers that would pass a person off as the one a role noun names. */
const ABOUT_SOMEONE = new Set(['relation', 'activity', 'where', 'colour', 'who', 'wearing', 'verify-relation']);

function roleCaveat(role: string): string {
  return `I can't tell who the ${role} is: nothing that marks one (${ROLE_OBJECTS[role].join(', ')}) is in view, so this is about everyone I see.`;
}

/** The answer's text alone. */
export function composeBuiltinAnswer(input: AnswerSceneInput, messages: ChatMessage[], facts?: SceneFacts): string {
  return composeLinkedAnswer(input, messages, facts).text;
}

/** Splits text into word chunks (each word with the spaces after it) whose concatenation is the text. */
export function wordChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export interface BuiltinStreamOptions {
  /** Pause between chunks, so the UI shows the answer being written. 0 (default) only yields to the event loop. */
  chunkDelayMs?: number;
  signal?: AbortSignal;
}

/** The answer's words as chunks, so the UI streams it like a model's answer even though it is computed at once. */
export async function* streamWords(text: string, options: BuiltinStreamOptions = {}): AsyncIterable<string> {
  for (const chunk of wordChunks(text)) {
    if (options.signal?.aborted) return;
    yield chunk;
    await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs ?? 0));
  }
}
