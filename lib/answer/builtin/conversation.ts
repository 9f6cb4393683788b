/**
 * Multi-turn context for the built-in answerer: what the question is about, down to the instance.
 * - Its own words: the labels (detector classes, stuff regions, finer names) it mentions, narrowed by cues
 *   ("the red car on the right" → that car; see instances.ts).
 * - "it / they / that one" with no label of its own: the entities of the previous answer's first linked
 *   phrase. The built-in answer is deterministic, so the previous answer is recomposed to recover its links;
 *   when it came from an endpoint instead, the first label it mentions stands for all entities of that label.
 * - "and the other one?": the same label's entities minus those the previous answer was about.
 * - A bare follow-up ("and the dog?") takes the previous question's type.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { readCues, narrowInstances } from '../../lexicon/instances';
import type { LinkedText } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { findLabelMentions } from '../vocabulary';
import { classifyQuestion, normalizeQuestion, type ClassifiedQuestion } from './classify-question';
import { fineWord } from './phrasing';

export interface ResolvedQuestion extends ClassifiedQuestion {
  question: string;
  /** Labels the answer is about: the question's own, or those of its referents from earlier turns. */
  targetLabels: string[];
  /** The entities (things or stuff regions) it is about, narrowed to instances when its words single them out. */
  targets: EntityFacts[];
  /** True when the targets came from the history rather than the question itself. */
  fromHistory: boolean;
}

export type Recompose = (messages: ChatMessage[]) => LinkedText;

const FOLLOW_UP = /^(and|what about|how about|also|then)\b/;
const OTHER = /\b(the )?other (one|ones)?\b|\bthe rest\b/;

/** Every name a question may use for something in this scene: classes, stuff, finer names. */
export function sceneVocabulary(facts: SceneFacts): string[] {
  const all = [...facts.entities, ...facts.stuff];
  return [...new Set([...all.map((e) => e.label), ...all.map(fineWord).filter((w): w is string => Boolean(w))])];
}

/** Entities a label names: the label itself, or a finer name ("pickup" → the truck the classifier named so). */
export function entitiesNamed(facts: SceneFacts, label: string): EntityFacts[] {
  return [...facts.entities, ...facts.stuff].filter((e) => e.label === label || fineWord(e) === label);
}

export function resolveQuestion(messages: ChatMessage[], facts: SceneFacts, recompose: Recompose): ResolvedQuestion {
  const last = messages[messages.length - 1];
  const question = last?.role === 'user' ? last.content : '';
  const vocabulary = sceneVocabulary(facts);
  const classified = classifyQuestion(question, vocabulary);
  const text = normalizeQuestion(question);
  const earlier = messages.slice(0, -1);
  let targetLabels = unique(classified.labels.map((m) => m.label));
  let targets = targetLabels.flatMap((label) => entitiesNamed(facts, label));
  let fromHistory = false;

  if (targetLabels.length === 1 && targets.length > 1) {
    const cueText = classified.askedColour ? text.replace(new RegExp(`\\b${classified.askedColour}\\b`, 'g'), '') : text;
    const cues = readCues(classified.type === 'superlative' || classified.type === 'region' ? '' : cueText, classified.labels[0].plural);
    targets = narrowInstances(targets, cues);
  }
  const other = OTHER.test(text);
  if ((targetLabels.length === 0 && classified.usesPronoun) || other) {
    const previous = previousReferents(earlier, facts, vocabulary, recompose);
    if (other && previous.length) {
      const labels = targetLabels.length ? targetLabels : unique(previous.map((e) => e.label));
      const ids = new Set(previous.map((e) => e.id));
      targets = labels.flatMap((label) => entitiesNamed(facts, label)).filter((e) => !ids.has(e.id));
      targetLabels = labels;
      fromHistory = true;
    } else if (previous.length) {
      targets = previous;
      targetLabels = unique(previous.map((e) => e.label));
      fromHistory = true;
    }
  }

  let type = classified.type;
  if (type === 'unknown' && (targetLabels.length > 0 || other) && isBareFollowUp(text, classified)) {
    type = previousQuestionType(earlier, vocabulary) ?? 'exists'; // a bare "dogs?" asks whether there are any
  }
  return { ...classified, type, question, targetLabels, targets, fromHistory };
}

/** Nothing but labels and filler words: "and the dog?", "what about the cars?", "and the other one?". */
function isBareFollowUp(text: string, classified: ClassifiedQuestion): boolean {
  let residual = text;
  for (const mention of [...classified.labels].reverse()) residual = residual.slice(0, mention.start) + residual.slice(mention.end);
  residual = residual.replace(FOLLOW_UP, '').replace(/\b(the|a|an|any|some|about|of|one|ones|other|rest)\b/g, '');
  return residual.replace(/[^a-z]/g, '') === '';
}

/** The entities the last answer was about: its first linked phrase (see module comment). */
function previousReferents(earlier: ChatMessage[], facts: SceneFacts, vocabulary: string[], recompose: Recompose): EntityFacts[] {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return [];
  const answer = earlier[k].content;
  const recomposed = recompose(earlier.slice(0, k));
  const byId = new Map([...facts.entities, ...facts.stuff].map((e) => [e.id, e]));
  if (recomposed.text.trim() === answer.trim() && recomposed.spans.length) {
    return recomposed.spans[0].entityIds.map((id) => byId.get(id)).filter((e): e is EntityFacts => Boolean(e));
  }
  const label = findLabelMentions(answer, vocabulary)[0]?.label;
  return label ? entitiesNamed(facts, label) : [];
}

function previousQuestionType(earlier: ChatMessage[], vocabulary: string[]): ClassifiedQuestion['type'] | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].role !== 'user') continue;
    const type = classifyQuestion(earlier[i].content, vocabulary).type;
    if (type !== 'unknown' && type !== 'greeting' && type !== 'help') return type;
  }
  return null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
