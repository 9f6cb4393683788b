/**
 * Multi-turn context for the built-in answerer: resolves "it / they" and short follow-ups ("and the dog?")
 * against the earlier turns, so a conversation reads like one.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { findLabelMentions } from '../vocabulary';
import { classifyQuestion, normalizeQuestion, type ClassifiedQuestion } from './classify-question';

export interface ResolvedQuestion extends ClassifiedQuestion {
  question: string;
  /** Labels the answer is about: the question's own, or the referent of its pronoun from earlier turns. */
  targetLabels: string[];
  /** True when targetLabels came from the history rather than the question itself. */
  fromHistory: boolean;
}

const FOLLOW_UP = /^(and|what about|how about|also|then)\b/;

/**
 * Classifies the last user message in the light of the earlier ones:
 * - a pronoun with no label of its own refers to the last label the user asked about, else to the first
 *   label of the last answer ("is there a dog?" … "where is it?" → dog);
 * - a short question with a label but no recognisable type takes the previous question's type
 *   ("what colour is the car?" … "and the dog?" → colour of the dog).
 */
export function resolveQuestion(messages: ChatMessage[], sceneLabels: string[]): ResolvedQuestion {
  const last = messages[messages.length - 1];
  const question = last?.role === 'user' ? last.content : '';
  const classified = classifyQuestion(question, sceneLabels);
  const earlier = messages.slice(0, -1);
  let targetLabels = unique(classified.labels.map((m) => m.label));
  let fromHistory = false;

  if (targetLabels.length === 0 && classified.usesPronoun) {
    const referent = lastReferent(earlier, sceneLabels);
    if (referent) {
      targetLabels = [referent];
      fromHistory = true;
    }
  }

  let type = classified.type;
  const text = normalizeQuestion(question);
  if (type === 'unknown' && targetLabels.length > 0 && isBareFollowUp(text, classified)) {
    const previous = previousQuestionType(earlier, sceneLabels);
    if (previous) type = previous;
    else if (targetLabels.length > 0) type = 'exists'; // a bare "dogs?" asks whether there are any
  }
  return { ...classified, type, question, targetLabels, fromHistory };
}

/** Nothing but labels and filler words: "and the dog?", "what about the cars?", "dogs?". */
function isBareFollowUp(text: string, classified: ClassifiedQuestion): boolean {
  let residual = text;
  for (const mention of [...classified.labels].reverse()) residual = residual.slice(0, mention.start) + residual.slice(mention.end);
  residual = residual.replace(FOLLOW_UP, '').replace(/\b(the|a|an|any|some|about|of|one|ones)\b/g, '');
  return residual.replace(/[^a-z]/g, '') === '';
}

/** The label most recently talked about: the user's last question with a label, else the last answer's first. */
function lastReferent(earlier: ChatMessage[], sceneLabels: string[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const message = earlier[i];
    if (message.role !== 'user') continue;
    const labels = classifyQuestion(message.content, sceneLabels).labels;
    if (labels.length > 0) return labels[labels.length - 1].label;
    break; // only the latest user turn counts; older ones are no longer "it"
  }
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].role !== 'assistant') continue;
    const mentions = findLabelMentions(earlier[i].content, sceneLabels);
    return mentions[0]?.label ?? null;
  }
  return null;
}

function previousQuestionType(earlier: ChatMessage[], sceneLabels: string[]): ClassifiedQuestion['type'] | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].role !== 'user') continue;
    const type = classifyQuestion(earlier[i].content, sceneLabels).type;
    if (type !== 'unknown' && type !== 'greeting' && type !== 'help') return type;
  }
  return null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
