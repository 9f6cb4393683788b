/**
 * The registry: every analysis stage in the order it runs. Image stages come first so the sound's source
 * can be looked for among the entities they found.
 */
import { audioStage, soundSourceStage } from './audio';
import { fineNamesStage } from './fine-names';
import { groundingStage } from './grounding';
import { regionsStage } from './regions';
import { sceneGraphStage } from './scene-graph';
import { encodeStage, segmentationStage } from './segmentation';
import { everythingStage } from './everything';
import { findStage } from './find';
import { taggingStage } from './tagging';
import type { PipelineStage } from './types';

export const PIPELINE: readonly PipelineStage[] = [
  taggingStage,
  groundingStage,
  fineNamesStage,
  encodeStage,
  segmentationStage,
  regionsStage,
  everythingStage,
  findStage,
  audioStage,
  soundSourceStage,
  sceneGraphStage,
];
