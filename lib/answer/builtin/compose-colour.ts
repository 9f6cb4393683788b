/** "What colour is the car?", "is the dog black and white?", "are they all the same colour?": colours of things. */
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import { decapitalizeMarked, ref } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { pluralize } from '../vocabulary';
import type { ComposeContext } from './compose-overview';
import { targets } from './compose-details';
import {
  afterHedge,
  capitalize,
  colouredLabel,
  countRef,
  groupBy,
  inGarment,
  joinList,
  numberWord,
  pick,
  pluralGarment,
  shaded,
  theEntity,
  theGroup,
  wornNote,
} from './phrasing';

/** "What colours do you see?", "which colours are in the picture?": asked of the whole view, not of one thing. */
const PALETTE = /\b(?:what|which) colou?rs\b(?! (?:is|are) (?:the|his|her|their|its)\b)/;

/** The colours in view (things, and regions of 5 % or more), the most of the picture first, at most five. */
export function paletteGroups(facts: SceneFacts): { colour: string; area: number; shownBy: string }[] {
  const seen = [...facts.entities, ...facts.stuff.filter((r) => r.areaFraction >= 0.05)].filter((e) => e.colour);
  return groupBy(seen, (e) => e.colour!, true)
    .map(([colour, group]) => ({ colour, group, area: group.reduce((sum, e) => sum + e.areaFraction, 0) }))
    .sort((a, b) => b.area - a.area)
    .slice(0, 5)
    .map(({ colour, group, area }) => {
      const names = [...group].sort((a, b) => b.areaFraction - a.areaFraction).slice(0, 3);
      return { colour, area, shownBy: joinList(names.map((e) => ref([e.id], `the ${e.label}`))) };
    });
}

/** The colours in view, the most of the picture first, each with what shows it ("grey (the road and the wall)"). */
export function paletteAnswer(ctx: ComposeContext): string | undefined {
  const groups = paletteGroups(ctx.facts);
  if (groups.length === 0) return undefined;
  const parts = groups.map(({ colour, shownBy }) => `${colour} (${shownBy})`);
  return `The colours I see, the most of the picture first: ${joinList(parts)}.`;
}

export function colourAnswer(ctx: ComposeContext): string {
  const { question } = ctx;
  const whole = !question.targets.length && !question.targetLabels.length && !question.unknownThing;
  const palette = whole && PALETTE.test(question.question.toLowerCase()) ? paletteAnswer(ctx) : undefined;
  if (palette) return palette;
  const found = targets(ctx, 'the colour of');
  if ('answer' in found) return found.answer;
  if (ctx.question.sameColour) return sameColourAnswer(ctx, found.entities);
  const answer = colourOf(ctx, found.entities);
  return found.hedge ? afterHedge(found.hedge, answer) : answer;
}

/** "Are they all the same colour?": yes or no, then the colours as a colour question would give them. */
function sameColourAnswer(ctx: ComposeContext, entities: EntityFacts[]): string {
  if (entities.length < 2)
    return `There is only one ${entities[0].label} to go by: ${theEntity(entities[0])}, ${entities[0].position}.`;
  const same = new Set(entities.map((e) => e.colour)).size === 1;
  // "Are they different colours?" is yes where "the same colour?" is no.
  const yes = /\bdifferent\b/.test(ctx.question.question.toLowerCase()) ? !same : same;
  const colours = colourOf({ ...ctx, question: { ...ctx.question, labels: [], fromHistory: true } }, entities);
  return `${yes ? 'Yes' : 'No'}: ${decapitalizeMarked(colours)}`;
}

/**
 * "His shirt", "her trousers": wearers seen through the colour of the band of their mask the garment covers
 * (the scene graph's clothes.ts), named as "the person's shirt". Anything else is seen as it is.
 */
function wornView(question: ComposeContext['question'], entities: EntityFacts[]) {
  const worn = question.worn;
  if (!worn || !entities.every((e) => e.clothes?.[worn.band])) return { entities, worn: undefined };
  return { entities: entities.map((e) => inGarment(e, worn)), worn };
}

