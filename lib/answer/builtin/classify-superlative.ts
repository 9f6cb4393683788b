/** The superlative stage of classify-question.ts. It reads what classifyQuestion parsed once. */
import { RELATION, RELATION_AFTER, WHICH_SIDE } from './question-patterns';
import { superlativeMatch } from './question-cues';
import type { ClassifiedQuestion, ParsedQuestion } from './question-types';

/**
 * "Which car is biggest?", "who is closest to the racket?", "who is on the far left?": the most of something,
 * unless the superlative only picks the anchor of a relation ("what is next to the biggest car?"). Undefined
 * for anything else.
 */
export function classifySuperlative(parsed: ParsedQuestion): ClassifiedQuestion | undefined {
  const { text, labels, base } = parsed;
  // "What is next to the biggest car?" asks a relation: the superlative only says which car.
  const superlative = superlativeMatch(text);
  const relationFirst = RELATION.exec(text);
  // "What is the biggest car next to?" likewise, with the relation word last.
  const relationLast = /^(what|which)\b/.test(text) ? RELATION_AFTER.exec(text) : null;
  // "Who is on the far left?": the side is the place asked, with no thing after it to be the anchor.
  const sideOnly =
    (superlative?.kind === 'left-most' || superlative?.kind === 'right-most') &&
    !labels.some((m) => m.start > (relationFirst?.index ?? superlative.at));
  const inAnchor =
    superlative &&
    !sideOnly &&
    ((relationFirst && relationFirst.index + relationFirst[0].length <= superlative.at) ||
      (relationLast && superlative.at < relationLast.index));
  // "Who is closest to the racket?": nearest to a thing, not to the camera.
  // "Closer to the camera" is nearest to the viewer, no thing.
  const nearTo =
    /\b(?:closest|nearest|closer|nearer) to\b(?! (?:the )?(?:camera|viewer|photographer|lens|us|me|you)\b)/.exec(text);
  const nearAt = nearTo ? nearTo.index + nearTo[0].length : -1;
  if (superlative && !inAnchor && nearTo && labels.some((m) => m.start > nearAt))
    return {
      ...base,
      labels: labels.filter((m) => m.start < nearAt),
      type: 'superlative',
      superlative: 'nearest',
      nearestTo: { labels: labels.filter((m) => m.start > nearAt).map((m) => m.label), words: text.slice(nearAt) },
    };
  if (superlative && !inAnchor) return { ...base, type: 'superlative', superlative: superlative.kind };
  const side = WHICH_SIDE.exec(text);
  if (side) return { ...base, type: 'superlative', superlative: side[1] === 'left' ? 'left-most' : 'right-most' };
  return undefined;
}
