/** Answers about particular entities: where, what colour, which is biggest / nearest, regions (relations: compose-relation.ts). */
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import { decapitalizeMarked, ref } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { lookalikeClasses } from '../../lexicon/model-lexicon';
import { absentAnswer, WEAK_MENTION_SCORE, type ComposeContext } from './compose-overview';
import { relationPhrase, relationsOf } from './compose-setting';
import { faintSceneAnswer } from './compose-faint';
import { superlativeOf } from './superlatives';
import { narrowInstances, readCues } from '../../lexicon/instances';
import {
  capitalize,
  colouredLabel,
  countRef,
  distinctEntity,
  inGarment,
  joinList,
  numberWord,
  percentOfImage,
  pick,
  placedNames,
  pluralGarment,
  theEntities,
  theEntity,
  theGroup,
  withArticle,
  wornNote,
} from './phrasing';

/** The entities a question is about, or an answer saying they are not there (or that it names nothing). */
export function targets(
  ctx: ComposeContext,
  what: string,
): { entities: EntityFacts[]; hedge?: string } | { answer: string } {
  const { facts, question } = ctx;
  if (facts.entities.length === 0 && facts.stuff.length === 0) return { answer: faintSceneAnswer(facts) };
  if (question.targets.length) return { entities: question.targets };
  // "And the other one?" when there is no other: say so, rather than deny what was just described.
  const all = question.targetLabels.flatMap((label) => facts.entities.filter((e) => e.label === label));
  if (question.fromHistory && all.length)
    return { answer: `There is no other ${question.targetLabels[0]}: I see only ${countRef(all)}.` };
  if (question.targetLabels.length) {
    const asked = question.targetLabels[0];
    const reread = rereadAs(facts, asked);
    if (reread) {
      // The detector's own second reading of a box is the strongest lead there is: named, with both scores.
      const { entity, score } = reread;
      return {
        entities: [entity],
        hedge: `I see no ${asked} as such, but ${theEntity(entity)} may be ${ref([entity.id], withArticle(asked))}: the detector's second reading of it is ${asked} (${score.toFixed(2)}, after ${entity.label} ${(entity.score ?? 0).toFixed(2)}). `,
      };
    }
    const lookalikes = lookalikeClasses(asked).flatMap((label) =>
      [...facts.entities, ...facts.stuff].filter((e) => e.label === label),
    );
    if (lookalikes.length === 1) {
      // The question takes it for granted; the model's nearest class is the honest candidate, said as such.
      const seer = lookalikes[0].kind === 'stuff' ? 'the scene segmenter' : 'the detector';
      const named = lookalikes[0].kind === 'stuff' ? lookalikes[0].label : withArticle(lookalikes[0].label);
      return {
        entities: lookalikes,
        hedge: `I see no ${question.targetLabels[0]} as such, but ${seer} may have named it ${named}: `,
      };
    }
    return { answer: absentAnswer(ctx, question.targetLabels[0]) };
  }
  if (question.unknownThing) return { answer: absentAnswer(ctx, question.unknownThing) };
  // Nothing sure to choose from: the leads there are, not an empty list.
  if (facts.counts.length === 0) return { answer: faintSceneAnswer(facts) };
  return {
    answer: `Which one do you mean? I can tell you ${what} any of these: ${joinList(facts.counts.map((c) => pluralize(c.label)))}.`,
  };
}

/** The shown entity the detector also read as `label` (its best such alternative, at WEAK_MENTION_SCORE or more). */
function rereadAs(facts: SceneFacts, label: string): { entity: EntityFacts; score: number } | undefined {
  const readings = facts.entities.flatMap((entity) =>
    (entity.alternatives ?? [])
      .filter((a) => a.label === label && (a.score ?? 0) >= WEAK_MENTION_SCORE)
      .map((a) => ({ entity, score: a.score ?? 0 })),
  );
  return readings.sort((a, b) => b.score - a.score)[0];
}

export function whereAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'where to find');
  if ('answer' in found) return found.answer;
  const { facts, seed } = ctx;
  if (found.entities.length === 1) {
    const entity = found.entities[0];
    const relation = relationsOf(facts, entity)[0];
    const extra = relation ? `, ${relationPhrase(facts, entity, relation)}` : '';
    const depth =
      entity.depth === 'front' ? ', in the foreground' : entity.depth === 'back' ? ', in the background' : '';
    const lead = pick(['is', 'can be seen'], seed, 'where'); // not "sits": a posture nothing here sees
    const sentence = `${theEntity(entity)} ${lead} ${placeInFrame(entity)}${depth}${extra}.`;
    return found.hedge ? `${found.hedge}${sentence}` : capitalize(sentence);
  }
  const label = found.entities[0].label;
  const heading = found.entities.every((e) => e.label === label)
    ? `There are ${countRef(found.entities)}`
    : 'There are several';
  // Many alike ("six bowls"): said by colour and place, once per group, not one by one.
  if (found.entities.length >= 4 && found.entities.every((e) => e.label === label))
    return `${heading}: ${groupedPlaces(found.entities)}.`;
  const shown = found.entities.slice(0, 6).sort((a, b) => a.centre[0] - b.centre[0]);
  // "Where" asks the place: even one told apart by its order from the left gets it ("…, at the top right").
  const places = placedNames(shown, facts.entities);
  // Ten found, six placed: say it is six of them, not a list that looks like all of them.
  const some = found.entities.length > shown.length ? `; ${numberWord(shown.length)} of them` : '';
  return `${heading}${some}: ${joinList(places)}.`;
}

