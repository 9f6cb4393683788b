/**
 * "Can you see the cooks' faces?", "is the dog's tail up?": a part or belonging no model has a class for. The
 * answer says so instead of answering about its owner ("Yes, I see a person"), and still points at the owner.
 */
import { pluralize, singularize } from '../vocabulary';
import { absentAnswer, type ComposeContext } from './compose-overview';
import { capitalize, theEntity, theGroup } from './phrasing';

export function partAnswer(ctx: ComposeContext): string {
  const { question } = ctx;
  const part = question.part ?? 'that';
  // "the dog's tail" with no dog in view: the owner's absence is the answer.
  if (question.targetLabels.length && !question.targets.length) return absentAnswer(ctx, question.targetLabels[0]);
  // "Stripes" is asked plural already (WordNet keeps it as a noun of its own): not "stripeses".
  const parts = singularize(part) !== part ? part : pluralize(part);
  const noClass = `none of my models has a class for ${parts}`;
  const owner = question.targets[0];
  // "Do they have tusks?", "the horses' tails": every owner; "the horse's tail" of several: the first.
  const many = question.usesPronoun || question.labels.some((m) => m.plural);
  if (question.targets.length > 1 && many)
    return `I can't tell: ${noClass}, so I can't make out the ${parts} of ${theGroup(question.targets)} as such.`;
  if (!owner) return `I can't tell: ${noClass}, so I can't see one as such.`;
  return `I can't tell: ${noClass}, so I can't make out ${theEntity(owner)}'s ${part} as such. ${capitalize(theEntity(owner))} is ${owner.position}.`;
}
