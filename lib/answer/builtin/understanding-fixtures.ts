/** Shared by the understanding tests: a conversation over a painted scene, and two painted scenes. */
import type { ChatMessage } from '@/lib/shared/chat';
import { paintScene, BLUE, RED, WHITE, YELLOW } from '../../scene/test-fixtures';
import { composeLinkedAnswer } from './answer-builtin';
import type { TextInput } from '../types';

export function talk(scene: ReturnType<typeof paintScene> & { texts?: TextInput[] }, ...questions: string[]) {
  const messages: ChatMessage[] = [];
  let answer = { text: '', spans: [] as { text: string; entityIds: string[] }[] };
  for (const q of questions) {
    messages.push({ role: 'user', content: q });
    answer = composeLinkedAnswer(scene, messages);
    messages.push({ role: 'assistant', content: answer.text });
  }
  return { text: answer.text, ids: answer.spans.map((s) => s.entityIds) };
}

// A tall giraffe on the right with a small zebra at its feet; a small giraffe at the bottom left.
export const savanna = () =>
  paintScene(300, 200, [
    { id: 'tall', label: 'giraffe', rect: [180, 20, 80, 150], rgb: YELLOW },
    { id: 'small', label: 'giraffe', rect: [10, 130, 60, 50], rgb: YELLOW },
    { id: 'zebra', label: 'zebra', rect: [150, 140, 35, 32], rgb: WHITE },
  ]);

// Three horses left to right, two buses (a big one in front, a small one further off), one person on the left.
export const yard = () =>
  paintScene(300, 200, [
    { id: 'h1', label: 'horse', rect: [10, 100, 50, 40], rgb: RED },
    { id: 'h2', label: 'horse', rect: [120, 100, 50, 40], rgb: WHITE },
    { id: 'h3', label: 'horse', rect: [230, 100, 50, 40], rgb: RED },
    { id: 'b1', label: 'bus', rect: [150, 20, 140, 70], rgb: WHITE },
    { id: 'b2', label: 'bus', rect: [60, 40, 30, 20], rgb: WHITE },
    { id: 'p', label: 'person', rect: [5, 60, 12, 30], rgb: BLUE },
  ]);

// A person in blue, standing, holding one thing at hand height.
export const personHolding = (label: string, rgb: [number, number, number], rect: [number, number, number, number]) =>
  paintScene(300, 200, [
    { id: 'p', label: 'person', rect: [100, 20, 80, 170], rgb: BLUE },
    { id: 'held', label, rect, rgb },
  ]);
