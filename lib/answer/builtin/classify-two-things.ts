/**
 * Questions about things placed against each other: which side one is of another, every side, what lies between
 * two, and how the things of one kind stand together (classify-question.ts asks this before comparisons).
 */
import { RELATIVE_PLACE, SIDE_CHOICE, TOGETHER } from './question-cues';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';

export function classifyTwoThings(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, base } = parsed;
  // "Is the man on the left or right of the bench?": which side, asked as a choice.
  const sides = SIDE_CHOICE.exec(text);
  if (sides && labels.some((m) => m.start < sides.index) && labels.some((m) => m.start > sides.index))
    return { ...base, type: 'side-choice', sideAt: sides.index, targetCueText: text.slice(0, sides.index) };
  // "Are the people close to each other?", "are the bowls stacked?": a relation among the things of one kind.
  const together = TOGETHER.exec(text);
  if (together && labels.length)
    return { ...base, type: 'together', together: together.groups?.stacked ? 'stacked' : 'close' };
  // "What is between the giraffes?", "is the zebra between the car and the bus?": two things named after it.
  const betweenAt = text.indexOf(' between ');
  if (betweenAt > 0 && !/\bdifference\b/.test(text) && labels.some((m) => m.start > betweenAt))
    return { ...base, type: 'between' };
  // "Where is the bowl relative to the dog?": the same two things, the place asked in every direction.
  const relative = RELATIVE_PLACE.exec(text);
  const relativeAt = relative ? relative.index + relative[0].length - ' compared to'.length : -1;
  if (relative && labels.some((m) => m.start < relativeAt) && labels.some((m) => m.start > relativeAt))
    return {
      ...base,
      type: 'side-choice',
      sideAt: relativeAt,
      placeRelative: true,
      targetCueText: text.slice(0, relativeAt),
    };
  return undefined;
}
