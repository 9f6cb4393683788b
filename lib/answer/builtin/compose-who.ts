/**
 * "Who is riding the horse?", "Who is on the left?", "Who is wearing black?", "Who is in the foreground?":
 * the people whose relations, place or clothing colour fit, linked, with what ties them to the question.
 * It never says who someone is (no model recognises people); a role word the question used ("the rider")
 * is only repeated when a relation backs it.
 */
import type { GraphRelation } from '../../scene/graph/types';
import { narrowInstances, readCues } from '../../lexicon/instances';
import { entityById, type EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { normalizeQuestion } from './question-phrases';
import { postureAsked, postureWho } from './posture';
import { STATE_MIN_SCORE } from './compose-setting';
import {
  capitalize,
  inGarment,
  joinList,
  numberWord,
  placedNames,
  pluralGarment,
  theEntities,
  theEntity,
  wornNote,
} from './phrasing';

const VERB_RELATION: [RegExp, GraphRelation['kind'][]][] = [
  [
    /\b(riding|rides|ride|on top of|mounted on|sitting on|standing on|sits on|stands on|on)\b/,
    ['riding', 'on', 'overlapping'],
  ],
  [/\b(holding|holds|carrying|carries|has|with)\b/, ['holding']],
  [/\b(next to|beside|near|by)\b/, ['next to', 'overlapping']],
  [/\b(behind)\b/, ['in front of']],
  [/\b(in front of)\b/, ['in front of']],
];

function personRelatedTo(
  ctx: ComposeContext,
  anchor: EntityFacts[],
  kinds: GraphRelation['kind'][],
  behind: boolean,
): EntityFacts[] {
  const ids = new Set(anchor.map((a) => a.id));
  const people: EntityFacts[] = [];
  for (const r of ctx.facts.relations) {
    if (!kinds.includes(r.kind)) continue;
    // "who is behind X": X is in front of them; otherwise the person is the relation's subject.
    const personId = behind
      ? ids.has(r.subjectId)
        ? r.objectId
        : null
      : ids.has(r.objectId)
        ? r.subjectId
        : r.kind === 'overlapping' && ids.has(r.subjectId)
          ? r.objectId
          : null;
    const person = entityById(ctx.facts, personId);
    if (person?.label === 'person' && !people.includes(person)) people.push(person);
  }
  return people;
}

/** "Who is in the picture?", "who is there?", "who's here?": everyone in view. */
const EVERYONE =
  /^who(?: is| are)? (?:in (?:the|this) (?:photo|picture|image|scene|shot)|there|here|in it|visible|present)\b/;

/** "The person in black at the bottom left and the person in white on the right." (up to four) */
function listed(group: EntityFacts[], people: EntityFacts[], lead: string): string {
  const names = placedNames(group.slice(0, 4), people);
  const more = group.length > 4 ? `, and ${numberWord(group.length - 4)} more` : '';
  return `${lead}${joinList(names)}${more}.`;
}

export function whoAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const text = normalizeQuestion(question.question); // the frame the label mentions' offsets are in
  const people = facts.entities.filter((e) => e.label === 'person');
  if (!people.length) return "I can't tell: I see nobody for sure in this image.";
  const anchor = question.targets.filter((t) => t.label !== 'person');
  // "Who has the ball?" with no ball in view and nothing else to go on: say so, rather than that the question
  // is unclear. Place and colour words ("on the left, behind the pot") still single someone out below.
  const missing = question.targetLabels.find((l) => l !== 'person' && !anchor.some((t) => t.label === l));
  const cued = readCues(text, false);
  if (!anchor.length && missing && !cued.side && !cued.depth && !cued.colours.length)
    return `I can't tell: I see no ${missing} for anyone to be with.`;
  const posture = postureAsked(text);
  if (!anchor.length && posture) return postureWho(facts, people, posture);
  let found: EntityFacts[] = [];
  let why = '';
  if (anchor.length) {
    // Where the thing is named ("glove" names the baseball glove): the verb must come before it.
    const anchorAt = question.labels.find((m) => m.label === anchor[0].label)?.start ?? text.length;
    for (const [pattern, kinds] of VERB_RELATION) {
      const m = pattern.exec(text);
      if (!m || (m.index ?? 0) > anchorAt) continue;
      found = personRelatedTo(ctx, anchor, kinds, m[1] === 'behind');
      if (found.length) {
        why = ` (${m[1]} ${theEntity(anchor[0])})`;
        break;
      }
    }
    if (!found.length)
      return `I can't tell: nobody I detected is clearly ${/\b(riding|holding|on|next to|behind|in front of)\b/.exec(text)?.[1] ?? 'with'} ${theEntity(anchor[0])}.`;
  } else {
    // Place and colour words single people out ("on the left", "in the foreground", "wearing black").
    const cues = readCues(text, false);
    // "Who is on the right?" asks for the people there: the right-most of people all on the left is not one.
    const inZone = cues.side ? people.filter((p) => p.horizontal === cues.side) : people;
    if (!inZone.length) {
      return `Nobody I detected is ${cues.side === 'centre' ? 'in the centre' : `on the ${cues.side}`}: ${people.length === 1 ? `the only person, ${theEntity(people[0])}, is ${people[0].position}` : `the ${people.length} people are ${joinList([...new Set(people.map((p) => p.position))])}`}.`;
    }
    // "Who is wearing black trousers?": the colour asked is that of the legs' band of each mask (clothes.ts).
    const worn = question.worn;
    // Narrowed as seen in the garment, then named as themselves ("the person in red", as everywhere else).
    const seen = narrowInstances(
      (cues.side ? inZone : people).map((p) => inGarment(p, worn)),
      cues,
    );
    if (seen.length === people.length && people.length > 1 && !cues.colours.length && !cues.side && !cues.depth) {
      // "And the other one?" after "who is on the left?": the people the conversation points to.
      if (question.fromHistory && question.targets.length && question.targets.length < people.length)
        return capitalize(listed(question.targets, people, ''));
      // "Who is in the photo?" asks for everyone; "who is smiling?" for someone no model can single out.
      return EVERYONE.test(text)
        ? listed(people, people, `There are ${numberWord(people.length)} people: `)
        : `I can't tell which of the ${numberWord(people.length)} people that is from what my models found. ${listed(people, people, 'I see ')}`;
    }
    if (cues.colours.length && !seen.every((p) => p.colour && cues.colours.includes(p.colour))) {
      const what =
        worn && !pluralGarment(worn.garment) ? `${worn.garment} reads` : `${worn?.garment ?? 'clothes'} read`;
      return `I can't tell: nobody's ${what} as ${joinList(cues.colours)} to me.`;
    }
    if (worn && cues.colours.length) why = wornNote(worn);
    found = seen.map((p) => people.find((q) => q.id === p.id) ?? p);
  }
  // Each with its place, unless theEntities already told two alike apart by it or by their order.
  const names = theEntities(found.slice(0, 3), people).map((n, i) =>
    found[i].position && !n.includes(' from the left') && !n.includes(found[i].position)
      ? `${n} ${found[i].position}`
      : n,
  );
  const unsure = found.some((p) => (p.score ?? 1) < STATE_MIN_SCORE)
    ? ' (the detector is not very sure of this person)'
    : '';
  return `${capitalize(joinList(names))}${why}${unsure}.`;
}
