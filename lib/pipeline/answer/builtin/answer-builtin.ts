/**
 * The built-in grounded answerer: answers from the scene facts with fixed rules, and says so. It is not a
 * language model and never pretends to be one; it exists so every question gets a grounded answer with no
 * model server, and as the fallback when a configured endpoint fails.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { computeSceneFacts, type SceneFacts } from '../scene-facts';
import type { AnswerSceneInput } from '../types';
import { colourAnswer, greetingAnswer, relationAnswer, soundAnswer, superlativeAnswer, unknownAnswer, whereAnswer } from './compose-details';
import { textAnswer } from './compose-text';
import { countAnswer, describeAnswer, existsAnswer, type ComposeContext } from './compose-overview';
import { resolveQuestion } from './conversation';
import { hashSeed } from './phrasing';

/** The whole answer at once. `facts` may be passed when the caller already computed them. */
export function composeBuiltinAnswer(input: AnswerSceneInput, messages: ChatMessage[], facts?: SceneFacts): string {
  const sceneFacts = facts ?? computeSceneFacts(input);
  const sceneLabels = [...new Set(sceneFacts.entities.map((e) => e.label))];
  const question = resolveQuestion(messages, sceneLabels);
  // Same question about the same result → same wording (stable tests, stable permalinks); other questions vary.
  const seed = hashSeed(`${question.question.trim().toLowerCase()}|${input.resultId ?? ''}`);
  const ctx: ComposeContext = { facts: sceneFacts, question, seed };
  switch (question.type) {
    case 'greeting':
      return greetingAnswer(ctx, false);
    case 'help':
      return greetingAnswer(ctx, true);
    case 'describe':
      return describeAnswer(ctx);
    case 'count':
      return countAnswer(ctx);
    case 'exists':
      return existsAnswer(ctx);
    case 'where':
      return whereAnswer(ctx);
    case 'colour':
      return colourAnswer(ctx);
    case 'superlative':
      return superlativeAnswer(ctx);
    case 'relation':
      return relationAnswer(ctx);
    case 'sound':
      return soundAnswer(ctx);
    case 'text':
      return textAnswer(ctx);
    default:
      return unknownAnswer(ctx);
  }
}

/** Splits text into word chunks (each word with the spaces after it) whose concatenation is the text. */
export function wordChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export interface BuiltinStreamOptions {
  /** Pause between chunks, so the UI shows the answer being written. 0 (default) only yields to the event loop. */
  chunkDelayMs?: number;
  signal?: AbortSignal;
  facts?: SceneFacts;
}

/** The answer as word chunks, so the UI streams it like a model's answer even though it is computed at once. */
export async function* answerBuiltin(
  input: AnswerSceneInput,
  messages: ChatMessage[],
  options: BuiltinStreamOptions = {},
): AsyncIterable<string> {
  const text = composeBuiltinAnswer(input, messages, options.facts);
  for (const chunk of wordChunks(text)) {
    if (options.signal?.aborted) return;
    yield chunk;
    await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs ?? 0));
  }
}
