/**
 * Names the colour of a mask's own pixels with a basic colour word, in CIELAB (culori's LCh, D65), the space
 * where equal distances look equally different: lightness L 0–100, chroma C (colourfulness), hue h in degrees.
 *
 * Per pixel (the table is evaluated once per 5-bit RGB bin, 32 768 bins, then looked up):
 *
 * | rule                                               | name                                 |
 * |----------------------------------------------------|--------------------------------------|
 * | L < 12, or L > 97 with C < 6                        | shadow / highlight: left out (below) |
 * | C < 10 (achromatic)                                 | decided by the group's lightness     |
 * | h ≥ 340 or h < 15                                   | pink if L > 60, else red             |
 * | 15 ≤ h < 40                                         | pink if L > 75 and C < 40, else red  |
 * | 40 ≤ h < 80                                         | orange if C ≥ 40 and L ≥ 55; beige if L ≥ 78; else brown |
 * | 80 ≤ h < 110                                        | beige if C < 25 and L ≥ 70; yellow if L ≥ 55; brown if h < 90; else green |
 * | 110 ≤ h < 200 green · 200 ≤ h < 312 blue · 312 ≤ h < 340 purple (pink if L > 70) |  |
 *
 * The hue boundaries sit halfway between the CIELAB hues of the focal colours (sRGB red 40°, orange 70°,
 * yellow 102°, green 136°, cyan 196°; blue 306° and purple 328° are close, so their boundary is nearer blue,
 * where the mid blues of paint and denim (285–300°) stay blue); C < 10 is where colour naming studies find
 * people stop naming a hue. The whole mask is then voted on: all achromatic pixels form ONE group that competes
 * with each hue name, so the greys of a white truck's shaded side (bluish, but barely) cannot out-vote it.
 * When the achromatic group wins, the lightness of its lit side (the 75th percentile: shading only ever darkens
 * a surface, so the lit part shows its paint) names it: ≥ 75 white (photographed white cloth and paint seldom
 * reach L 85 at normal exposure), 60–75 silver for metal things (vehicles, appliances, cutlery: metallic
 * paint) and grey otherwise, 30–60 grey, < 30 black.
 * Shadows and highlights only count when they are most of the mask (a black cat, a white plate).
 */
import { converter } from 'culori';
import type { CroppedMask } from './cropped-mask';

export const COLOUR_NAMES = [
  'black', 'white', 'grey', 'silver', 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'beige',
] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];

type HueName = Exclude<ColourName, 'black' | 'white' | 'grey' | 'silver'>;
const ACHROMATIC = 'achromatic';
type PixelClass = HueName | typeof ACHROMATIC;

export const ACHROMATIC_MAX_CHROMA = 10;
const SHADOW_MAX_L = 12;
const HIGHLIGHT_MIN_L = 97;
/** Above this share of the mask, shadows/highlights are the object's real colour (black or white). */
const OUTLIER_MAJORITY = 0.6;
/** Vote over at most about this many pixels: plenty for a plurality, and keeps stuff regions cheap. */
const MAX_SAMPLES = 40_000;

/** Things whose light grey is metallic paint or steel, so people say "silver". */
const METAL_LABELS = new Set([
  'car', 'truck', 'bus', 'train', 'motorcycle', 'bicycle', 'airplane', 'boat', 'laptop', 'refrigerator', 'oven',
  'microwave', 'toaster', 'sink', 'knife', 'fork', 'spoon', 'scissors', 'bowl', 'cell phone', 'parking meter',
]);

const toLch = converter('lch65');

export function hueName(l: number, c: number, h: number): HueName {
  if (h >= 340 || h < 15) return l > 60 ? 'pink' : 'red';
  if (h < 40) return l > 75 && c < 40 ? 'pink' : 'red';
  if (h < 80) return c >= 40 && l >= 55 ? 'orange' : l >= 78 ? 'beige' : 'brown';
  if (h < 110) return c < 25 && l >= 70 ? 'beige' : l >= 55 ? 'yellow' : h < 90 ? 'brown' : 'green';
  if (h < 200) return 'green';
  if (h < 312) return 'blue';
  return l > 70 ? 'pink' : 'purple';
}

