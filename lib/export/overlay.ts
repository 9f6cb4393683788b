/**
 * The overlay as a PNG at the photo's own resolution, drawn on the server from the full-resolution image:
 * independent of any window, with no hover or selection dimming. Masks are filled in the entity's light
 * shade at the browser's default opacity, things get a box in the strong shade, and every entity a label
 * sized to the photo (not to a screen). Server only: it uses sharp (libvips; text by Pango).
 */
import sharp, { type OverlayOptions } from 'sharp';
import { formatScore, type Entity } from '@/lib/shared/analysis';
import { hexToRgb, textColorOn } from '@/lib/shared/color';
import { placeLabels, type LabelRequest } from '@/lib/shared/labels';
import type { ExportMask, ExportScene } from './scene';

/** 8-bit RGB, row-major, at the size the entities' boxes and masks are in. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** The browser's default mask opacity (components/analysis/AnalysisProvider DEFAULT_VIEW.maskOpacity). */
export const MASK_OPACITY = 0.45;

/**
 * Label and line sizes for a photo. The browser draws 12 px labels and 2 px boxes on an image shown about
 * 720 px wide (the image column at 1440×900), so the long side / 60 keeps a label the same share of the photo
 * as on screen; 12 px is the floor so small photos stay readable, and lines scale with the text.
 */
export function overlayStyle(width: number, height: number): { fontSize: number; lineWidth: number; padding: number } {
  const fontSize = Math.max(12, Math.round(Math.max(width, height) / 60));
  return { fontSize, lineWidth: Math.max(2, Math.round(fontSize / 6)), padding: Math.max(2, Math.round(fontSize / 4)) };
}

export function overlayLabel(entity: Entity): string {
  const name = entity.fineName ? `${entity.label} · ${entity.fineName.label}` : entity.label;
  return [name, formatScore(entity.score)].filter(Boolean).join(' ');
}

/**
 * Pango markup is XML: control characters (a NUL in a user's label) and lone surrogates are not allowed even
 * as references and make the whole render fail, so they become spaces; markup characters become references.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this expression's job.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, ' ').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The mask's box as RGBA in one colour at the given alpha, transparent outside the mask. */
function maskLayer(mask: ExportMask, hex: string, alpha: number): OverlayOptions {
  const [r, g, b] = hexToRgb(hex);
  const [left, top, width, height] = mask.bbox;
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < mask.bits.length; i++) {
    if (!mask.bits[i]) continue;
    pixels[i * 4] = r;
    pixels[i * 4 + 1] = g;
    pixels[i * 4 + 2] = b;
    pixels[i * 4 + 3] = alpha;
  }
  return { input: pixels, raw: { width, height, channels: 4 }, left, top };
}

/** Mean foreground position, where a stuff region's label goes (it has no meaningful box corner). */
function centroid(mask: ExportMask): [number, number] {
  const [x0, y0, w] = mask.bbox;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < mask.bits.length; i++) {
    if (!mask.bits[i]) continue;
    sx += i % w;
    sy += Math.floor(i / w);
  }
  return [x0 + sx / mask.area, y0 + sy / mask.area];
}

async function renderText(
  text: string,
  color: string,
  fontSize: number,
): Promise<{ input: Buffer; width: number; height: number }> {
  const markup = `<span foreground="${color}">${escapeMarkup(text)}</span>`;
  // dpi 72: Pango's points are then pixels.
  const { data, info } = await sharp({ text: { text: markup, font: `sans ${fontSize}`, rgba: true, dpi: 72 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** Stuff first, then things from the largest mask to the smallest, so small objects stay on top. */
function paintOrder(scene: ExportScene): Entity[] {
  const area = (e: Entity) => scene.masks[e.id]?.area ?? e.box[2] * e.box[3];
  return [...scene.entities].sort(
    (a, b) => Number(b.kind === 'stuff') - Number(a.kind === 'stuff') || area(b) - area(a),
  );
}

export async function renderOverlayPng(image: RgbImage, scene: ExportScene): Promise<Buffer> {
  const { width, height } = image;
  const { fontSize, lineWidth, padding } = overlayStyle(width, height);
  const entities = paintOrder(scene);
  const masks = entities.flatMap((e) => {
    const mask = scene.masks[e.id];
    return mask ? [maskLayer(mask, e.color.light, Math.round(MASK_OPACITY * 255))] : [];
  });

  const texts = await Promise.all(
    entities.map((e) => renderText(overlayLabel(e), textColorOn(e.color.strong), fontSize)),
  );
  // Labels are placed highest score first (as in the browser), so the best label wins a contested corner.
  const byScore = entities.map((e, i) => ({ e, i })).sort((a, b) => (b.e.score ?? 1) - (a.e.score ?? 1));
  const requests: LabelRequest[] = byScore.map(({ e, i }) => {
    const labelWidth = texts[i].width + 2 * padding;
    const labelHeight = texts[i].height + 2 * padding;
    const mask = scene.masks[e.id];
    if (e.kind === 'stuff' && mask) {
      const [cx, cy] = centroid(mask);
      return {
        id: e.id,
        box: [cx - labelWidth / 2, cy + labelHeight / 2, labelWidth, 0],
        width: labelWidth,
        height: labelHeight,
      };
    }
    return { id: e.id, box: e.box, width: labelWidth, height: labelHeight };
  });
  const placement = placeLabels(requests, width, height);

  const svg: string[] = [];
  const labels: OverlayOptions[] = [];
  entities.forEach((e, i) => {
    if (e.kind !== 'stuff') {
      const [x, y, w, h] = e.box;
      svg.push(
        `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${e.color.strong}" stroke-width="${lineWidth}"/>`,
      );
    }
    const at = placement[e.id];
    const text = texts[i];
    // placeLabels leaves out a label with no free spot (crowded scenes), as the browser does: no label then.
    if (!at) return;
    // A label wider or taller than the photo itself (a long name on a thumbnail) cannot be placed: leave it out.
    if (text.width + 2 * padding > width || text.height + 2 * padding > height) return;
    svg.push(
      `<rect x="${at.x}" y="${at.y}" width="${text.width + 2 * padding}" height="${text.height + 2 * padding}" rx="${padding / 2}" fill="${e.color.strong}"/>`,
    );
    labels.push({ input: text.input, left: Math.round(at.x + padding), top: Math.round(at.y + padding) });
  });
  const drawing = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${svg.join('')}</svg>`,
  );

  return sharp(image.rgb, { raw: { width, height, channels: 3 } })
    .composite([...masks, { input: drawing, left: 0, top: 0 }, ...labels])
    .png()
    .toBuffer();
}

/** One entity cut out of the photo: its mask's box, transparent outside the mask. */
export async function renderCutoutPng(image: RgbImage, mask: ExportMask): Promise<Buffer> {
  const [x0, y0, w, h] = mask.bbox;
  const rgba = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const source = ((y0 + y) * image.width + x0 + x) * 3;
      const target = (y * w + x) * 4;
      rgba[target] = image.rgb[source];
      rgba[target + 1] = image.rgb[source + 1];
      rgba[target + 2] = image.rgb[source + 2];
      rgba[target + 3] = mask.bits[y * w + x] ? 255 : 0;
    }
  }
  return sharp(rgba, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
}
