import { buildSceneGraph } from '../../scene/graph/build';
import type { PipelineStage } from './types';

/**
 * Last stage: the scene graph (colours from the full-resolution pixels, places, sizes, relations) that every
 * later question reads instead of the pixels.
 */
export const sceneGraphStage: PipelineStage = {
  name: 'scene-graph',
  needs: 'image',
  detail: 'colours (CIELAB), places and relations from the masks',
  reads: ['image', 'entities', 'audio', 'soundSourceIds'],
  writes: ['graph'],
  async run(ctx) {
    const { scene } = ctx;
    scene.graph = buildSceneGraph({
      image: scene.image,
      entities: scene.entities,
      audio: scene.audio,
      soundSourceIds: scene.soundSourceIds,
    });
  },
};
