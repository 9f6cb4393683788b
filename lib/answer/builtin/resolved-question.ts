/** A question resolved against the conversation and the scene (conversation.ts), as the composers read it. */
import type { ChatMessage } from '@/lib/shared/chat';
import type { LinkedText } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import type { ClassifiedQuestion } from './question-types';

export interface ResolvedQuestion extends ClassifiedQuestion {
  question: string;
  /** Labels the answer is about: the question's own, or those of its referents from earlier turns. */
  targetLabels: string[];
  /** The entities (things or stuff regions) it is about, narrowed to instances when its words single them out. */
  targets: EntityFacts[];
  /** True when the targets came from the history rather than the question itself. */
  fromHistory: boolean;
  /** "And the other one?" after a relation question: things already named, left out this time. */
  excludeIds?: string[];
  /** A role noun ("batter") that no one's relations back: the answer is about every person, and says so. */
  roleUnmatched?: string;
  /** "The person in red" with nobody in red: the colour asked that none of the things has, said before the answer. */
  colourUnmatched?: string[];
  /** "Is it on the bed?", "is it bigger than the glass?": what the pronoun subject of a yes/no check refers to. */
  subjectReferents?: EntityFacts[];
}

/** The built-in answer to a conversation so far, recomposed to recover the links an earlier answer made. */
export type Recompose = (messages: ChatMessage[]) => LinkedText;

/** resolveQuestion itself, handed to the history helpers so they can read an earlier turn as it was meant. */
export type Resolve = (messages: ChatMessage[], facts: SceneFacts, recompose: Recompose) => ResolvedQuestion;
