/**
 * The exported entities as a Label Studio task with predictions: a `rectanglelabels` region for each thing's
 * box (percent of the image, as Label Studio stores boxes) and a `brushlabels` region for each mask in Label
 * Studio's own brush RLE (brush-rle.ts). Stuff regions get only the brush: their box is the whole region's
 * extent and says nothing. Import it into a project whose labeling config is `labelStudioConfig(labels)`.
 */
import type { Entity } from '@/lib/shared/analysis';
import { encodeBrushRleInBox } from './brush-rle';
import type { ExportScene } from './scene';

/** Names of the config's tags; the results refer to them. */
export const LABEL_STUDIO_NAMES = { image: 'image', boxes: 'label', brush: 'brush' } as const;

interface RegionBase {
  id: string;
  from_name: string;
  to_name: string;
  original_width: number;
  original_height: number;
  image_rotation: 0;
  /** The producing model's confidence; absent when it gives none. */
  score?: number;
}

export interface RectangleRegion extends RegionBase {
  type: 'rectanglelabels';
  value: { x: number; y: number; width: number; height: number; rotation: 0; rectanglelabels: [string] };
}

export interface BrushRegion extends RegionBase {
  type: 'brushlabels';
  value: { format: 'rle'; rle: number[]; brushlabels: [string] };
}

export interface LabelStudioTask {
  data: { image: string };
  predictions: [{ model_version: string; result: Array<RectangleRegion | BrushRegion> }];
}

const percent = (value: number, of: number) => (100 * value) / of;

function regionBase(entity: Entity, suffix: string, fromName: string, scene: ExportScene): RegionBase {
  return {
    id: `${entity.id}-${suffix}`,
    from_name: fromName,
    to_name: LABEL_STUDIO_NAMES.image,
    original_width: scene.image.width,
    original_height: scene.image.height,
    image_rotation: 0,
    ...(entity.score !== null && { score: entity.score }),
  };
}

/**
 * One task (Label Studio imports a list of them). `imageUrl` is what Label Studio loads the picture from:
 * the result's image route on the server, the file's name for CLI output next to the images.
 */
export function labelStudioTasks(scene: ExportScene, imageUrl: string, modelVersion = 'strix'): LabelStudioTask[] {
  const { width, height } = scene.image;
  const result: Array<RectangleRegion | BrushRegion> = [];
  for (const entity of scene.entities) {
    const [x, y, w, h] = entity.box;
    if (entity.kind !== 'stuff') {
      result.push({
        ...regionBase(entity, 'box', LABEL_STUDIO_NAMES.boxes, scene),
        type: 'rectanglelabels',
        value: {
          x: percent(x, width),
          y: percent(y, height),
          width: percent(w, width),
          height: percent(h, height),
          rotation: 0,
          rectanglelabels: [entity.label],
        },
      });
    }
    const mask = scene.masks[entity.id];
    if (mask) {
      result.push({
        ...regionBase(entity, 'mask', LABEL_STUDIO_NAMES.brush, scene),
        type: 'brushlabels',
        value: {
          format: 'rle',
          rle: encodeBrushRleInBox(mask.bits, mask.bbox, width, height),
          brushlabels: [entity.label],
        },
      });
    }
  }
  return [{ data: { image: imageUrl }, predictions: [{ model_version: modelVersion, result }] }];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A labeling config that shows the task's regions: one label per entity label, for boxes and for brushes. */
export function labelStudioConfig(labels: string[]): string {
  const options = [...new Set(labels)].map((label) => `    <Label value="${escapeXml(label)}"/>`).join('\n');
  const { image, boxes, brush } = LABEL_STUDIO_NAMES;
  return [
    '<View>',
    `  <Image name="${image}" value="$image" zoom="true"/>`,
    `  <RectangleLabels name="${boxes}" toName="${image}">`,
    options,
    '  </RectangleLabels>',
    `  <BrushLabels name="${brush}" toName="${image}">`,
    options,
    '  </BrushLabels>',
    '</View>',
  ].join('\n');
}
