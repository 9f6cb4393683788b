/**
 * "Is the cat on a sofa?", "Is the dog next to the person?": a yes/no check of one relation between two
 * things the question names, read off the graph's relations (the relate step of conversation.ts). When one
 * of the two is not there, the answer says so instead of a bare no.
 */
import { narrowInstances, readCues } from '../../lexicon/instances';
import { VERIFY_RELATION } from './question-patterns';
import { normalizeQuestion } from './question-phrases';
import { entityById } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { absentAnswer } from './compose-overview';
import { colourNotSeen } from './compose-describe';
import { entitiesNamed } from './named-entities';
import { relateFilter } from './relate';
import { insideShare } from '@/lib/shared/box';
import { numberWord, theEntity, theGroup } from './phrasing';
import { pluralize } from '../vocabulary';

/** Share of a box inside another: a thing whose box lies this far inside another's is on or in it (in 2-D). */
const WITHIN = 0.8;

export function verifyRelationAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const text = normalizeQuestion(question.question); // the frame the label mentions' offsets are in
  const m = VERIFY_RELATION.exec(text);
  const word = m?.[2] ?? 'next to';
  const split = m ? text.indexOf(` ${word} `) : -1;
  const first = question.labels.filter((l) => l.start < split);
  const second = question.labels.filter((l) => l.start > split);
  // "Is it on the bed?": "it" is what the conversation was about (conversation.ts).
  const referred = first.length ? undefined : question.subjectReferents;
  if (!first.length && !referred && question.usesPronoun)
    return `I can't tell which thing you mean by "${text.split(' ')[1]}": name it, and I'll check.`;
  if ((!first.length && !referred) || !second.length)
    return absentAnswer(ctx, question.unknownThing ?? m?.[first.length ? 3 : 1] ?? 'that');
  const subjects = referred ?? question.targets.filter((t) => first.some((l) => l.label === t.label));
  // "The horse on the right": the anchor's own cues single out which of its kind is meant.
  const anchorCues = readCues(text.slice(split + word.length + 2), second[0].plural);
  const named = second.flatMap((l) => entitiesNamed(facts, l.label));
  const others = named.filter((a) => !subjects.includes(a)); // "is the horse left of the other horse?"
  const anchors = narrowInstances(others.length ? others : named, anchorCues);
  if (!subjects.length) return absentAnswer(ctx, first[0]?.label ?? 'that');
  // "Is there a red book on the table?" with only a grey book: no, whatever the grey one is on.
  const askedColours = referred ? [] : readCues(text.slice(0, split)).colours;
  const offColour = askedColours.length ? colourNotSeen(subjects, askedColours, first[0].label) : undefined;
  if (offColour) return offColour;
  if (!anchors.length) return absentAnswer(ctx, second[0].label);
  // "on" also accepts overlapping masks: a cat curled on a sofa overlaps it more than it sits above it.
  const kept = relateFilter(subjects, anchors, word, facts);
  const loose = word === 'on' || word === 'on top of' ? relateFilter(subjects, anchors, 'overlapping', facts) : [];
  const within =
    word === 'on' || word === 'on top of' || word === 'in' || word === 'inside'
      ? subjects.find((sub) => anchors.some((a) => insideShare(sub.box, a.box) >= WITHIN))
      : undefined;
  const who = kept[0] ?? loose[0] ?? within;
  if (who) {
    // The anchor it relates to, of all the anchors ("on the ground": the road, not the earth beside it).
    const relatesTo = (a: (typeof anchors)[number]) =>
      kept.length
        ? relateFilter([who], [a], word, facts).length > 0
        : loose.length
          ? relateFilter([who], [a], 'overlapping', facts).length > 0
          : insideShare(who.box, a.box) >= WITHIN;
    const anchor = anchors.find(relatesTo) ?? anchors[0];
    const how = kept.length ? `is ${word}` : loose.length ? 'overlaps' : 'lies within the outline of';
    return `Yes, ${theEntity(who)} ${how} ${theEntity(anchor)}${kept.length ? '' : `, so most likely ${word} it`}.`;
  }
  const nobody =
    subjects.length > 1
      ? `none of the ${numberWord(subjects.length)} ${pluralize(subjects[0].label)} I see is`
      : `${theEntity(subjects[0])} is not`;
  return `No: ${nobody} ${word} ${theGroup(anchors)}, as far as the boxes and masks show.`;
}

/**
 * "Is the frisbee in the air?": in the air when it rests on nothing the models found (no "on" from it, to a
 * thing or a ground region) and nobody holds it; said as a "probably", since a box cannot show a gap under it.
 */
export function airborneAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const things = question.targets.filter((t) => t.kind !== 'stuff');
  if (!things.length) return absentAnswer(ctx, question.targetLabels[0] ?? question.unknownThing ?? 'that');
  const thing = things[0];
  const support = facts.relations.find((r) => r.subjectId === thing.id && (r.kind === 'on' || r.kind === 'inside'));
  const holder = facts.relations.find((r) => r.objectId === thing.id && r.kind === 'holding');
  const on = support && entityById(facts, support.objectId);
  if (on) return `No: ${theEntity(thing)} is on ${theEntity(on)}, as far as the boxes and masks show.`;
  const by = holder && entityById(facts, holder.subjectId);
  if (by) return `No: ${theEntity(by)} is holding ${theEntity(thing)}.`;
  return `Probably: ${theEntity(thing)} rests on nothing I detected and nobody holds it, though a box cannot show the gap beneath it.`;
}
