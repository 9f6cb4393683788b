/**
 * "Is there anything red?", "what is white?", "which things are blue?": the things and regions picked by the
 * colour asked, with no noun named; and "what is the main colour?". Each goes by the colour its own pixels vote
 * for (scene/graph/colour.ts), a thing's main colour (and a coat's second), so a red stripe on a white truck
 * does not make it red: the answer says so when it finds nothing.
 */
import type { ColourName } from '../../scene/graph/colour';
import { ref } from '../links/markup';
import type { EntityFacts } from '../scene-facts';
import { paletteAnswer, paletteGroups } from './compose-colour';
import type { ComposeContext } from './compose-overview';
import { STATE_MIN_SCORE } from './compose-setting';
import { aEntity, capitalize, joinList, percentOfImage, placedNames } from './phrasing';

/** Asked for grey things, silver ones are among them (silver is the name for grey metal); asked for silver, only silver. */
function hasColour(entity: EntityFacts, colour: ColourName): boolean {
  const own = [entity.colour, entity.secondColour];
  return own.includes(colour) || (colour === 'grey' && own.includes('silver'));
}

/** "the brown dog on the left (brown and white)": a match on a coat's second colour says both. */
function withSecond(name: string, entity: EntityFacts, colour: ColourName): string {
  return entity.colour !== colour && entity.secondColour === colour ? `${name} (${entity.colour} and ${colour})` : name;
}

export function colourSearchAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const colour = question.colourSought;
  if (!colour) return mainColourAnswer(ctx);
  const things = facts.entities.filter((e) => hasColour(e, colour));
  const sure = things.filter((e) => (e.score ?? 1) >= STATE_MIN_SCORE).slice(0, 6);
  const weak = things.filter((e) => (e.score ?? 1) < STATE_MIN_SCORE).slice(0, 3);
  const regions = facts.stuff.filter((s) => hasColour(s, colour)).slice(0, 3);
  const named = [
    ...placedNames(sure, facts.entities).map((name, i) => withSecond(name, sure[i], colour)),
    ...regions.map((r) => ref([r.id], `the ${colour} ${r.label} (${percentOfImage(r.areaFraction)} of the image)`)),
  ];
  const unsure = weak.length
    ? `possibly ${joinList(weak.map(aEntity))} (the detector is unsure: ${Math.max(...weak.map((e) => e.score ?? 0)).toFixed(2)} at most)`
    : '';
  if (named.length) {
    const also = unsure ? `, and ${unsure}` : '';
    return question.yesNo ? `Yes: ${joinList(named)}${also}.` : `${capitalize(joinList(named))}${also}.`;
  }
  if (unsure) return question.yesNo ? `Possibly: ${unsure.replace(/^possibly /, '')}.` : `${capitalize(unsure)}.`;
  const palette = paletteAnswer(ctx);
  const none = `${question.yesNo ? 'No, nothing' : 'Nothing'} I see looks mainly ${colour} (I go by each thing's main colour, so a small ${colour} part can be missed).`;
  return palette ? `${none} ${palette}` : none;
}

/** "What is the main colour?": the colour covering most of the picture, and the next. */
function mainColourAnswer(ctx: ComposeContext): string {
  const [first, second] = paletteGroups(ctx.facts);
  if (!first) return 'I have no colours to go by: nothing was found with a mask or box to read them from.';
  const then = second ? `; then ${second.colour} (${second.shownBy})` : '';
  return `${capitalize(first.colour)} covers the most: ${first.shownBy}, ${percentOfImage(Math.min(1, first.area))} of the picture${then}.`;
}
