/**
 * "Tell me about the cars", "what can you tell me about the bookcase?", "describe the sofa": what the models
 * know of the things named, one sentence each — where it is, how much of the image it covers, which model
 * found it and how sure it is, the crop classifier's finer name, and its relations to what is around it.
 * A detection too weak to state (STATE_MIN_SCORE) is described as possibly being one.
 */
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { placeInFrame, targets } from './compose-details';
import { relationFrom, relationsOf, STATE_MIN_SCORE } from './compose-setting';
import {
  afterHedge,
  capitalize,
  countRef,
  distinctEntity,
  fineWord,
  joinList,
  numberWord,
  percentOfImage,
  withArticle,
} from './phrasing';

/** Things described one by one; more are counted in the heading only. */
const MAX_DESCRIBED = 4;
/** Relations told per thing: the most telling first (holding, riding, on… as relationsOf keeps them). */
const MAX_RELATIONS = 3;

const FOUND_BY: Record<string, string> = {
  yolox: 'the detector',
  ade20k: 'the scene segmenter',
  mosaic: 'the scene segmenter',
};

function foundBy(entity: EntityFacts): string {
  const model = Object.entries(FOUND_BY).find(([prefix]) => entity.source.startsWith(prefix))?.[1] ?? entity.source;
  return entity.score === null ? `found by ${model}` : `found by ${model}, ${entity.score.toFixed(2)}`;
}

function aboutOne(facts: SceneFacts, entity: EntityFacts): string {
  const name = distinctEntity(entity, facts.entities);
  const depth = entity.depth === 'front' ? ', in the foreground' : entity.depth === 'back' ? ', in the background' : '';
  const weak = (entity.score ?? 1) < STATE_MIN_SCORE;
  const lead = weak
    ? `Possibly ${withArticle(entity.label)}: ${name} is ${placeInFrame(entity)}${depth}, though ${foundBy(entity)} is unsure`
    : `${capitalize(name)} is ${placeInFrame(entity)}${depth}, covering ${percentOfImage(entity.areaFraction)} of the image (${foundBy(entity)})`;
  const fine = fineWord(entity);
  // People are "they" ("them"), whatever their sex: no model here tells.
  const person = WEARS_CLOTHES.has(entity.label);
  const finer =
    fine && fine !== entity.label ? `; the crop classifier calls ${person ? 'them' : 'it'} ${withArticle(fine)}` : '';
  // Relations are stated only between things sure enough to state (as in the description).
  const told = weak
    ? []
    : relationsOf(facts, entity)
        .map((r) => relationFrom(facts, entity, r))
        .filter(({ other }) => (other.score ?? 1) >= STATE_MIN_SCORE)
        .slice(0, MAX_RELATIONS);
  // "next to the bus and the plane", not "next to the bus, next to the plane".
  const words = [...new Set(told.map((t) => t.word))];
  const related = words.map(
    (word) =>
      `${word} ${joinList(told.filter((t) => t.word === word).map((t) => distinctEntity(t.other, facts.entities)))}`,
  );
  const relations = related.length ? `. ${person ? 'They are' : 'It is'} ${joinList(related)}` : '';
  return `${lead}${finer}${relations}.`;
}

export function aboutAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'about');
  if ('answer' in found) return found.answer;
  const { facts } = ctx;
  // The biggest first, so "the four biggest" is true of the ones described.
  const entities = [...found.entities].sort((a, b) => b.areaFraction - a.areaFraction);
  const described = entities.slice(0, MAX_DESCRIBED).map((e) => aboutOne(facts, e));
  const sameKind = entities.every((e) => e.label === entities[0].label);
  const heading =
    entities.length > 1 && sameKind
      ? `There are ${countRef(entities)}${entities.length > MAX_DESCRIBED ? `; the ${numberWord(MAX_DESCRIBED)} biggest` : ''}: `
      : '';
  return afterHedge(found.hedge, `${heading}${described.join(' ')}`);
}
