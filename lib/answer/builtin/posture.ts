/**
 * Sitting and standing, as far as the scene graph shows them: a person on a seat (interactions.ts: their box in
 * the seat's, feet at its foot) is sitting; anyone else is on no seat the models found, which is no proof of
 * standing, so answers about the rest say that, not "standing".
 */
import { SEATS } from '../../scene/graph/interactions';
import { entityById, type EntityFacts, type SceneFacts } from '../scene-facts';
import { capitalize, countRef, joinList, numberWord, placedNames, theEntities, theEntity } from './phrasing';

export type Posture = 'sitting' | 'standing';

/** "Who is sitting?", "how many people are standing?": a posture with no place of its own ("sitting on X" is a relation). */
export function postureAsked(text: string): Posture | undefined {
  const m = /\b(sitting|seated|sat|sits|standing|stands)\b(?! (?:on|in|at|next to|beside|behind|by)\b)/.exec(text);
  if (!m) return undefined;
  return /^(sitting|seated|sat|sits)$/.test(m[1]) ? 'sitting' : 'standing';
}

/** The seat a person is on, if any. */
export function seatOf(facts: SceneFacts, person: EntityFacts): EntityFacts | undefined {
  for (const r of facts.relations) {
    if (r.kind !== 'on' || r.subjectId !== person.id) continue;
    const seat = entityById(facts, r.objectId);
    if (seat && SEATS.has(seat.label)) return seat;
  }
  return undefined;
}

/** The people of `people` who are on a seat, and those who are not. */
export function byPosture(facts: SceneFacts, people: EntityFacts[]) {
  const seated = people.filter((p) => seatOf(facts, p));
  return { seated, unseated: people.filter((p) => !seated.includes(p)) };
}

const seatNote = (facts: SceneFacts, person: EntityFacts) => {
  const seat = seatOf(facts, person);
  return seat ? ` (on ${theEntity(seat)})` : '';
};

/** "Who is sitting?", "who is standing?" */
export function postureWho(facts: SceneFacts, people: EntityFacts[], posture: Posture): string {
  const { seated, unseated } = byPosture(facts, people);
  const named = (group: EntityFacts[]) => joinList(placedNames(group.slice(0, 3), people));
  if (posture === 'sitting') {
    if (!seated.length)
      return "I can't tell: nobody I detected is on a seat (a chair, sofa, bench or bed) my models found.";
    return `${capitalize(joinList(theEntities(seated.slice(0, 3), people).map((n, i) => `${n}${seatNote(facts, seated[i])}`)))}.`;
  }
  if (!seated.length)
    return `I can't tell: my models don't see posture, and none of the ${people.length > 1 ? `${numberWord(people.length)} people` : 'people'} I see is on a seat they found.`;
  if (!unseated.length)
    return `Nobody, as far as I can tell: ${named(seated)} ${seated.length > 1 ? 'are' : 'is'} sitting.`;
  const sitting = joinList(theEntities(seated.slice(0, 3), people).map((n, i) => `${n}${seatNote(facts, seated[i])}`));
  return `${capitalize(named(unseated))} ${unseated.length > 1 ? 'are' : 'is'} on no seat I detected, so perhaps standing; ${sitting} ${seated.length > 1 ? 'are' : 'is'} sitting.`;
}

/** "How many people are sitting?": those on a seat, the rest said to be unknown rather than counted out. */
export function postureCount(facts: SceneFacts, people: EntityFacts[], posture: Posture): string {
  const { seated, unseated } = byPosture(facts, people);
  if (posture === 'standing')
    return `I can't count that for sure: my models don't see posture. Of the ${numberWord(people.length)} people I see, ${numberWord(unseated.length)} ${unseated.length === 1 ? 'is' : 'are'} on no seat I detected${seated.length ? ` and ${numberWord(seated.length)} ${seated.length === 1 ? 'sits' : 'sit'} on one` : ''}.`;
  if (!seated.length)
    return `I can't tell: none of the ${numberWord(people.length)} ${people.length === 1 ? 'person' : 'people'} I see is on a seat my models found.`;
  const lead = unseated.length ? `At least ${numberWord(seated.length)}` : capitalize(numberWord(seated.length));
  const sitters = `${countRef(seated)} ${seated.length > 1 ? 'are' : 'is'} on ${joinList([...new Set(seated.map((p) => theEntity(seatOf(facts, p)!)))])}`;
  const rest = unseated.length
    ? ` I can't tell about the other ${unseated.length > 1 ? numberWord(unseated.length) : 'one'}: on no seat I detected.`
    : '';
  return `${lead}: ${sitters}.${rest}`;
}