function colourOf(ctx: ComposeContext, entities: EntityFacts[]): string {
  const { question, seed } = ctx;
  const view = wornView(question, entities);
  const found = { entities: view.entities };
  const hedge = (e: EntityFacts) => (e.colourFromMask ? '' : ' (judged from the middle of its box, as it has no mask)');
  const named = (e: EntityFacts) =>
    view.worn ? `${ref([e.id], `the ${e.label}`)}'s ${view.worn.garment}` : ref([e.id], `the ${e.label}`);
  // "His trousers look blue": a garment named in the plural takes a plural verb.
  const verbs =
    view.worn && pluralGarment(view.worn.garment)
      ? { looks: 'look', isMostly: 'are mostly', appears: 'appear' }
      : { looks: 'looks', isMostly: 'is mostly', appears: 'appears' };
  const howWorn = view.worn ? wornNote(view.worn) : ' (going by the clothes)';
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    if (!entity.colour) return `I can't tell the colour of ${named(entity)}.`;
    const clothes = WEARS_CLOTHES.has(entity.label) ? howWorn : '';
    if (question.colourChoice) {
      const lead = question.colourChoice.includes(entity.colour) ? capitalize(entity.colour) : 'Neither';
      return `${lead}: ${named(entity)} ${verbs.looks} ${entity.colour}${clothes}${hedge(entity)}.`;
    }
    if (question.colourPair) {
      const seen = [entity.colour, entity.secondColour];
      const both = question.colourPair.every((c) => seen.includes(c));
      const one = question.colourPair.some((c) => seen.includes(c));
      return `${both ? 'Yes' : one ? 'Partly' : 'No'}: ${named(entity)} ${verbs.looks} ${shaded(entity)}${clothes}${hedge(entity)}.`;
    }
    if (question.askedColour) {
      // "Is the dog white?" of a brown and white dog: partly, not a flat no.
      if (question.askedColour === entity.secondColour)
        return `Partly: ${named(entity)} ${verbs.looks} ${shaded(entity)}${hedge(entity)}.`;
      return question.askedColour === entity.colour
        ? `Yes, ${named(entity)} ${verbs.isMostly} ${entity.colour}${clothes}${hedge(entity)}.`
        : `No, ${named(entity)} ${verbs.looks} ${entity.colour} rather than ${question.askedColour}${clothes}${hedge(entity)}.`;
    }
    const verb = pick([verbs.looks, verbs.isMostly, verbs.appears], seed, 'colour');
    return `${capitalize(named(entity))} ${verb} ${shaded(entity)}${clothes}${hedge(entity)}.`;
  }
  // Alike instances are one fact, not a list of the same word: "The horses are all brown."
  const colours = new Set(found.entities.map((e) => e.colour));
  if (colours.size === 1 && found.entities[0].colour) {
    return `${capitalize(theGroup(found.entities))} are ${found.entities.length === 2 ? 'both' : 'all'} ${found.entities[0].colour}${WEARS_CLOTHES.has(found.entities[0].label) ? howWorn : ''}.`;
  }
  // "What colour is the car?" with several cars of different colours and nothing to tell them apart: the most prominent one
  // (biggest), named as such, and how many others there are — not a list the singular question did not ask for.
  const plural = question.labels.some((l) => l.plural) || question.fromHistory;
  if (!plural && !question.askedColour && found.entities.every((e) => e.label === found.entities[0].label)) {
    const main = [...found.entities].sort((a, b) => b.areaFraction - a.areaFraction)[0];
    if (main.colour) {
      const others = found.entities.length - 1;
      const choose = `I see ${numberWord(others)} other${others > 1 ? 's' : ''}: say which one by its place or colour`;
      // Named as themselves (their whole mask's colour), whatever band the garment was read from.
      const who = ref([main.id], `the ${colouredLabel(entities.find((e) => e.id === main.id) ?? main)}`);
      if (view.worn)
        return `The ${view.worn.garment} of the biggest ${main.label}, ${who} ${main.position}, ${verbs.looks} ${shaded(main)}${wornNote(view.worn).slice(0, -1)}; ${choose}).`;
      return `The biggest ${main.label}, ${who} ${main.position}, looks ${shaded(main)}${hedge(main)} (${choose}).`;
    }
  }
  const each = found.entities
    .slice(0, 6)
    .map((e) => ref([e.id], `${e.colour ? shaded(e) : 'unclear'} (the one ${e.position})`));
  // People are named by their clothes: "the people's shirts read black (…)", never "the people are black".
  if (found.entities.every((e) => WEARS_CLOTHES.has(e.label))) {
    const worn = view.worn
      ? pluralGarment(view.worn.garment)
        ? view.worn.garment
        : pluralize(view.worn.garment)
      : 'clothes';
    return `${capitalize(theGroup(found.entities))}'s ${worn} read ${joinList(each)}${view.worn ? wornNote(view.worn) : ''}.`;
  }
  if (new Set(found.entities.map(shaded)).size < found.entities.length) return groupedColours(found.entities);
  return `${capitalize(theGroup(found.entities))} are ${joinList(each)}.`;
}

/**
 * "Of the six bowls, five are white (at the bottom) and one is blue (in the centre)": alike colours said once,
 * each group linked to its things, rather than the same word five times.
 */
function groupedColours(entities: EntityFacts[]): string {
  const parts = groupBy(entities, (e) => shaded(e) || 'unclear', true).map(([colour, group]) => {
    const places = joinList([...new Set(group.map((e) => e.position))]);
    const verb = group.length > 1 ? 'are' : 'is';
    return ref(
      group.map((e) => e.id),
      `${numberWord(group.length)} ${verb} ${colour} (${places})`,
    );
  });
  const all = entities.every((e) => e.label === entities[0].label) ? `the ${countRef(entities)}` : theGroup(entities);
  return `Of ${all}, ${joinList(parts)}.`;
}
