/**
 * Which ADE20K classes become entities, and how large a region must be. Chosen by hand from the 150 class
 * names, not tuned on the samples: "stuff" names a surface, mass or background structure that is not counted
 * (COCO-Stuff's sense); "furniture" names countable objects the COCO detector has no class for. Every other
 * segmenter class (person, car, sofa, bed, animal, tv…) overlaps a detector class and never makes an entity:
 * the detector + SAM own things.
 */
export const STUFF_CLASSES: ReadonlySet<string> = new Set([
  'wall',
  'building',
  'sky',
  'floor',
  'tree',
  'ceiling',
  'road',
  'windowpane',
  'grass',
  'sidewalk',
  'earth',
  'mountain',
  'plant',
  'curtain',
  'water',
  'house',
  'sea',
  'rug',
  'field',
  'fence',
  'rock',
  'railing',
  'column',
  'signboard',
  'sand',
  'skyscraper',
  'grandstand',
  'path',
  'stairs',
  'runway',
  'river',
  'bridge',
  'blind',
  'hill',
  'countertop',
  'counter',
  'kitchen island',
  'palm',
  'awning',
  'dirt track',
  'land',
  'stage',
  'waterfall',
  'lake',
  'pier',
  'swimming pool',
  'step',
  'stairway',
  'canopy',
  'tower',
]);

export const FURNITURE_CLASSES: ReadonlySet<string> = new Set([
  'shelf',
  'cabinet',
  'lamp',
  'bookcase',
  'painting',
  'mirror',
  'coffee table',
  'wardrobe',
  'chest of drawers',
  'fireplace',
  'chandelier',
  'poster',
  'radiator',
  'cushion',
  'pillow',
  'door',
]);

/**
 * A stuff class becomes a region when it covers at least 1% of the image. At the 321-px input that is ~700
 * input pixels, ~40 low-res logit cells: smaller patches are mostly the segmenter's ragged class borders.
 */
export const MIN_STUFF_SHARE = 0.01;

/**
 * A furniture region is one connected blob of at least 0.3% of the image (a 20×20 patch of the 321-px input:
 * a painting on the far wall) that is "clean": it fills at least a quarter of its bounding box. The segmenter
 * names a bookcase's books separately, so a real bookcase is a frame (0.29 of its box in the living room),
 * while the class's stray pixels along other regions' borders are smears (shelf there: 0.08). The eval
 * (tests/eval) checks the furniture named on every sample.
 */
export const MIN_FURNITURE_SHARE = 0.003;
export const MIN_FURNITURE_FILL = 0.25;

/**
 * A furniture region lying mostly (≥ 50%) on a detected thing's mask is that thing seen by the segmenter
 * (the detector's "dining table" where it sees a "coffee table"): its name becomes the thing's alternative.
 */
export const SAME_OBJECT_OVERLAP = 0.5;
