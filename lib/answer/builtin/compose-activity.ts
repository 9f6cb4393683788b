/**
 * What someone is doing: read off the objects a person (or animal) holds, rides, sits on or is right beside,
 * always saying the evidence ("holding a tennis racket, so probably playing tennis"); what sport or game this
 * is comes from compose-sport.ts. Without such evidence the answer says it can't tell: a box and a mask show
 * where something is, not what it does.
 */
import { SEATS } from '../../scene/graph/interactions';
import type { GraphRelation } from '../../scene/graph/types';
import { entityById, type EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { pluralize } from '../vocabulary';
import { normalizeQuestion } from './question-phrases';
import { STATES } from './question-patterns';
import { sportAnswer } from './compose-sport';
import { resolveMarkup } from '../links/markup';
import { cocoSupercategory } from '../../lexicon/coco';
import { placingRelation, relationPhrase } from './compose-setting';
import { aEntity, capitalize, fineWord, joinList, theEntity, theGroup, withArticle } from './phrasing';

/** What holding, riding or being at an object of a class usually means. General knowledge, not per photo. */
const ACTIVITY_OF: Record<string, string> = {
  laptop: 'working on a laptop',
  keyboard: 'typing on a computer',
  'cell phone': 'using a phone',
  book: 'reading',
  knife: 'cutting something',
  scissors: 'cutting something',
  pizza: 'eating or serving pizza',
  donut: 'eating a doughnut',
  sandwich: 'eating a sandwich',
  'hot dog': 'eating a hot dog',
  cake: 'cutting or eating cake',
  banana: 'eating a banana',
  'tennis racket': 'playing tennis',
  'baseball bat': 'batting (baseball)',
  'baseball glove': 'playing baseball',
  frisbee: 'playing frisbee',
  skateboard: 'skateboarding',
  surfboard: 'surfing',
  skis: 'skiing',
  snowboard: 'snowboarding',
  kite: 'flying a kite',
  remote: 'playing a video game or using a remote',
  horse: 'riding a horse',
  bicycle: 'riding a bicycle',
  motorcycle: 'riding a motorcycle',
  umbrella: 'holding an umbrella',
  toothbrush: 'brushing teeth',
  'wine glass': 'drinking',
  cup: 'drinking',
  bottle: 'drinking',
  bowl: 'serving or eating food',
  'sports ball': 'playing ball',
  chair: 'sitting',
  couch: 'sitting',
  bench: 'sitting',
  toilet: 'sitting',
  bed: 'sitting or lying down',
};

/** Things one uses while merely beside or over them (a laptop on the desk in front of you); anything else
 *  must be held or ridden to say what someone does with it (a cup beside someone is not "drinking"). */
const USED_NEARBY = new Set([
  'laptop',
  'keyboard',
  'cell phone',
  'book',
  'tennis racket',
  'baseball bat',
  'skateboard',
  'surfboard',
  'skis',
  'snowboard',
]);

/** Food and what food is served in: held beside an animal, they are most likely its meal. */
const FEED = new Set(['bowl', 'banana', 'apple', 'carrot', 'sandwich', 'hot dog', 'donut', 'pizza', 'cake']);

/** "feeding the white dog": a person holding a bowl or food with an animal beside them, else undefined. */
function animalFed(ctx: ComposeContext, who: EntityFacts, held: EntityFacts): string | undefined {
  if (who.label !== 'person' || !FEED.has(held.label)) return undefined;
  const animals = new Set(cocoSupercategory('animal'));
  const animal = ctx.facts.relations
    .filter(
      (r) => (r.kind === 'next to' || r.kind === 'overlapping') && (r.subjectId === who.id || r.objectId === who.id),
    )
    .map((r) => entityById(ctx.facts, r.subjectId === who.id ? r.objectId : r.subjectId))
    .find((other) => animals.has(other?.label ?? ''));
  return animal ? `feeding ${theEntity(animal)}` : undefined;
}

/** Relations that tie a thing to what someone does with it, strongest first. */
const TIES: GraphRelation['kind'][] = ['holding', 'riding', 'on', 'overlapping', 'next to', 'in front of'];

/** Objects tied to `who`, strongest tie first, with the relation that ties them. */
function tiedObjects(ctx: ComposeContext, who: EntityFacts): { thing: EntityFacts; kind: GraphRelation['kind'] }[] {
  const { facts } = ctx;
  const found: { thing: EntityFacts; kind: GraphRelation['kind']; rank: number }[] = [];
  for (const r of facts.relations) {
    const other = r.subjectId === who.id ? r.objectId : r.objectId === who.id ? r.subjectId : null;
    if (!other) continue;
    const thing = entityById(facts, other);
    if (!thing || thing.kind === 'stuff' || thing.id === who.id) continue;
    // "riding" and "holding" only count from the person's side; the horse does not ride its rider.
    if ((r.kind === 'holding' || r.kind === 'riding') && r.subjectId !== who.id) continue;
    if (thing.label === who.label) continue;
    const seated = r.kind === 'on' && r.subjectId === who.id && SEATS.has(thing.label);
    if (r.kind !== 'holding' && r.kind !== 'riding' && !seated && !USED_NEARBY.has(thing.label)) continue;
    found.push({ thing, kind: r.kind, rank: TIES.indexOf(r.kind) });
  }
  return found.filter((f) => f.rank >= 0 && ACTIVITY_OF[f.thing.label]).sort((a, b) => a.rank - b.rank);
}

/** The question's words from the asked verb on ("looking at the camera"), not just the verb and one more word. */
function askedInFull(text: string, asked: string): string {
  const verb = asked.split(' ')[0];
  const rest = new RegExp(`\\b${verb}\\b(.*)$`).exec(text)?.[1] ?? '';
  return `${verb}${rest.replace(/[?.!\s]+$/, '')}`;
}

/** "What is the man doing?", "What are the people up to?" */
export function activityAnswer(ctx: ComposeContext): string {
  const { question, facts } = ctx;
  const text = normalizeQuestion(question.question); // the words the asked activity was read from
  const asked = question.askedActivity;
  const sport = /^playing (?:an? |the )?(\w+)$/.exec(asked ?? '')?.[1];
  if (sport) {
    // "Is he playing tennis?": the sport the objects in view point to, asked to be that one.
    const seen = sportAnswer(ctx);
    if (seen.toLowerCase().includes(`like ${sport}`)) {
      // The sport answer hedges itself where a game no model knows would look the same ("or another…").
      const lead = /\bor another\b/.test(seen) ? 'Possibly' : 'Probably yes';
      return `${lead}: ${seen.charAt(0).toLowerCase()}${seen.slice(1)}`;
    }
    // The objects in view point to another sport: a hedged no, with that evidence.
    if (seen.startsWith('It looks like')) return `Probably not: ${seen.charAt(0).toLowerCase()}${seen.slice(1)}`;
  }
  // "What are they playing?" asks for the game, whoever "they" are.
  const whatPlayed = /^what (?:are|is) [a-z' ]+ playing\W*$/.test(text);
  // "Is she playing a video game?" checks an activity (a remote in hand), not which sport this is.
  const sportAsked = /\b(sport|game)\b/.test(text) && !asked;
  if (sportAsked || whatPlayed || (/\bplaying\b/.test(text) && question.targets.length === 0 && !asked))
    return sportAnswer(ctx);
  const people = facts.entities.filter((e) => e.label === 'person');
  const targets = question.targets.length ? question.targets.filter((t) => t.kind !== 'stuff') : people;
  if (question.consumedAsked && targets.length) return consumedAnswer(ctx, targets, question.consumedAsked);
  if (question.objectOf && targets.length) {
    const names = targets.length > 1 ? theGroup(targets) : theEntity(targets[0]);
    return `I can't tell what ${names} ${targets.length > 1 ? 'are' : 'is'} ${question.objectOf}: my models show where things are, not what they do or look at.`;
  }
  if (!targets.length) {
    return facts.entities.length
      ? `I can't tell what is going on: my models show where things are (${joinList(facts.counts.slice(0, 3).map((c) => `${c.count} ${c.count > 1 ? pluralize(c.label) : c.label}`))}), not what they do.`
      : "I can't tell what is going on from what my models found: nothing is in view for sure.";
  }
  const sentences: string[] = [];
  const activities: string[] = [];
  const said = new Set<string>();
  for (const who of targets.slice(0, 3)) {
    const tied = tiedObjects(ctx, who);
    if (!tied.length) continue;
    const { thing, kind } = tied[0];
    // Never the same fact twice, nor a thing twice.
    if (said.has(thing.id)) continue;
    said.add(thing.id);
    const verb = kind === 'holding' ? 'holding' : kind === 'riding' ? 'riding' : kind === 'on' ? 'on' : 'at';
    const activity = (kind === 'holding' && animalFed(ctx, who, thing)) || ACTIVITY_OF[thing.label];
    activities.push(activity);
    // "Riding a motorcycle, so probably riding a motorcycle" says nothing twice.
    const so = activity.startsWith(`${verb} `) ? '' : `, so probably ${activity}`;
    sentences.push(`${capitalize(theEntity(who))} is ${verb} ${aEntity(thing)}${so}.`);
  }
  const names = targets.length > 1 ? theGroup(targets) : theEntity(targets[0]);
  if (asked) {
    // "Is the dog eating?": a yes only where a tied object names that very activity.
    // A rider sits: "are they sitting?" of someone riding a motorcycle is backed by the ride.
    // "Is she feeding the dog?" is backed by "feeding the white dog": the same verb and the same kind of thing.
    const [verb, ...object] = asked.split(' ');
    const plain = (a: string) => resolveMarkup(a).text;
    const sameDeed = (a: string) =>
      object.length > 0 && plain(a).startsWith(`${verb} `) && plain(a).endsWith(` ${object.at(-1)}`);
    const backs = (a: string) =>
      a === asked || a.startsWith(`${asked} `) || sameDeed(a) || (asked === 'sitting' && a.startsWith('riding '));
    const backed = activities.some(backs);
    // A yes gives the evidence for it only; a "can't tell" all there is.
    const shown = backed ? sentences.filter((_, i) => backs(activities[i])) : sentences;
    const evidence = shown.length ? ` ${shown.join(' ')}` : '';
    // "Is anyone flying a kite?" with a kite in the sky that no box ties to a person: a lead, not a yes.
    const gear = backed ? undefined : facts.entities.find((e) => ACTIVITY_OF[e.label] === asked);
    // A seat is sat on, a board ridden: nobody "holds" a chair.
    const use = /^(sitting|lying|riding|standing)\b/.test(asked) ? 'is on it' : 'holds it';
    if (gear && !sentences.length)
      return `Possibly: I see ${aEntity(gear)} ${gear.position}, though nobody I detected ${use}, as far as the boxes show.`;
    return backed
      ? `Probably yes.${evidence}`
      : `I can't tell whether ${names} ${targets.length > 1 ? 'are' : 'is'} ${askedInFull(text, asked)}: my models show where things are, not ${STATES.includes(asked) ? 'what state they are in' : 'what they do'}.${evidence}`;
  }
  if (sentences.length) return sentences.join(' ');
  // People tied to nothing, but sports gear in view (kites in the sky, a ball on the pitch): a hedged lead.
  const gear = targets.every((t) => t.label === 'person') ? sportAnswer(ctx) : '';
  if (gear.startsWith('It looks like') || gear.startsWith('Possibly'))
    return `Nothing they hold or ride says so for sure, but what is in view points to a sport or game. ${gear}`;
  // A person is "they", not "it".
  const pronoun = targets.length === 1 && targets[0].label === 'person' ? 'They are' : 'It is';
  // Where it is, by what it is on or in when the graph knows ("It is on the blue car."), else its place in the frame.
  const placing = targets.length === 1 ? placingRelation(ctx.facts, targets[0]) : undefined;
  const place =
    placing && placing.subjectId === targets[0].id && ['on', 'inside', 'riding'].includes(placing.kind)
      ? relationPhrase(ctx.facts, targets[0], placing)
      : targets[0]?.position;
  const where = targets.length === 1 ? ` ${pronoun} ${place}.` : '';
  const fine = targets.map(fineWord).find(Boolean);
  return `I can't tell what ${names} ${targets.length > 1 ? 'are' : 'is'} doing: my models show where things are, not what they do, and nothing ${targets.length > 1 || targets[0].label === 'person' ? 'they hold or ride' : 'it holds or rides'} hints at it.${where}${fine ? ` The crop classifier calls ${targets.length > 1 ? 'one of them' : targets[0].label === 'person' ? 'them' : 'it'} ${withArticle(fine)}.` : ''}`;
}

/** "What is he eating?": the food (or drink) in their hands, hedged: holding it is the evidence, not eating. */
function consumedAnswer(ctx: ComposeContext, targets: EntityFacts[], consumed: 'eating' | 'drinking'): string {
  const sentences = targets.slice(0, 3).flatMap((who) => {
    const held = tiedObjects(ctx, who).find(
      (t) => t.kind === 'holding' && ACTIVITY_OF[t.thing.label].includes(consumed),
    );
    return held ? [`${capitalize(theEntity(who))} is holding ${aEntity(held.thing)}, so probably ${consumed} it.`] : [];
  });
  if (sentences.length) return sentences.join(' ');
  const names = targets.length > 1 ? theGroup(targets) : theEntity(targets[0]);
  const people = targets.every((t) => t.label === 'person');
  const held = people ? 'in their hands' : targets.length > 1 ? 'that they hold' : 'that it holds';
  return `I can't tell what ${names} ${targets.length > 1 ? 'are' : 'is'} ${consumed}: nothing I detected ${held} is ${consumed === 'eating' ? 'food' : 'a drink'}.`;
}