/**
 * "five at the bottom (all white) and one in the centre (blue)": alike things by place, each place's colours
 * after it, one link per place.
 */
function groupedPlaces(entities: EntityFacts[]): string {
  const byPlace = new Map<string, EntityFacts[]>();
  for (const e of entities) byPlace.set(e.position, [...(byPlace.get(e.position) ?? []), e]);
  return joinList(
    [...byPlace]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([position, group]) => {
        const colours = new Map<string, number>();
        for (const e of group) colours.set(shaded(e) || 'unclear', (colours.get(shaded(e) || 'unclear') ?? 0) + 1);
        const which =
          colours.size === 1
            ? group.length > 1
              ? `all ${[...colours.keys()][0]}`
              : [...colours.keys()][0]
            : joinList([...colours].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${numberWord(n)} ${c}`));
        return `${ref(
          group.map((e) => e.id),
          `${numberWord(group.length)} ${position}`,
        )} (${which})`;
      }),
  );
}

/** Both axes, as "where" asks: "at the bottom" alone hides that the thing is in the middle left to right. */
export function placeInFrame(entity: EntityFacts): string {
  if (entity.horizontal === 'centre' && entity.vertical !== 'middle')
    return `at the ${entity.vertical} of the image, in the middle`;
  return `${entity.position} of the image`;
}

export function colourAnswer(ctx: ComposeContext): string {
  const found = targets(ctx, 'the colour of');
  if ('answer' in found) return found.answer;
  if (ctx.question.sameColour) return sameColourAnswer(ctx, found.entities);
  const answer = colourOf(ctx, found.entities);
  return found.hedge ? `${found.hedge}${answer.charAt(0).toLowerCase()}${answer.slice(1)}` : answer;
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

/** "dark blue", "light green": the shade where the question asks what colour, never in a yes/no about a hue. */
function shaded(entity: EntityFacts): string {
  const colour = entity.colourShade ? `${entity.colourShade} ${entity.colour}` : (entity.colour ?? '');
  return entity.secondColour ? `${colour} and ${entity.secondColour}` : colour;
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
  const groups = new Map<string, EntityFacts[]>();
  for (const e of entities) groups.set(shaded(e) || 'unclear', [...(groups.get(shaded(e) || 'unclear') ?? []), e]);
  const parts = [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([colour, group]) => {
      const places = joinList([...new Set(group.map((e) => e.position))]);
      const verb = group.length > 1 ? 'are' : 'is';
      return ref(
        group.map((e) => e.id),
        `${numberWord(group.length)} ${verb} ${colour} (${places})`,
      );
    });
  const all = entities.every((e) => e.label === entities[0].label)
    ? ref(
        entities.map((e) => e.id),
        `the ${numberWord(entities.length)} ${pluralize(entities[0].label)}`,
      )
    : theGroup(entities);
  return `Of ${all}, ${joinList(parts)}.`;
}

export function superlativeAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  if (facts.entities.length === 0) return faintSceneAnswer(facts);
  const kind = question.superlative ?? 'biggest';
  // "Who is closest / reaching the highest?" asks among people, whatever else is near or high.
  const who = /^who\b/.test(question.question.trim().toLowerCase());
  // A region named among things takes part too ("which is closer, the tv or the plant?": ADE20K's plant).
  const pool = question.targetLabels.length
    ? [...facts.entities, ...facts.stuff].filter((e) => question.targetLabels.includes(e.label))
    : who
      ? facts.entities.filter((e) => e.label === 'person')
      : facts.entities;
  // "Which is bigger, the horse or the cart?" with no cart: say so, not "there is only one horse".
  // One word may stand for several classes ("vehicle"): a word is missing when none of its classes is there.
  const words = [...new Set(question.labels.map((m) => m.start))].map((start) =>
    question.labels.filter((m) => m.start === start).map((m) => m.label),
  );
  const missing = words.find((labels) => !pool.some((e) => labels.includes(e.label)));
  if (pool.length === 0 || (words.length > 1 && missing))
    return absentAnswer(ctx, (missing ?? question.targetLabels)[0]);
  if (question.nearestTo) return nearestToAnswer(ctx, pool, question.nearestTo);
  const winner = superlativeOf(pool, kind);
  if (pool.length === 1) return `There is only one ${winner.label}: ${theEntity(winner)}, ${winner.position}.`;
  const what = question.targetLabels.length ? winner.label : who ? 'person' : pick(['thing', 'one'], seed, 'thing');
  const detail =
    kind === 'biggest' || kind === 'smallest'
      ? ` ${winner.position}, covering ${percentOfImage(winner.areaFraction)} of the image`
      : kind === 'nearest' || kind === 'farthest'
        ? ` ${winner.position}${winner.depth === 'front' && kind === 'nearest' ? ', in the foreground' : ''} (judged from how low ${winner.label === 'person' ? 'they stand' : 'it stands'} in the frame)`
        : kind === 'tallest' || kind === 'highest'
          ? ` ${winner.position} (${kind === 'tallest' ? 'the tallest box' : 'the highest top edge'} in the frame)`
          : ` (${winner.position})`;
  // "Which is closer, the car or the horse?": a choice between kinds, answered as one.
  if (new Set(pool.map((e) => e.label)).size > 1 && question.targetLabels.length > 1)
    return `Of the ${joinList(question.targetLabels.map(pluralize))}, the ${kind} is ${theEntity(winner)}${detail}.`;
  return `The ${kind} ${what} is ${theEntity(winner)}${detail}.`;
}

/** "What is on the left?": things whose centre lies in that third, or at that depth. */
export function regionAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const region = question.region ?? 'left';
  // "What vehicle is on the left?": of the kinds named only.
  const kinds = question.targetLabels;
  const inRegion = facts.entities.filter(
    (e) =>
      (kinds.length === 0 || kinds.includes(e.label)) &&
      (region === 'front' || region === 'back' ? e.depth === region : e.horizontal === region),
  );
  const place =
    region === 'front'
      ? 'in the foreground'
      : region === 'back'
        ? 'in the background'
        : region === 'centre'
          ? 'in the centre'
          : `on the ${region}`;
  // The background is also the regions things stand before or below (trees, sky, a wall): stuff has no depth.
  const behind =
    region === 'back'
      ? facts.stuff.filter(
          (s) => s.vertical === 'top' || facts.relations.some((r) => r.kind === 'in front of' && r.objectId === s.id),
        )
      : [];
  const stuff = region === 'back' ? behind.slice(0, 3) : facts.stuff.filter((s) => s.horizontal === region).slice(0, 2);
  if (inRegion.length === 0) {
    const backdrop = stuff.length
      ? region === 'back'
        ? ` Behind everything: ${joinList(stuff.map(theEntity))}.`
        : ` Only ${joinList(stuff.map(theEntity))} there.`
      : '';
    return `Nothing I detected stands ${place}.${backdrop}`;
  }
  // Asked of a kind ("which cars are on the right?"), each is named; otherwise counted by kind.
  const byLabel = kinds.length
    ? theEntities(inRegion.slice(0, 6), facts.entities)
    : [...new Set(inRegion.map((e) => e.label))].map((label) => countRef(inRegion.filter((e) => e.label === label)));
  const lead = pick(
    [`${capitalize(place)} I see`, `${capitalize(place)} there ${inRegion.length > 1 ? 'are' : 'is'}`],
    seed,
    'region',
  );
  const backdrop = region === 'back' && stuff.length ? ` Behind them: ${joinList(stuff.map(theEntity))}.` : '';
  return `${lead} ${joinList(byLabel)}.${backdrop}`;
}

/** The gap between two boxes in pixels (0 when they touch or overlap). */
function boxGap(a: EntityFacts, b: EntityFacts): number {
  const dx = Math.max(0, Math.max(a.box[0], b.box[0]) - Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]));
  const dy = Math.max(0, Math.max(a.box[1], b.box[1]) - Math.min(a.box[1] + a.box[3], b.box[1] + b.box[3]));
  return Math.hypot(dx, dy);
}

/** "Who is closest to the racket?": of the pool, the one whose box comes nearest the anchor's (in the frame). */
function nearestToAnswer(ctx: ComposeContext, pool: EntityFacts[], near: { labels: string[]; words: string }): string {
  const { facts } = ctx;
  const named = near.labels.flatMap((label) => facts.entities.filter((e) => e.label === label));
  const anchors = narrowInstances(named, readCues(near.words));
  if (!anchors.length) return absentAnswer(ctx, near.labels[0]);
  const candidates = pool.filter((e) => !anchors.includes(e));
  if (!candidates.length) return `There is nothing else here to be near ${theGroup(anchors)}.`;
  const gap = (e: EntityFacts) => Math.min(...anchors.map((a) => boxGap(e, a)));
  const winner = candidates.reduce((best, e) => (gap(e) < gap(best) ? e : best));
  const anchor = anchors.reduce((best, a) => (boxGap(winner, a) < boxGap(winner, best) ? a : best));
  const how = gap(winner) === 0 ? 'their boxes touch' : 'going by the gap between their boxes in the frame';
  return `${capitalize(distinctEntity(winner, facts.entities))} is closest to ${distinctEntity(anchor, facts.entities)} (${how}).`;
}
