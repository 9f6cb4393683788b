/** Colour helpers for drawing entity overlays. */

/** Parses `#rgb` / `#rrggbb` into bytes; anything else falls back to white so a bad colour stays visible. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return [255, 255, 255];
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const [r, g, b] = hexToRgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05. They are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
