/**
 * Names the colour of a mask's own pixels with a basic colour word, in CIELAB (culori's LCh, D65), the space
 * where equal distances look equally different: lightness L 0–100, chroma C (colourfulness), hue h in degrees.
 *
 * Per pixel (the table is evaluated once per 5-bit RGB bin, 32 768 bins, then looked up: colour-bins.ts):
 *
 * | rule                                               | name                                 |
 * |----------------------------------------------------|--------------------------------------|
 * | L < 12, or L > 97 with C < 6                        | shadow / highlight: left out (below) |
 * | C < 10 (achromatic)                                 | decided by the group's lightness     |
 * | h ≥ 340 or h < 15                                   | pink if L > 60; brown if C < 30; else red |
 * | 15 ≤ h < 40                                         | pink if L > 75, or L > 60 and C < 45; brown if C < 35; else red |
 * | 40 ≤ h < 80                                         | orange if C ≥ 40 and L ≥ 55; beige if L ≥ 78; else brown |
 * | 80 ≤ h < 110                                        | beige if C < 25 and L ≥ 70; yellow if L ≥ 55; brown if h < 90; else green |
 * | 110 ≤ h < 200 green · 200 ≤ h < 312 blue · 312 ≤ h < 340 purple (pink if L > 70) |  |
 *
 * The hue boundaries sit halfway between the CIELAB hues of the focal colours (sRGB red 40°, orange 70°,
 * yellow 102°, green 136°, cyan 196°; blue 306° and purple 328° are close, so their boundary is nearer blue,
 * where the mid blues of paint and denim (285–300°) stay blue); C < 10 is where colour naming studies find
 * people stop naming a hue. The whole mask is then voted on by hue SECTOR (the rows of the table: red, orange,
 * yellow, green, blue, purple) against ONE achromatic group, so neither the greys of a white truck's shaded side
 * nor the lit and shaded halves of a red car (pink-ish and brown-ish pixels) split their own vote. A winning
 * sector is named by the table from its pixels' mean L, C and h (a red car's average is red).
 * When the achromatic group wins, it is white when its brightest non-highlight surface (90th percentile) is
 * (glass, tyres and shade take most of a white bus), else the lightness of its lit side (the 75th percentile: shading only ever darkens a
 * surface, so the lit part shows its paint) names it: ≥ 75 white (photographed white cloth and paint seldom
 * reach L 85 at normal exposure), measured against the photo's own white point (lightness constancy: people see
 * the brightest achromatic surface of a scene as white, so an under-exposed photo's white shirts are still
 * white; see imageWhitePoint), 60–75 silver for metal things (vehicles, appliances, cutlery: metallic
 * paint) and grey otherwise, 30–60 grey, < 30 black.
 * Shadows and highlights only count when they are most of the mask (a black cat, a white plate).
 */
import { countSet, forEveryNthSet, type CroppedMask } from './cropped-mask';
import { binOf, binTable, lightnessPercentiles, ORANGE, SECTORS, YELLOW, type BinTable } from './colour-bins';

