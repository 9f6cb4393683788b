import { AudioInputError } from '../../audio/errors';
import { analyseAudioClip } from '../audio';
import { findSoundSource } from '../sound-source';
import type { PipelineStage } from './types';

export const audioStage: PipelineStage = {
  name: 'audio',
  needs: 'audio',
  detail: 'silero-vad speech + DSP features',
  reads: ['audio upload'],
  writes: ['audio', 'audioSamples'],
  async run(ctx) {
    try {
      const analysed = await analyseAudioClip(ctx.input.audio!);
      ctx.scene.audio = analysed.summary;
      ctx.scene.audioSamples = analysed.samples;
      ctx.emit({ type: 'audio', audio: analysed.summary });
    } catch (error) {
      // A bad sound must not cost the user the image's analysis: it becomes an error event and the rest stands.
      if (!(error instanceof AudioInputError)) throw error;
      ctx.emit({ type: 'error', code: error.code, message: `Sound not analysed: ${error.message}` });
    }
  },
};

export const soundSourceStage: PipelineStage = {
  name: 'sound-source',
  needs: 'audio',
  detail: 'sound classes matched to visible entities',
  reads: ['audio', 'entities'],
  writes: ['soundSourceIds'],
  skipReason: (ctx) => (ctx.scene.audio ? undefined : 'no analysed sound'),
  async run(ctx) {
    const source = await findSoundSource(ctx.scene.audio!, ctx.scene.entities);
    if (!source) return;
    ctx.scene.soundSourceIds = source.entityIds;
    ctx.emit({ type: 'sound-source', ...source });
  },
};
