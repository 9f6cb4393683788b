/**
 * The two ADE20K segmenters Strix can run (facts in ../shared/models/MODELS.md). Both take a uint8 RGB NHWC
 * square, letterboxed top-left with 128 padding, and return `classes` (argmax) and `logits_lowres` (one cell
 * every 4 input pixels); they differ in vocabulary, size and speed.
 */
export interface SegmenterSpec {
  /** Manifest ids of the weights and of the class-name list (line i = class i, 0 = other). */
  modelId: string;
  classesId: string;
  /** Side of the square input. */
  inputSize: number;
  /** Name shown as the source of every region it produces. */
  source: string;
  /**
   * Where the per-pixel classes come from: 'model', the graph's own `classes` output; 'lowres', upsampled-argmax.ts
   * from `logits_lowres`, exactly as DeepLab's graph computes them (0 of 14.4 M pixels differ over the samples and
   * COCO128), so that the manifest can cut the graph's full-size upsampling: a third of its run (pruned-graph.ts).
   */
  classes: 'model' | 'lowres';
}

/**
 * DeepLabV3 MobileNetV2, 150 classes, run at 321 px: the size MODELS.md calls the trade-off (513 costs 2–3×
 * the time here for slightly finer edges, which the SAM masks of the things on top refine anyway). Chosen over
 * MOSAIC for its vocabulary, at about twice MOSAIC's CPU time (493 vs 256 ms CPU on the shared machine): MOSAIC's
 * 31 classes have no fence, signboard, sand, rock, river, bridge, lamp, bookcase or coffee table, and name 91 %
 * of the samples' annotated stuff against DeepLab's 100 % (npm run eval).
 */
export const DEEPLAB_ADE151: SegmenterSpec = {
  modelId: 'deeplabv3-ade151',
  classesId: 'ade151-classes',
  inputSize: 321,
  source: 'ade20k-deeplab',
  classes: 'lowres',
};

/** MLCommons MOSAIC R4, 31 classes at 512 px: faster and sharper on what it knows; kept for comparison (eval). */
export const MOSAIC_ADE32: SegmenterSpec = {
  modelId: 'mosaic-r4-ade32',
  classesId: 'ade32-classes',
  inputSize: 512,
  source: 'ade20k-mosaic',
  classes: 'model',
};