export const COLOUR_NAMES = [
  'black',
  'white',
  'grey',
  'silver',
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

/** A colour word as people write it ("gray" is grey), or undefined when it names no colour here. */
export function colourNamed(word: string): ColourName | undefined {
  const name = word === 'gray' ? 'grey' : word;
  return (COLOUR_NAMES as readonly string[]).includes(name) ? (name as ColourName) : undefined;
}

type HueName = Exclude<ColourName, 'black' | 'white' | 'grey' | 'silver'>;

/** Above this share of the mask, shadows/highlights are the object's real colour (black or white). */
const OUTLIER_MAJORITY = 0.6;
/**
 * Vote over at most about this many pixels: a share read from 10 000 samples is within ±1 % of the whole mask's.
 * Lowered from 40 000 (2-core AMD EPYC): the scene graph took half the time (COCO128: 3.6 → 1.9 s over 128
 * photos) and one colour in 2 020 changed (1 590 COCO128 things and stuff, 430 on the samples and dev photos:
 * a dining table's brown became beige).
 */
const MAX_SAMPLES = 10_000;

/** Things whose light grey is metallic paint or steel, so people say "silver". */
const METAL_LABELS = new Set([
  'car',
  'truck',
  'train',
  'motorcycle',
  'bicycle',
  'boat',
  'laptop',
  'refrigerator',
  'oven',
  'microwave',
  'toaster',
  'sink',
  'knife',
  'fork',
  'spoon',
  'scissors',
  'bowl',
  'cell phone',
  'parking meter',
]);

export function hueName(l: number, c: number, h: number): HueName {
  // A dark, weakly coloured red is the brown of hair, skin in shade or wood, not a red anyone would name.
  if (h >= 340 || h < 15) return l > 60 ? 'pink' : c < 30 ? 'brown' : 'red';
  if (h < 40) return l > 75 || (l > 60 && c < 45) ? 'pink' : c < 35 ? 'brown' : 'red';
  if (h < 80) return c >= 40 && l >= 55 ? 'orange' : l >= 78 ? 'beige' : 'brown';
  if (h < 110) return c < 25 && l >= 70 ? 'beige' : l >= 55 ? 'yellow' : h < 90 ? 'brown' : 'green';
  if (h < 200) return 'green';
  if (h < 312) return 'blue';
  return l > 70 ? 'pink' : 'purple';
}

/** Achromatic lightness → name (see module comment). */
const WHITE_MIN_L = 75;

export function greyName(lightness: number, label: string): ColourName {
  if (lightness >= WHITE_MIN_L) return 'white';
  if (lightness >= 60) return METAL_LABELS.has(label) ? 'silver' : 'grey';
  if (lightness >= 30) return 'grey';
  return 'black';
}

/** The name of one pixel, as it would be named alone. */
export function nameColour(r: number, g: number, b: number, label = ''): ColourName {
  const t = binTable();
  const bin = binOf(r, g, b);
  return t.sector[bin] === 0 ? greyName(t.l[bin], label) : hueName(t.l[bin], t.c[bin], t.h[bin]);
}

export interface ColourVote {
  name: ColourName;
  /** Share of the counted pixels that voted for the winning group, 0..1. */
  share: number;
  /** A hue as dark as black or as light as white would be (navy: "dark blue"); none for greys. */
  shade?: ColourShade;
  /** A coat's second colour ("brown and white"): see whitePatches. */
  second?: ColourName;
}
export type ColourShade = 'dark' | 'light';

/** Hues that are light or dark by name already: no "light pink", "dark brown" needed to say what they are. */
const SHADED_BY_NAME = new Set<ColourName>(['pink', 'beige', 'yellow', 'brown', 'orange']);

/**
 * The shade of a hue from its lightness, on the greys' own scale: dark where an achromatic surface would be
 * black (L < 30), light where it would be white (L ≥ WHITE_MIN_L).
 */
export function shadeOf(name: ColourName, lightness: number): ColourShade | undefined {
  if (SHADED_BY_NAME.has(name) || ['black', 'white', 'grey', 'silver'].includes(name)) return undefined;
  if (lightness < 30) return 'dark';
  if (lightness >= WHITE_MIN_L) return 'light';
  return undefined;
}

/** Per sector: pixel count and sums of L, C and the hue as a unit vector (hues average on the circle). */
class SectorTally {
  count = new Float64Array(SECTORS);
  l = new Float64Array(SECTORS);
  c = new Float64Array(SECTORS);
  cos = new Float64Array(SECTORS);
  sin = new Float64Array(SECTORS);
  /** The achromatic pixels' bins, for their lightness percentiles. */
  greys: number[] = [];
  /** The orange and yellow sectors' pixels' bins, for their lit side (see LIT_SECTORS). */
  warm: number[][] = Array.from({ length: SECTORS }, () => []);

  add(t: BinTable, bin: number): void {
    const s = t.sector[bin];
    this.count[s]++;
    if (s === 0) this.greys.push(bin);
    if (s === ORANGE || s === YELLOW) this.warm[s].push(bin); // LIT_SECTORS, without a Set lookup per pixel
    this.l[s] += t.l[bin];
    this.c[s] += t.c[bin];
    this.cos[s] += t.cos[bin];
    this.sin[s] += t.sin[bin];
  }

  merge(other: SectorTally): SectorTally {
    const merged = new SectorTally();
    for (let s = 0; s < SECTORS; s++) {
      merged.count[s] = this.count[s] + other.count[s];
      merged.l[s] = this.l[s] + other.l[s];
      merged.c[s] = this.c[s] + other.c[s];
      merged.cos[s] = this.cos[s] + other.cos[s];
      merged.sin[s] = this.sin[s] + other.sin[s];
    }
    merged.greys = [...this.greys, ...other.greys];
    merged.warm = this.warm.map((ls, s) => [...ls, ...other.warm[s]]);
    return merged;
  }

  total(): number {
    return this.count.reduce((a, b) => a + b, 0);
  }
}

/**
 * Dominant colour of the image pixels (row-major RGB, `width` pixels a row) inside `mask`; `label` decides
 * silver vs grey, `whitePoint` is the photo's white (imageWhitePoint). Null when the mask is empty.
 */
export function dominantColour(
  rgb: Uint8Array,
  width: number,
  mask: CroppedMask,
  label: string,
  whitePoint = 100,
): ColourVote | null {
  const t = binTable();
  const data = mask.data; // once: a lazily decoded mask reads it through a getter
  const area = countSet(data);
  if (area === 0) return null;
  const counted = new SectorTally();
  const outliers = new SectorTally();
  forEveryNthSet(data, Math.max(1, Math.floor(area / MAX_SAMPLES)), (j) => {
    const i = ((mask.y0 + Math.floor(j / mask.width)) * width + mask.x0 + (j % mask.width)) * 3;
    const bin = binOf(rgb[i], rgb[i + 1], rgb[i + 2]);
    (t.outlier[bin] ? outliers : counted).add(t, bin);
  });
  const all = counted.total() + outliers.total();
  const pool = counted.total() === 0 || outliers.total() / all > OUTLIER_MAJORITY ? counted.merge(outliers) : counted;
  let best = 0;
  for (let s = 1; s < SECTORS; s++) if (pool.count[s] > pool.count[best]) best = s;
  const share = pool.count[best] / pool.total();
  const second = COATED.has(label) ? whitePatches(pool, best, label, whitePoint) : undefined;
  const tone = second ? { second } : {};
  if (best === 0) return { name: sectorColour(pool, 0, label, whitePoint).name, share, ...tone };
  const { name, lightness } = sectorColour(pool, best, label, whitePoint);
  const shade = shadeOf(name, lightness);
  return shade ? { name, share, shade, ...tone } : { name, share, ...tone };
}

/** The colour a sector's pixels vote for: the achromatic group by lightness, a hue sector by its mean hue. */
function sectorColour(pool: SectorTally, s: number, label: string, whitePoint: number) {
  if (s === 0)
    return {
      name: achromaticName(pool.greys, whitePoint, label),
      lightness: 0,
    };
  const n = pool.count[s];
  const hue = ((Math.atan2(pool.sin[s], pool.cos[s]) * 180) / Math.PI + 360) % 360;
  const lightness = LIT_SECTORS.has(s) ? litLightness(pool.warm[s], whitePoint) : pool.l[s] / n;
  return { name: hueName(lightness, pool.c[s] / n, hue), lightness };
}

/** Animals, whose coats are often two colours ("a brown and white dog"). */
const COATED = new Set(['bird', 'cat', 'dog', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'giraffe']);
/** Share of the counted pixels each of the two tones must hold. */
const TWO_TONE_MIN_SHARE = 0.3;

/**
 * A coat's second colour when it is white beside one hue, each on TWO_TONE_MIN_SHARE of the pixels: "brown and
 * white". Only white counts as the second tone: a shaded flank reads grey or black, never white, so a
 * one-colour animal in shadow is not made two-tone (and a black-and-white coat, all achromatic, stays one name).
 */
function whitePatches(pool: SectorTally, best: number, label: string, whitePoint: number): ColourName | undefined {
  const total = pool.total();
  let hue = 1;
  for (let s = 2; s < SECTORS; s++) if (pool.count[s] > pool.count[hue]) hue = s;
  if (pool.count[0] / total < TWO_TONE_MIN_SHARE || pool.count[hue] / total < TWO_TONE_MIN_SHARE) return undefined;
  if (sectorColour(pool, 0, label, whitePoint).name !== 'white') return undefined;
  return best === 0 ? sectorColour(pool, hue, label, whitePoint).name : 'white';
}

/**
 * Orange and yellow turn brown in shade: a yellow bus averages to brown, though people see its paint. As for
 * greys, these two sectors are named from their lit side (the 75th percentile of lightness, against the photo's
 * white); red keeps its mean, since a red car's lit side would read pink.
 */
const LIT_SECTORS = new Set([ORANGE, YELLOW]);

function litLightness(bins: number[], whitePoint: number): number {
  return (lightnessPercentiles(binTable(), bins, [LIT_PERCENTILE])[0] * 100) / whitePoint;
}

/** The brightest surface that is not a highlight (those are already left out): where a white thing shows white. */
const BRIGHTEST_PERCENTILE = 0.9;
const LIT_PERCENTILE = 0.75;

/** Names an achromatic object from its pixels' lightness relative to the photo's white (module comment). */
function achromaticName(bins: number[], whitePoint: number, label: string): ColourName {
  if (bins.length === 0) return 'grey';
  const [brightest, lit] = lightnessPercentiles(binTable(), bins, [BRIGHTEST_PERCENTILE, LIT_PERCENTILE]).map(
    (l) => (l * 100) / whitePoint,
  );
  if (brightest >= WHITE_MIN_L) return 'white';
  return greyName(Math.min(WHITE_MIN_L - 1e-6, lit), label);
}

/** The lightness the photo's whites have: its 99th percentile, never under 60 (a dark scene is not all white). */
export function imageWhitePoint(rgb: Uint8Array): number {
  const t = binTable();
  const pixels = rgb.length / 3;
  if (pixels === 0) return 100;
  const stride = Math.max(1, Math.floor(pixels / 50_000));
  const bins: number[] = [];
  for (let p = 0; p < pixels; p += stride) bins.push(binOf(rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]));
  return Math.min(100, Math.max(60, lightnessPercentiles(t, bins, [0.99])[0]));
}
