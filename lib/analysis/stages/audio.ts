import { AudioInputError } from '../../audio/errors';
import { MIN_SPEECH_FOR_PERSON_SECONDS } from '../../audio/describe';
import { tryLoadOntology } from '../../models/efficientat/ontology';
import { analyseAudioClip } from '../audio';
import { findSoundSources } from '../sound-source';
import type { PipelineStage } from './types';

export const audioStage: PipelineStage = {
  name: 'audio',
  needs: 'audio',
  detail: 'efficientat-mn04-as sound events + silero-vad speech + DSP features',
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
  detail: 'heard classes → visible entities (AudioSet ontology table, then the entity matcher)',
  reads: ['audio', 'entities'],
  writes: ['soundSourceIds'],
  skipReason: (ctx) => {
    if (!ctx.scene.audio) return 'no analysed sound';
    if (ctx.scene.entities.length === 0) return 'nothing in view to tie the sound to';
    if (ctx.scene.audio.soundEvents.length === 0) return 'no named sound events';
    if (!tryLoadOntology()) return 'the AudioSet ontology is missing: run "npm run models"';
    return undefined;
  },
  async run(ctx) {
    const audio = ctx.scene.audio!;
    // A speech blip shorter than this could be a bark or a door: it does not point at a person.
    const speechCounts = audio.speech.totalSeconds >= MIN_SPEECH_FOR_PERSON_SECONDS;
    const events = audio.soundEvents.filter((event) => event.source !== 'silero-vad' || speechCounts);
    const sources = await findSoundSources(events, ctx.scene.entities, tryLoadOntology()!);
    ctx.scene.soundSourceIds = [...new Set(sources.flatMap((source) => source.entityIds))];
    for (const source of sources) ctx.emit({ type: 'sound-source', ...source });
  },
};
