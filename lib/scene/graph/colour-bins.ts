/**
 * The CIELAB values colour.ts votes with, kept per 5-bit RGB bin (32 768 bins) rather than per pixel: culori's
 * conversion runs once per bin, and every mask's pixels are then looked up. The bins are also kept in lightness
 * order, so that a vote's lightness percentiles are counted instead of sorted (lightnessPercentiles). The
 * shadow, highlight and achromatic thresholds are rules of colour.ts's table.
 */
import { converter } from 'culori';

const ACHROMATIC_MAX_CHROMA = 10;
const SHADOW_MAX_L = 12;
const HIGHLIGHT_MIN_L = 97;

const toLch = converter('lch65');

/** The rows of colour.ts's table: 0 achromatic, then the hue sectors. */
function sectorOf(h: number): number {
  if (h >= 340 || h < 40) return 1;
  if (h < 80) return 2;
  if (h < 110) return 3;
  if (h < 200) return 4;
  if (h < 312) return 5;
  return 6;
}
export const SECTORS = 7;
/** sectorOf's hue sectors that shade to brown (colour.ts LIT_SECTORS). */
export const ORANGE = 2,
  YELLOW = 3;

export interface BinTable {
  sector: Uint8Array;
  l: Float32Array;
  c: Float32Array;
  h: Float32Array;
  /** The hue as a unit vector, for averaging on the circle: computed per bin, not per pixel. */
  cos: Float64Array;
  sin: Float64Array;
  outlier: Uint8Array;
  /** The bins in order of lightness, and each bin's place in that order: percentiles by counting (below). */
  byLightness: Uint16Array;
  rank: Uint16Array;
}
let table: BinTable | undefined;

export function binTable(): BinTable {
  if (table) return table;
  const t: BinTable = {
    sector: new Uint8Array(32768),
    l: new Float32Array(32768),
    c: new Float32Array(32768),
    h: new Float32Array(32768),
    cos: new Float64Array(32768),
    sin: new Float64Array(32768),
    outlier: new Uint8Array(32768),
    byLightness: new Uint16Array(32768),
    rank: new Uint16Array(32768),
  };
  for (let bin = 0; bin < 32768; bin++) {
    const r = (((bin >> 10) & 31) * 8 + 4) / 255,
      g = (((bin >> 5) & 31) * 8 + 4) / 255,
      b = ((bin & 31) * 8 + 4) / 255;
    const { l, c, h } = toLch({ mode: 'rgb', r, g, b });
    t.l[bin] = l;
    t.c[bin] = c ?? 0;
    t.h[bin] = h ?? 0;
    t.cos[bin] = Math.cos((t.h[bin] * Math.PI) / 180);
    t.sin[bin] = Math.sin((t.h[bin] * Math.PI) / 180);
    t.outlier[bin] = l < SHADOW_MAX_L || (l > HIGHLIGHT_MIN_L && (c ?? 0) < 6) ? 1 : 0;
    t.sector[bin] = (c ?? 0) < ACHROMATIC_MAX_CHROMA ? 0 : sectorOf(h ?? 0);
  }
  t.byLightness = Uint16Array.from({ length: 32768 }, (_, bin) => bin).sort((a, b) => t.l[a] - t.l[b]);
  t.byLightness.forEach((bin, rank) => (t.rank[bin] = rank));
  return (table = t);
}

export function binOf(r: number, g: number, b: number): number {
  return ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
}

/**
 * Lightness percentiles (shares 0–1) of pixels given by their bins: what sorting their lightness and indexing
 * would give (a bin has one lightness), counted over the bins in lightness order instead — a vote's 40 000
 * samples were sorted several times over, and that was a quarter of the scene graph's time.
 */
export function lightnessPercentiles(t: BinTable, bins: number[], shares: readonly number[]): number[] {
  const counts = new Uint32Array(32768);
  for (const bin of bins) counts[t.rank[bin]]++;
  return shares.map((share) => {
    let before = Math.floor((bins.length - 1) * share);
    for (let rank = 0; rank < 32767; rank++) if ((before -= counts[rank]) < 0) return t.l[t.byLightness[rank]];
    return t.l[t.byLightness[32767]];
  });
}
