/**
 * Entity colours: each has a strong shade (outline, label background) and a light shade (mask fill,
 * text highlight), as in the reference demo's 11-colour cycle, widened to 12 for more distinct hues.
 */
import { clampChroma, converter, formatHex } from 'culori';

const toOklch = converter('oklch');

export interface EntityColor {
  name: string;
  strong: string;
  light: string;
}

export const PALETTE: readonly EntityColor[] = [
  { name: 'red', strong: '#d62728', light: '#ff9896' },
  { name: 'blue', strong: '#1f77b4', light: '#aec7e8' },
  { name: 'green', strong: '#2ca02c', light: '#98df8a' },
  { name: 'orange', strong: '#ff7f0e', light: '#ffbb78' },
  { name: 'purple', strong: '#9467bd', light: '#c5b0d5' },
  { name: 'teal', strong: '#17becf', light: '#9edae5' },
  { name: 'pink', strong: '#e377c2', light: '#f7b6d2' },
  { name: 'olive', strong: '#bcbd22', light: '#dbdb8d' },
  { name: 'brown', strong: '#8c564b', light: '#c49c94' },
  { name: 'navy', strong: '#3949ab', light: '#9fa8da' },
  { name: 'lime', strong: '#7cb342', light: '#c5e1a5' },
  { name: 'magenta', strong: '#ad1457', light: '#f48fb1' },
] as const;

export function colorForIndex(index: number): EntityColor {
  return PALETTE[index % PALETTE.length];
}

/**
 * A muted version of the palette colour for stuff regions (wall, road, sky), so the background reads as
 * background beside the things: chroma cut to 40% in OKLCH (perceptually even), lightness kept.
 */
const QUIET_CHROMA = 0.4;

export function quietColorForIndex(index: number): EntityColor {
  const base = colorForIndex(index);
  const mute = (hex: string) => {
    const color = toOklch(hex)!;
    return formatHex(clampChroma({ ...color, c: (color.c ?? 0) * QUIET_CHROMA }, 'oklch'));
  };
  return { name: `muted ${base.name}`, strong: mute(base.strong), light: mute(base.light) };
}