/** Achromatic lightness → name (see module comment). */
export function greyName(lightness: number, label: string): ColourName {
  if (lightness >= 75) return 'white';
  if (lightness >= 60) return METAL_LABELS.has(label) ? 'silver' : 'grey';
  if (lightness >= 30) return 'grey';
  return 'black';
}

interface BinTable {
  /** Index into CLASSES. */
  cls: Uint8Array;
  lightness: Float32Array;
  outlier: Uint8Array;
}
const CLASSES: PixelClass[] = [ACHROMATIC, 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'beige'];
let table: BinTable | undefined;

function binTable(): BinTable {
  if (table) return table;
  const cls = new Uint8Array(32768);
  const lightness = new Float32Array(32768);
  const outlier = new Uint8Array(32768);
  for (let bin = 0; bin < 32768; bin++) {
    const r = (((bin >> 10) & 31) * 8 + 4) / 255, g = (((bin >> 5) & 31) * 8 + 4) / 255, b = ((bin & 31) * 8 + 4) / 255;
    const { l, c, h } = toLch({ mode: 'rgb', r, g, b });
    const chroma = c ?? 0;
    lightness[bin] = l;
    outlier[bin] = l < SHADOW_MAX_L || (l > HIGHLIGHT_MIN_L && chroma < 6) ? 1 : 0;
    cls[bin] = chroma < ACHROMATIC_MAX_CHROMA ? 0 : CLASSES.indexOf(hueName(l, chroma, h ?? 0));
  }
  return (table = { cls, lightness, outlier });
}

/** The name of one pixel, as it would vote alone (achromatic ones by their own lightness). */
export function nameColour(r: number, g: number, b: number, label = ''): ColourName {
  const t = binTable();
  const bin = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
  const cls = CLASSES[t.cls[bin]];
  return cls === ACHROMATIC ? greyName(t.lightness[bin], label) : cls;
}

export interface ColourVote {
  name: ColourName;
  /** Share of the counted pixels that voted for the winning group, 0..1. */
  share: number;
}

/**
 * Dominant colour of the image pixels (row-major RGB, `width` pixels a row) inside `mask`; `label` decides
 * silver vs grey. Null when the mask is empty.
 */
export function dominantColour(rgb: Uint8Array, width: number, mask: CroppedMask, label: string): ColourVote | null {
  const t = binTable();
  let area = 0;
  for (let i = 0; i < mask.data.length; i++) area += mask.data[i];
  if (area === 0) return null;
  const stride = Math.max(1, Math.floor(area / MAX_SAMPLES));
  const votes = new Float64Array(CLASSES.length);
  const outlierVotes = new Float64Array(CLASSES.length);
  const greys: number[] = [];
  const outlierGreys: number[] = [];
  let seen = 0;
  for (let j = 0; j < mask.data.length; j++) {
    if (!mask.data[j] || seen++ % stride !== 0) continue;
    const i = ((mask.y0 + Math.floor(j / mask.width)) * width + mask.x0 + (j % mask.width)) * 3;
    const bin = ((rgb[i] >> 3) << 10) | ((rgb[i + 1] >> 3) << 5) | (rgb[i + 2] >> 3);
    const cls = t.cls[bin];
    if (t.outlier[bin]) {
      outlierVotes[cls]++;
      if (cls === 0) outlierGreys.push(t.lightness[bin]);
    } else {
      votes[cls]++;
      if (cls === 0) greys.push(t.lightness[bin]);
    }
  }
  const counted = votes.reduce((a, b) => a + b, 0);
  const outliers = outlierVotes.reduce((a, b) => a + b, 0);
  const useOutliers = counted === 0 || outliers / (counted + outliers) > OUTLIER_MAJORITY;
  const pool = useOutliers ? votes.map((v, k) => v + outlierVotes[k]) : votes;
  const poolSize = useOutliers ? counted + outliers : counted;
  let best = 0;
  for (let k = 1; k < pool.length; k++) if (pool[k] > pool[best]) best = k;
  const share = pool[best] / poolSize;
  if (best !== 0) return { name: CLASSES[best] as HueName, share };
  const lightnesses = useOutliers ? [...greys, ...outlierGreys] : greys;
  return { name: greyName(litLightness(lightnesses), label), share };
}

const LIT_PERCENTILE = 0.75;

function litLightness(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) * LIT_PERCENTILE)] : 0;
}
