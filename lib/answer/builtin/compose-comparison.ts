/**
 * "Is the giraffe taller than the zebra?", "is the car closer than the bus?": a yes/no comparison of two things
 * the question names, by the same measures the superlatives use (area, box height, how low a thing stands in
 * the frame, where it sits). Each side is the thing its own words single out; of several alike, the biggest.
 */
import { narrowInstances, readCues } from '../../lexicon/instances';
import type { EntityFacts } from '../scene-facts';
import { GENDERED } from '../people-words';
import { absentAnswer, type ComposeContext } from './compose-overview';
import { entitiesNamed } from './named-entities';
import { distinctEntity, percentOfImage } from './phrasing';

interface Measure {
  key: (e: EntityFacts) => number;
  /** The comparative that says the other way round. */
  opposite: string;
  how: (a: EntityFacts, b: EntityFacts) => string;
}

const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
const byArea = (a: EntityFacts, b: EntityFacts) =>
  ` (covering ${percentOfImage(a.areaFraction)} of the image against ${percentOfImage(b.areaFraction)})`;
const byHeight = () => ' (going by the height of their boxes in the frame)';
const byDepth = () => ' (judged from how low each stands in the frame)';
const byPlace = () => ' (going by where each sits in the frame)';
const byLength = () => ' (going by the longer side of their boxes in the frame)';
const byWidth = () => ' (going by the width of their boxes in the frame)';

/** The comparatives a question may use, each with what it measures. */
export const COMPARATIVES: Record<string, Measure> = {
  bigger: { key: (e) => e.areaFraction, opposite: 'smaller', how: byArea },
  larger: { key: (e) => e.areaFraction, opposite: 'smaller', how: byArea },
  smaller: { key: (e) => -e.areaFraction, opposite: 'bigger', how: byArea },
  taller: { key: (e) => e.box[3], opposite: 'shorter', how: byHeight },
  shorter: { key: (e) => -e.box[3], opposite: 'taller', how: byHeight },
  closer: { key: bottom, opposite: 'farther away', how: byDepth },
  nearer: { key: bottom, opposite: 'farther away', how: byDepth },
  farther: { key: (e) => -bottom(e), opposite: 'closer', how: byDepth },
  further: { key: (e) => -bottom(e), opposite: 'closer', how: byDepth },
  // A thing's length in the picture is its box's longer side, however it lies; width is across the frame.
  longer: { key: (e) => Math.max(e.box[2], e.box[3]), opposite: 'shorter', how: byLength },
  wider: { key: (e) => e.box[2], opposite: 'narrower', how: byWidth },
  narrower: { key: (e) => -e.box[2], opposite: 'wider', how: byWidth },
  higher: { key: (e) => -e.centre[1], opposite: 'lower', how: byPlace },
  lower: { key: (e) => e.centre[1], opposite: 'higher', how: byPlace },
};

/** The things one side of the comparison names: its kinds, narrowed by that side's own words, the biggest first. */
function side(ctx: ComposeContext, labels: string[], words: string, plural: boolean): EntityFacts[] {
  const named = [...new Set(labels.flatMap((label) => entitiesNamed(ctx.facts, label)))];
  return narrowInstances(named, readCues(words, plural)).sort((a, b) => b.areaFraction - a.areaFraction);
}

export function comparisonAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const { word, at, firstWords, secondWords } = question.comparison!;
  const measure = COMPARATIVES[word];
  const named = question.labels.filter((m) => m.start < at);
  // "Is it bigger than the one on the right?": "it" is what the conversation was about.
  const referent = named.length
    ? undefined
    : (question.subjectReferents?.[0] ?? (question.fromHistory ? question.targets[0] : undefined));
  const first = referent ? [{ label: referent.label, start: 0, end: 0, plural: false }] : named;
  const after = question.labels.filter((m) => m.start > at);
  const second = after.length ? after : first; // "than the one on the right": another of the same kind
  if (!first.length && !named.length && question.usesPronoun)
    return `I can't tell which thing you mean by "${/^\w+ (\w+)/.exec(firstWords)?.[1] ?? 'it'}": name it, and I'll compare the two.`;
  if (!first.length) return absentAnswer(ctx, question.unknownThing ?? 'that');
  const a = referent ?? side(ctx, unique(first), firstWords, first[0].plural)[0];
  // "Is the left horse bigger than the other horse?": the second side is never the first thing again.
  const b = side(ctx, unique(second), secondWords, second[0].plural).find((e) => e !== a);
  if (!a) return absentAnswer(ctx, first[0].label);
  if (!b) return absentAnswer(ctx, second[0].label);
  const nameA = distinctEntity(a, facts.entities);
  const nameB = distinctEntity(b, facts.entities);
  const difference = measure.key(a) - measure.key(b);
  // "Is the man taller than the woman?": no model tells them apart, so the pair compared is a guess, said first.
  const guessed =
    a.label === 'person' && b.label === 'person' && GENDERED.test(firstWords) && GENDERED.test(secondWords)
      ? `I can't tell men from women, so I compared ${nameA} with ${nameB}: `
      : '';
  if (difference === 0) return `${guessed}About the same: ${nameA} and ${nameB} measure alike${measure.how(a, b)}.`;
  if (guessed) return `${guessed}${nameA} is ${difference > 0 ? word : measure.opposite}${measure.how(a, b)}.`;
  return difference > 0
    ? `Yes, ${nameA} is ${word} than ${nameB}${measure.how(a, b)}.`
    : `No, ${nameA} is ${measure.opposite} than ${nameB}${measure.how(a, b)}.`;
}

const unique = (mentions: { label: string }[]) => [...new Set(mentions.map((m) => m.label))];
