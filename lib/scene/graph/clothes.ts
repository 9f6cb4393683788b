/**
 * What a person wears above and below the waist, read from bands of the person's mask. People are named by their
 * whole mask's colour ("the person in blue"), but "what colour is his shirt?" asks about the top and "who is
 * wearing black trousers?" about the legs. The bands are shares of the mask's height for an upright figure —
 * the head about the top fifth, the waist about half way, the shoes the last tenth — from general body
 * proportions, not fitted to any photo. A seated or cropped figure shifts them; the answer says it goes by the
 * mask's upper or lower part.
 */
import type { ColourName, ColourVote } from './colour';
import type { CroppedMask } from './cropped-mask';

/** Labels whose mask colour is their clothes, so that a person is named "in blue". */
export const WEARS_CLOTHES: ReadonlySet<string> = new Set(['person']);

export const UPPER_BODY: readonly [number, number] = [0.2, 0.5];
export const LOWER_BODY: readonly [number, number] = [0.55, 0.9];

export interface ClothesColours {
  upper: ColourName | null;
  lower: ColourName | null;
}

/** The rows of `mask` from `from` to `to` (shares of its height), as a mask of its own. */
export function rowBand(mask: CroppedMask, [from, to]: readonly [number, number]): CroppedMask {
  const top = Math.floor(mask.height * from);
  const bottom = Math.max(top, Math.ceil(mask.height * to));
  const data = mask.data.subarray(top * mask.width, bottom * mask.width);
  return { x0: mask.x0, y0: mask.y0 + top, width: mask.width, height: bottom - top, data };
}

/** The upper and lower body's colours, each voted over its band of the mask as the whole mask's colour is. */
export function clothesColours(mask: CroppedMask, vote: (band: CroppedMask) => ColourVote | null): ClothesColours {
  return { upper: vote(rowBand(mask, UPPER_BODY))?.name ?? null, lower: vote(rowBand(mask, LOWER_BODY))?.name ?? null };
}
