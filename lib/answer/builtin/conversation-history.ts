/**
 * Reading earlier turns: what the last answer was about (its first linked phrase, recovered by recomposing
 * the built-in answer), the people "he" and "she" mean, a thing asked about that was not there, the previous
 * question's type, and a relation question asked again. resolveQuestion is handed in (Resolve), so earlier
 * turns are read exactly as they were answered without this module importing conversation.ts.
 */
import type { ChatMessage } from '@/lib/shared/chat';
import { cocoSupercategory } from '../../lexicon/coco';
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { findLabelMentions } from '../vocabulary';
import { classifyQuestion } from './classify-question';
import { entitiesNamed } from './named-entities';
import { normalizeQuestion } from './question-phrases';
import type { ClassifiedQuestion } from './question-types';
import type { Recompose, Resolve, ResolvedQuestion } from './resolved-question';

/** The previous relation question, resolved again, with the things its answer named set aside. */
export function askAgainWithout(
  earlier: ChatMessage[],
  facts: SceneFacts,
  recompose: Recompose,
  resolve: Resolve,
): ResolvedQuestion | undefined {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return undefined;
  const asked = resolve(earlier.slice(0, k), facts, recompose);
  if (asked.type !== 'relation' || asked.anchorIsSubject || !asked.targets.length) return undefined;
  const recomposed = recompose(earlier.slice(0, k));
  if (recomposed.text.trim() !== earlier[k].content.trim()) return undefined;
  const anchors = new Set(asked.targets.map((t) => t.id));
  const named = recomposed.spans.flatMap((span) => span.entityIds).filter((id) => !anchors.has(id));
  return named.length
    ? { ...asked, excludeIds: [...new Set([...(asked.excludeIds ?? []), ...named])], fromHistory: true }
    : undefined;
}

/** The entities the last answer was about: its first linked phrase (see module comment). */
export function previousReferents(
  earlier: ChatMessage[],
  facts: SceneFacts,
  vocabulary: string[],
  recompose: Recompose,
  resolve: Resolve,
  every = false,
): EntityFacts[] {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return [];
  const answer = earlier[k].content;
  const recomposed = recompose(earlier.slice(0, k));
  const byId = new Map([...facts.entities, ...facts.stuff].map((e) => [e.id, e]));
  if (recomposed.text.trim() === answer.trim() && recomposed.spans.length) {
    // "What is the person holding?" → "The person is holding the bowl." → "what is in it?": "it" is what the
    // answer brought in (the bowl), not what the question was already about, when the question was a what-question.
    const asked = resolve(earlier.slice(0, k), facts, recompose);
    const askedIds = new Set(asked.targets.map((t) => t.id));
    const introduced =
      /^(what|which)\b/.test(normalizeQuestion(asked.question)) && asked.type === 'relation'
        ? recomposed.spans.find((s) => s.entityIds.some((id) => !askedIds.has(id)))
        : undefined;
    // "How many of each?" after "three zebras and two giraffes": every thing the answer linked.
    const spans = every ? recomposed.spans : [introduced ?? recomposed.spans[0]];
    return [...new Set(spans.flatMap((s) => s.entityIds))]
      .map((id) => byId.get(id))
      .filter((e): e is EntityFacts => Boolean(e));
  }
  // A built-in answer that linked nothing (the "connect a VLM" fallback) named nothing new: the talk is still
  // about what that question was about ("are they all the same colour?" → "what's behind them?"). Its words are
  // not scanned for labels; only another source's answer (an endpoint's) is read for the first label it names.
  if (recomposed.text.trim() === answer.trim()) return resolve(earlier.slice(0, k), facts, recompose).targets;
  const label = findLabelMentions(answer, vocabulary)[0]?.label;
  return label ? entitiesNamed(facts, label) : [];
}

/** Every entity the last built-in answer linked, in order ("the table is bigger than the tv": both). */
export function previousNamed(earlier: ChatMessage[], facts: SceneFacts, recompose: Recompose): EntityFacts[] {
  const k = earlier.map((m) => m.role).lastIndexOf('assistant');
  if (k < 1) return [];
  const recomposed = recompose(earlier.slice(0, k));
  if (recomposed.text.trim() !== earlier[k].content.trim()) return [];
  const byId = new Map(facts.entities.map((e) => [e.id, e]));
  const ids = [...new Set(recomposed.spans.flatMap((span) => span.entityIds))];
  return ids.map((id) => byId.get(id)).filter((e): e is EntityFacts => Boolean(e));
}

/** Every entity any earlier built-in answer linked ("what else is there?" names the rest). */
export function everythingNamed(earlier: ChatMessage[], recompose: Recompose): string[] {
  const ids = earlier.flatMap((message, k) => {
    if (message.role !== 'assistant' || k < 1) return [];
    const recomposed = recompose(earlier.slice(0, k));
    return recomposed.text.trim() === message.content.trim() ? recomposed.spans.flatMap((s) => s.entityIds) : [];
  });
  return [...new Set(ids)];
}

/** What the last question asked about when none of it was in view ("is there a laptop?"), else undefined. */
export function previousAbsent(
  earlier: ChatMessage[],
  facts: SceneFacts,
  recompose: Recompose,
  resolve: Resolve,
): string[] | undefined {
  const k = earlier.map((m) => m.role).lastIndexOf('user');
  if (k < 0) return undefined;
  const asked = resolve(earlier.slice(0, k + 1), facts, recompose);
  return asked.targetLabels.length && asked.targets.length === 0 ? asked.targetLabels : undefined;
}

/** Pronouns for someone, not something. */
export const PERSONAL = /\b(he|she|him|his|her|hers)\b/;
const ANIMALS = new Set(cocoSupercategory('animal'));
export const isAnimate = (e: EntityFacts) => WEARS_CLOTHES.has(e.label) || ANIMALS.has(e.label);

/**
 * The people "he", "she" or "his" refers to: those the latest answer that was about someone linked, going back
 * through the conversation, or the one person in view when no answer was about anyone.
 */
export function personReferents(
  earlier: ChatMessage[],
  facts: SceneFacts,
  vocabulary: string[],
  recompose: Recompose,
  resolve: Resolve,
): EntityFacts[] {
  for (let end = earlier.length; end > 1; end--) {
    if (earlier[end - 1].role !== 'assistant') continue;
    const people = previousReferents(earlier.slice(0, end), facts, vocabulary, recompose, resolve).filter((e) =>
      WEARS_CLOTHES.has(e.label),
    );
    if (people.length) return people;
  }
  const everyone = facts.entities.filter((e) => WEARS_CLOTHES.has(e.label));
  return everyone.length === 1 ? everyone : [];
}

export function previousQuestionType(earlier: ChatMessage[], vocabulary: string[]): ClassifiedQuestion['type'] | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].role !== 'user') continue;
    const type = classifyQuestion(earlier[i].content, vocabulary).type;
    if (type !== 'unknown' && type !== 'greeting' && type !== 'help') return type;
  }
  return null;
}

/**
 * Whether the last question named `label` in the plural ("what about the cows?"): a "they" after an answer that
 * picked one of them (the biggest cow) still means them all.
 */
export function lastAskedInPlural(earlier: ChatMessage[], vocabulary: string[], label: string): boolean {
  const last = [...earlier].reverse().find((m) => m.role === 'user');
  return Boolean(last && classifyQuestion(last.content, vocabulary).labels.some((m) => m.label === label && m.plural));
}
