/**
 * "What sport is this?", "What game are they playing?": the sports gear in view decides (the detector's
 * rackets, bats, gloves, balls and boards); with none, the crop classifier's names and the whole-image tags
 * give a hedged lead ("ballplayer", "soccer ball"). The evidence is always said.
 */
import { entityById, type EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { aEntity, fineWord, joinList, theEntity, withArticle } from './phrasing';

const A_BALL_GAME = 'a ball game';
const BAT_AND_BALL = 'baseball, or another bat-and-ball game my models have no class for';

/** Sports and games, with the gear that shows each; the strongest gear in view decides. */
const SPORT_OF: Record<string, string> = {
  // COCO's bat and glove are baseball's, and no model here has a class for other bat-and-ball games: said as such.
  'tennis racket': 'tennis',
  'baseball bat': BAT_AND_BALL,
  'baseball glove': BAT_AND_BALL,
  frisbee: 'frisbee',
  skateboard: 'skateboarding',
  surfboard: 'surfing',
  skis: 'skiing',
  snowboard: 'snowboarding',
  kite: 'kite flying',
  'sports ball': A_BALL_GAME,
};

/** ImageNet classes that point to a sport, read off the crop classifier's names and the whole-image tags. */
const SPORT_OF_CLASS: Record<string, string> = {
  ballplayer: BAT_AND_BALL,
  racket: 'tennis',
  'tennis ball': 'tennis',
  'soccer ball': 'football (soccer)',
  basketball: 'basketball',
  volleyball: 'volleyball',
  'rugby ball': 'rugby',
  'golf ball': 'golf',
  golfcart: 'golf',
  puck: 'ice hockey',
  'croquet ball': 'croquet',
  'ping-pong ball': 'table tennis',
  'football helmet': 'American football',
  ski: 'skiing',
  'balance beam': 'gymnastics',
  'parallel bars': 'gymnastics',
  'horizontal bar': 'gymnastics',
};

/** The classifiers' strongest lead: the crop classifier's name for a thing, or a whole-image tag, with its score. */
function classifierSport(ctx: ComposeContext): { score: number; sport: string; evidence: string } | undefined {
  const named = ctx.facts.entities
    .filter((e) => {
      const fine = fineWord(e);
      return fine !== undefined && SPORT_OF_CLASS[fine] !== undefined;
    })
    .sort((a, b) => (b.fineName?.score ?? 0) - (a.fineName?.score ?? 0))[0];
  const tag = (ctx.facts.tags ?? [])
    .filter((t) => SPORT_OF_CLASS[t.label.toLowerCase()])
    .sort((a, b) => b.score - a.score)[0];
  if (named && (!tag || (named.fineName?.score ?? 0) >= tag.score)) {
    const fine = fineWord(named)!;
    return {
      score: named.fineName?.score ?? 0,
      sport: SPORT_OF_CLASS[fine],
      evidence: `the crop classifier calls ${theEntity(named)} ${withArticle(fine)}`,
    };
  }
  return tag
    ? {
        score: tag.score,
        sport: SPORT_OF_CLASS[tag.label.toLowerCase()],
        evidence: `the whole-image classifier tags this photo "${tag.label}" (${tag.score.toFixed(2)})`,
      }
    : undefined;
}

/** The classifiers' lead said alone: "possibly …", and what the detector found instead, if anything. */
function leadAnswer(lead: NonNullable<ReturnType<typeof classifierSport>>, gear: EntityFacts[]): string {
  const found = gear.length
    ? `, while the detector found ${aEntity(gear[0])}`
    : ', though no model found the gear itself';
  return `Possibly ${lead.sport}: ${lead.evidence}${found}.`;
}

/**
 * "What sport is this?", "What game are they playing?": the strongest evidence decides, the detector's gear
 * against the classifiers' lead by score; a bare ball ("a ball game") only when nothing names a sport.
 */
export function sportAnswer(ctx: ComposeContext): string {
  const gear = [...ctx.facts.entities].filter((e) => SPORT_OF[e.label]).sort((a, b) => (b.score ?? 1) - (a.score ?? 1));
  const named = gear.filter((g) => SPORT_OF[g.label] !== A_BALL_GAME);
  const lead = classifierSport(ctx);
  // Gear and the classifiers naming the same sport back each other: the gear is said, the classifier agreeing.
  const agreed = lead && named.length && SPORT_OF[named[0].label] === lead.sport;
  const shown = named.length && (!lead || agreed || (named[0].score ?? 1) >= lead.score) ? named : lead ? [] : gear;
  if (!shown.length)
    return (
      (lead && leadAnswer(lead, gear)) ??
      controllerGame(ctx) ??
      "I can't tell which sport or game this is: my models found no sports gear (bat, racket, ball, frisbee, board…)."
    );
  const sport = SPORT_OF[shown[0].label];
  const same = shown.filter((g) => SPORT_OF[g.label] === sport);
  const players = ctx.facts.entities.filter((e) => e.label === 'person');
  const who = players.length ? ` with ${players.length === 1 ? aEntity(players[0]) : `${players.length} people`}` : '';
  const agreeing = agreed && lead ? `; ${lead.evidence}` : '';
  return `It looks like ${sport}: I see ${joinList(uniqueByLabel(same).map((g) => aEntity(g)))}${who}${agreeing}.`;
}

/**
 * With no gear in view, a remote in someone's hands is the lead there is: game consoles are played with
 * remote-like controllers. Said as a possibility, with the evidence.
 */
function controllerGame(ctx: ComposeContext): string | undefined {
  const { facts } = ctx;
  const held = facts.relations.find((r) => r.kind === 'holding' && entityById(facts, r.objectId)?.label === 'remote');
  const holder = held && entityById(facts, held.subjectId);
  const remote = held && entityById(facts, held.objectId);
  if (!holder || !remote) return undefined;
  return `Possibly a video game: ${theEntity(holder)} is holding ${aEntity(remote)}, as game controllers are held, though no model sees the game itself.`;
}

function uniqueByLabel(items: EntityFacts[]): EntityFacts[] {
  const seen = new Set<string>();
  return items.filter((e) => (seen.has(e.label) ? false : (seen.add(e.label), true)));
}
