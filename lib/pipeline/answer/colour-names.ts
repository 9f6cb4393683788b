/**
 * Names the dominant colour of a set of pixels with one of 12 basic colour words, so answers can say
 * "a red car". Basic words rather than fine shades: people agree on them, and the matcher only needs the noun.
 *
 * Each pixel is converted to HSL and named by this table (hue in degrees, S and L in 0..1), first match wins:
 *
 * | rule                                              | name   |
 * |---------------------------------------------------|--------|
 * | L < 0.18                                          | black  |
 * | L > 0.90 and S < 0.5, or S < 0.12 and L > 0.82    | white  |
 * | S < 0.12 (achromatic)                             | grey   |
 * | hue 20–65, L ≥ 0.70, S < 0.75                     | beige  |
 * | hue < 15 or ≥ 345: L > 0.72 → pink,                |        |
 * |   S < 0.45 and L < 0.45 (dull dark red) → brown,  |        |
 * |   else                                            | red    |
 * | hue 15–45: L < 0.40 → brown, else                 | orange |
 * | hue 45–70: L < 0.30 → green (olive), else         | yellow |
 * | hue 70–170                                        | green  |
 * | hue 170–260                                       | blue   |
 * | hue 260–290                                       | purple |
 * | hue 290–345: L > 0.60 → pink, else                | purple |
 *
 * Very dark (L < 0.08) and very bright (L > 0.96) pixels are usually shadows and specular highlights rather
 * than the object's paint, so they only count when they are most of the object (a black cat, a white plate):
 * see dominantColourName.
 */

import type { CroppedMask } from './cropped-mask';

export const COLOUR_NAMES = [
  'black',
  'white',
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'brown',
  'beige',
] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];

/** HSL of an 8-bit RGB triple: hue in degrees [0, 360), saturation and lightness in [0, 1]. */
export function rgbToHsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const rn = r / 255, gn = g / 255, bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return { h: 0, s: 0, l };
  const s = delta / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === rn) h = ((gn - bn) / delta) % 6;
  else if (max === gn) h = (bn - rn) / delta + 2;
  else h = (rn - gn) / delta + 4;
  h *= 60;
  if (h < 0) h += 360;
  return { h, s: Math.min(1, s), l };
}

/** The basic colour word for one pixel (table above). */
export function nameColour(r: number, g: number, b: number): ColourName {
  const { h, s, l } = rgbToHsl(r, g, b);
  if (l < 0.18) return 'black';
  if ((l > 0.9 && s < 0.5) || (s < 0.12 && l > 0.82)) return 'white';
  if (s < 0.12) return 'grey';
  if (h >= 20 && h < 65 && l >= 0.7 && s < 0.75) return 'beige';
  if (h < 15 || h >= 345) {
    if (l > 0.72) return 'pink';
    if (s < 0.45 && l < 0.45) return 'brown';
    return 'red';
  }
  if (h < 45) return l < 0.4 ? 'brown' : 'orange';
  if (h < 70) return l < 0.3 ? 'green' : 'yellow';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  if (h < 290) return 'purple';
  return l > 0.6 ? 'pink' : 'purple';
}

/** Shadows and highlights: excluded from the vote unless they dominate (see module comment). */
function isLightingOutlier(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 510;
  return lightness < 0.08 || lightness > 0.96;
}

export interface ColourVote {
  name: ColourName;
  /** Share of the counted pixels with this name, 0..1. */
  share: number;
}

/** Above this share of the object, shadows/highlights are the object's real colour (black or white). */
const OUTLIER_MAJORITY = 0.6;
/** Vote over at most about this many pixels: plenty for a plurality, and keeps large masks cheap. */
const MAX_SAMPLES = 20_000;

/**
 * Dominant colour of the image pixels (row-major RGB, `width` pixels a row) inside `mask`, by plurality vote
 * of per-pixel names. Returns null when the mask is empty.
 */
export function dominantColourName(rgb: Uint8Array, width: number, mask: CroppedMask): ColourVote | null {
  let area = 0;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i]) area++;
  if (area === 0) return null;
  const stride = Math.max(1, Math.floor(area / MAX_SAMPLES));

  const votes = new Map<ColourName, number>();
  const outlierVotes = new Map<ColourName, number>();
  let counted = 0;
  let outliers = 0;
  let seen = 0;
  for (let j = 0; j < mask.data.length; j++) {
    if (!mask.data[j]) continue;
    if (seen++ % stride !== 0) continue;
    const i = (mask.y0 + Math.floor(j / mask.width)) * width + mask.x0 + (j % mask.width);
    const r = rgb[i * 3], g = rgb[i * 3 + 1], b = rgb[i * 3 + 2];
    const name = nameColour(r, g, b);
    if (isLightingOutlier(r, g, b)) {
      outliers++;
      outlierVotes.set(name, (outlierVotes.get(name) ?? 0) + 1);
    } else {
      counted++;
      votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  const total = counted + outliers;
  const useOutliers = counted === 0 || outliers / total > OUTLIER_MAJORITY;
  const pool = useOutliers ? mergeVotes(votes, outlierVotes) : votes;
  const poolSize = useOutliers ? total : counted;
  let best: ColourName | null = null;
  let bestCount = -1;
  for (const name of COLOUR_NAMES) {
    const count = pool.get(name) ?? 0;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best ? { name: best, share: bestCount / poolSize } : null;
}

function mergeVotes(a: Map<ColourName, number>, b: Map<ColourName, number>): Map<ColourName, number> {
  const merged = new Map(a);
  for (const [name, count] of b) merged.set(name, (merged.get(name) ?? 0) + count);
  return merged;
}
