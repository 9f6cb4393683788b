/**
 * Where a photo was taken, which room it is, indoors or out: read off what the models found, and saying the
 * evidence. Each place lists the classes (detector, segmenter stuff, crop/whole-image ImageNet names) that
 * point to it; a class counts with the score it was seen with, so one weak detection cannot decide. The
 * table is general knowledge about places (kitchens have ovens and sinks), not about any photo.
 */
import type { EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { joinList, pick, withArticle } from './phrasing';
import { fineWord } from './phrasing';
import { isDetectorTag } from './compose-faint';

interface Place {
  name: string;
  indoor: boolean;
  /** Class names (any model) that suggest the place, with a weight: 1 = typical, 2 = nearly defining. */
  cues: Record<string, number>;
  /** A room of a home (answers "what room is this?"). */
  room?: boolean;
}

const PLACES: Place[] = [
  {
    name: 'kitchen',
    indoor: true,
    room: true,
    cues: {
      oven: 2,
      microwave: 2,
      refrigerator: 2,
      sink: 1,
      stove: 2,
      'kitchen island': 2,
      toaster: 1,
      knife: 1,
      dishwasher: 2,
      'range hood': 2,
      hood: 1,
      cabinet: 0.5,
    },
  },
  {
    name: 'bedroom',
    indoor: true,
    room: true,
    cues: { bed: 2, pillow: 1, wardrobe: 1, 'chest of drawers': 1, 'teddy bear': 0.5, quilt: 1, 'four-poster': 2 },
  },
  {
    name: 'living room',
    indoor: true,
    room: true,
    cues: {
      couch: 2,
      sofa: 2,
      tv: 1,
      television: 1,
      'coffee table': 2,
      fireplace: 2,
      armchair: 1,
      'potted plant': 0.5,
      rug: 0.5,
      cushion: 1,
      'studio couch': 2,
    },
  },
  { name: 'bathroom', indoor: true, room: true, cues: { toilet: 2, bathtub: 2, tub: 2, shower: 2, sink: 1, towel: 1 } },
  {
    name: 'office',
    indoor: true,
    room: true,
    cues: {
      laptop: 2,
      keyboard: 1,
      mouse: 1,
      monitor: 1,
      'desktop computer': 1,
      desk: 1,
      tie: 0.5,
      'swivel chair': 1,
      notebook: 1,
    },
  },
  {
    name: 'restaurant or food stall',
    indoor: true,
    cues: {
      bowl: 0.7,
      'dining table': 0.7,
      cup: 0.4,
      'soup bowl': 1,
      restaurant: 2,
      wok: 1,
      caldron: 1,
      spoon: 0.5,
      chopsticks: 1,
    },
  },
  { name: 'airport', indoor: false, cues: { airplane: 2, airliner: 2, runway: 2, warplane: 1 } },
  {
    name: 'street',
    indoor: false,
    cues: {
      car: 0.6,
      bus: 0.6,
      truck: 0.5,
      'traffic light': 1.5,
      'stop sign': 1.5,
      road: 0.7,
      sidewalk: 1,
      streetlight: 1,
      'parking meter': 1.5,
      cab: 0.5,
      building: 0.3,
    },
  },
  { name: 'savanna (wildlife habitat)', indoor: false, cues: { giraffe: 2, zebra: 2, elephant: 1.5 } },
  { name: 'farm or pasture', indoor: false, cues: { horse: 1, cow: 1.5, sheep: 1.5, ox: 1, fence: 0.5, field: 0.7 } },
  { name: 'skate park', indoor: false, cues: { skateboard: 2 } },
  { name: 'beach', indoor: false, cues: { surfboard: 1.5, sand: 1, sea: 1, seashore: 2, sandbar: 1 } },
  { name: 'ski slope', indoor: false, cues: { skis: 2, snowboard: 2, snow: 1.5, ski: 2 } },
  { name: 'tennis court', indoor: false, cues: { 'tennis racket': 2, racket: 2 } },
  { name: 'baseball field', indoor: false, cues: { 'baseball bat': 1.2, 'baseball glove': 1.2, ballplayer: 0.5 } },
];

/** Stuff that only exists outdoors or only indoors. */
const OUTDOOR_STUFF = new Set([
  'sky',
  'tree',
  'grass',
  'road',
  'sidewalk',
  'mountain',
  'sea',
  'field',
  'sand',
  'earth',
  'hill',
  'river',
  'water',
  'runway',
  'dirt track',
  'snow',
  'land',
  'path',
  'building',
  'fence',
  'plant',
]);
const INDOOR_STUFF = new Set(['ceiling', 'floor', 'rug', 'curtain', 'stairs', 'cabinet', 'wardrobe']);

/** A class and the evidence it brings: names it goes by here (label, finer name) and its score. */
function evidence(ctx: ComposeContext): { names: string[]; score: number; what: string }[] {
  const { facts } = ctx;
  const nodes = [...facts.entities, ...facts.stuff];
  const fromNodes = nodes.map((n: EntityFacts) => ({
    names: [n.label, fineWord(n)].filter((x): x is string => !!x),
    score: n.score ?? 1,
    what: n.label,
  }));
  // The detector's tags are its boxes again: the shown ones are nodes above, the rest too weak to count.
  const fromTags = (facts.tags ?? [])
    .filter((t) => !isDetectorTag(t))
    .map((t) => ({ names: [t.label.toLowerCase()], score: t.score, what: t.label }));
  return [...fromNodes, ...fromTags];
}

interface Scored {
  place: Place;
  score: number;
  because: string[];
}

export function scorePlaces(ctx: ComposeContext): Scored[] {
  const items = evidence(ctx);
  return (
    PLACES.map((place) => {
      let score = 0;
      const because = new Set<string>();
      const used = new Set<string>();
      for (const item of items) {
        const cue = item.names.map((n) => place.cues[n.toLowerCase()]).find((w) => w !== undefined);
        if (cue === undefined) continue;
        // Several instances of one class add less than different classes: a pile of bowls is one clue.
        const key = item.what;
        score += cue * item.score * (used.has(key) ? 0.25 : 1);
        used.add(key);
        // A faint tag still weighs a little, but is not named as something the models found.
        if (item.score >= NAMED_EVIDENCE_SCORE) because.add(item.what);
      }
      return { place, score, because: [...because] };
    })
      // A place backed by nothing strong enough to name is no answer.
      .filter((s) => s.score > 0 && s.because.length > 0)
      .sort((a, b) => b.score - a.score)
  );
}

/** Evidence weaker than this counts towards a place but is not named (as WEAK_MENTION_SCORE elsewhere). */
const NAMED_EVIDENCE_SCORE = 0.2;

/** Below this, the evidence is one weak clue: say what was seen instead of naming a place. */
const MIN_PLACE_SCORE = 0.8;

export function indoorVote(ctx: ComposeContext): { indoor: boolean; because: string[] } | null {
  const { facts } = ctx;
  const outdoor = facts.stuff.filter((s) => OUTDOOR_STUFF.has(s.label));
  const indoor = facts.stuff.filter((s) => INDOOR_STUFF.has(s.label));
  const out = outdoor.reduce((n, s) => n + s.areaFraction, 0);
  const inn = indoor.reduce((n, s) => n + s.areaFraction, 0);
  const best = scorePlaces(ctx)[0];
  const placeVote = best && best.score >= MIN_PLACE_SCORE ? (best.place.indoor ? 0.15 : -0.15) : 0;
  if (out === 0 && inn === 0 && placeVote === 0) return null;
  const isIndoor = inn + Math.max(placeVote, 0) > out + Math.max(-placeVote, 0);
  const because = (isIndoor ? indoor : outdoor).map((s) => s.label);
  if (because.length === 0 && best) because.push(...best.because);
  return { indoor: isIndoor, because: [...new Set(because)].slice(0, 3) };
}

/** "a couch" for a thing, plain "grass" for a stuff region (a mass, not one of something). */
function named(ctx: ComposeContext, label: string): string {
  return ctx.facts.stuff.some((s) => s.label === label) ? label : withArticle(label);
}

export function placeAnswer(ctx: ComposeContext): string {
  if (ctx.question.askedKind) return isItAnswer(ctx, ctx.question.askedKind);
  const text = ctx.question.question.toLowerCase();
  const places = scorePlaces(ctx);
  const askedRoom = /\broom\b/.test(text);
  const candidates = askedRoom ? places.filter((p) => p.place.room) : places;
  const best = candidates[0];
  const io = indoorVote(ctx);
  if (/\b(indoors?|outdoors?|inside|outside)\b/.test(text) && io) {
    const where = io.indoor ? 'indoors' : 'outdoors';
    return `It looks ${where}: the models found ${joinList(io.because.map((b) => named(ctx, b)))}.`;
  }
  if (!best || best.score < MIN_PLACE_SCORE) {
    const io2 = io ? ` It looks ${io.indoor ? 'indoors' : 'outdoors'} (${joinList(io.because)}).` : '';
    return `I can't tell the place for sure from what my models found.${io2}`;
  }
  const name = best.place.name;
  const lead = askedRoom
    ? `It looks like ${withArticle(name)}`
    : pick([`It looks like ${withArticle(name)}`, `Probably ${withArticle(name)}`], ctx.seed, 'place');
  return `${lead}: the models found ${joinList(best.because.slice(0, 4).map((b) => named(ctx, b)))}.`;
}

/** "Is this a kitchen?": yes only when the best-supported place is that one; otherwise what it does look like. */
function isItAnswer(ctx: ComposeContext, asked: string): string {
  const best = scorePlaces(ctx)[0];
  const supported = best && best.score >= MIN_PLACE_SCORE;
  const evidence = supported ? joinList(best.because.slice(0, 4).map((b) => named(ctx, b))) : '';
  if (supported && namesPlace(best.place, asked))
    return `Probably yes: it looks like ${withArticle(best.place.name)}: the models found ${evidence}.`;
  const io = indoorVote(ctx);
  const known = PLACES.find((p) => namesPlace(p, asked));
  if (known && io && known.indoor !== io.indoor)
    return `No, it looks ${io.indoor ? 'indoors' : 'outdoors'}, and ${withArticle(asked)} is ${known.indoor ? 'indoors' : 'outdoors'}: the models found ${joinList(io.because.map((b) => named(ctx, b)))}.`;
  const looks = supported
    ? ` It looks like ${withArticle(best.place.name)} (the models found ${evidence}).`
    : io
      ? ` It looks ${io.indoor ? 'indoors' : 'outdoors'} (${joinList(io.because)}).`
      : '';
  return `I can't tell whether this is ${withArticle(asked)} from what my models found.${looks}`;
}

/** "restaurant" names "restaurant or food stall", "living room" names "living room". */
function namesPlace(place: Place, asked: string): boolean {
  return ` ${place.name.replace(/[()]/g, ' ')} `.includes(` ${asked} `);
}
