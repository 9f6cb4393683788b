/**
 * Ties the sound to what is visible. The sound analysis names a source only where its evidence supports one
 * (speech → person; there is no audio classifier here), and those words go through the same entity matcher
 * as answers, so "person" finds the persons in view and a synonym or plural would too.
 */
import type { AudioSummary } from '../shared/audio';
import { matchEntities } from './matching';
import type { SceneEntity } from './types';

export interface SoundSource {
  entityIds: string[];
  /** The words shown for the source in the sound panel, linked to the entities. */
  phrase: string;
  method: string;
}

export async function findSoundSource(audio: AudioSummary, entities: SceneEntity[]): Promise<SoundSource | null> {
  if (audio.keywords.length === 0 || entities.length === 0) return null;
  const phrase = audio.keywords.join(', ');
  const spans = await matchEntities(phrase, entities);
  const entityIds = [...new Set(spans.flatMap((span) => span.entityIds))];
  if (entityIds.length === 0) return null;
  return { entityIds, phrase, method: `keywords from silero-vad speech, matched by ${spans[0].method}` };
}
