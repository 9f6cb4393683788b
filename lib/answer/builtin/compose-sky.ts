/**
 * "Is it sunny?", "what's the weather like?", "is it day or night?": no model here sees weather or the time of
 * day, but the scene segmenter's sky region has a colour (the scene graph's CIELAB vote), and a sky's colour is
 * the usual cue: blue is a clear day, white or grey an overcast or hazy one, orange or pink a sunrise or sunset,
 * black or navy night. The answer says it reads the sky's colour; indoors, or with no sky in view, it can't tell.
 */
import type { ColourName } from '../../scene/graph/colour';
import type { EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { indoorVote } from './compose-place';
import { ref } from '../links/markup';
import { joinList } from './phrasing';

interface SkyReading {
  weather: string;
  time: 'day' | 'night' | 'dawn or dusk';
}

/** What a sky of each colour suggests. */
function readSky(colour: ColourName | null, shade: string | undefined): SkyReading | undefined {
  if (colour === 'blue')
    return shade === 'dark' ? { weather: 'clear', time: 'dawn or dusk' } : { weather: 'clear', time: 'day' };
  if (colour === 'white' || colour === 'grey' || colour === 'silver')
    return { weather: 'overcast or hazy', time: 'day' };
  if (colour === 'orange' || colour === 'pink' || colour === 'red' || colour === 'yellow' || colour === 'purple')
    return { weather: 'clear enough for a coloured sky', time: 'dawn or dusk' };
  if (colour === 'black') return { weather: 'dark', time: 'night' };
  return undefined;
}

/** Asks about the time of day rather than the weather. */
const TIME_OF_DAY = /\b(day ?time|night ?time|night|day|dusk|dawn|sunset|sunrise|evening|morning|dark|light|bright)\b/;

export function skyAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const text = question.question.toLowerCase();
  const aboutTime = TIME_OF_DAY.test(text) && !/\b(weather|sunny|cloudy|overcast|rain|snow)/.test(text);
  const io = indoorVote(ctx);
  if (io?.indoor)
    return `I can't tell: it looks indoors (${joinList(io.because)}), so there is no sky to go by, and no model here sees ${aboutTime ? 'the time of day' : 'the weather'} as such.`;
  const sky = facts.stuff
    .filter((s) => s.label === 'sky')
    .sort((a: EntityFacts, b: EntityFacts) => b.areaFraction - a.areaFraction)[0];
  if (!sky)
    return `I can't tell: the scene segmenter found no sky in view, and no model here sees ${aboutTime ? 'the time of day' : 'the weather'} as such.`;
  const reading = readSky(sky.colour, sky.colourShade);
  const skyWord = ref([sky.id], 'the sky');
  const colour = `${sky.colourShade ? `${sky.colourShade} ` : ''}${sky.colour ?? 'no clear colour'}`;
  if (!reading)
    return `I can't tell: ${skyWord} reads ${colour}, which says little about ${aboutTime ? 'the time of day' : 'the weather'}.`;
  const because = `${skyWord} reads ${colour} (going by its colour only; no model here sees ${aboutTime ? 'the time of day' : 'weather'} as such)`;
  if (aboutTime) return `Probably ${reading.time === 'day' ? 'daytime' : reading.time}: ${because}.`;
  if (/\bsunny\b/.test(text))
    return reading.weather === 'clear'
      ? `Probably yes, it looks clear: ${because}.`
      : `Probably not: it looks ${reading.weather}, as ${because}.`;
  if (/\b(rain|raining|rainy|snow|snowing|snowy|foggy|fog|stormy)\b/.test(text))
    return `I can't see rain, snow or fog as such. It looks ${reading.weather}: ${because}.`;
  return `It looks ${reading.weather}: ${because}.`;
}
