/**
 * Ties what is heard to what is visible. Each named sound event is looked up in the source table over the
 * AudioSet ontology (lib/lexicon/sound-source-table.ts: Bark → Dog → dog); instruments look for the instrument by name
 * first and else for the person playing it; a class no row covers goes through the chat's entity matcher
 * (WordNet/GloVe), so a new label needs no code. Only entities found in this image are ever marked.
 *
 * When several entities qualify (five cars), one is marked: the largest (mask area, else box area), since a
 * nearer and bigger source is the likelier one to be heard; candidates scoring below SOURCE_MIN_SCORE are
 * only chosen when none reaches it, because the UI hides them at its default threshold. The reason names
 * the others.
 */
import type { SoundEvent } from '../../shared/audio';
import { shortSoundName } from '../../shared/sound-names';
import { tryLoadOntology, type Ontology } from '../../models/efficientat/ontology';
import { instrumentName, sourceLabels } from '../../lexicon/sound-source-table';
import { matchEntities } from '../../lexicon';
import type { SceneEntity } from '../../scene/types';
import { MIN_SPEECH_FOR_PERSON_SECONDS } from '../../audio/describe';
import type { PipelineStage } from './types';

/** The UI's default score threshold (components/analysis/AnalysisProvider.tsx DEFAULT_VIEW). */
export const SOURCE_MIN_SCORE = 0.3;

export interface SoundSource {
  entityIds: string[];
  /** The words shown for the source in the sound panel, linked to the entities: the heard group ("dog"). */
  phrase: string;
  method: string;
  /** Why this entity (and not the others that qualify). */
  reason: string;
  /** Labels of the sound events this entity is the source of, so hovering it lights them up. */
  eventLabels: string[];
}

const area = (e: SceneEntity) => e.mask?.area ?? e.box[2] * e.box[3];

function namesOf(entity: SceneEntity): string[] {
  return [entity.label, entity.fineName?.label, ...(entity.alternatives ?? []).map((a) => a.label)]
    .filter((name): name is string => Boolean(name))
    .map((name) => name.toLowerCase());
}

function withLabels(entities: SceneEntity[], labels: string[]): SceneEntity[] {
  return entities.filter((e) => namesOf(e).some((name) => labels.includes(name)));
}

/** The entity to mark among those that qualify, and the sentence that says why. */
export function pickSource(candidates: SceneEntity[]): { entity: SceneEntity; reason: string } {
  const confident = candidates.filter((e) => e.score === null || e.score >= SOURCE_MIN_SCORE);
  const pool = confident.length ? confident : candidates;
  const entity = [...pool].sort((a, b) => area(b) - area(a))[0];
  if (candidates.length === 1) return { entity, reason: `the only ${entity.label} in the picture that could make it` };
  const counts = new Map<string, number>();
  for (const e of candidates) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const which = [...counts].map(([label, n]) => `${n} ${label}${n > 1 ? 's' : ''}`).join(', ');
  return {
    entity,
    reason: `the largest of ${candidates.length} in the picture that could make it (${which}): a nearer, bigger source is the likelier one heard`,
  };
}

async function candidatesFor(
  ontology: Ontology,
  event: SoundEvent,
  entities: SceneEntity[],
): Promise<{ found: SceneEntity[]; method: string }> {
  const instrument = instrumentName(ontology, event.mid);
  if (instrument) {
    const played = withLabels(entities, [instrument]);
    if (played.length) return { found: played, method: `AudioSet class ${event.label} names the instrument` };
  }
  const row = sourceLabels(ontology, event.mid);
  if (row) {
    const chain = row.via === event.label ? event.label : `${shortSoundName(event.label)} → ${shortSoundName(row.via)}`;
    return {
      found: withLabels(entities, row.labels),
      method: `sound-source table over the AudioSet ontology (${chain} → ${row.labels.join(', ')})`,
    };
  }
  const spans = await matchEntities(shortSoundName(event.label).toLowerCase(), entities);
  const ids = new Set(spans.flatMap((span) => span.entityIds));
  return {
    found: entities.filter((e) => ids.has(e.id)),
    method: spans[0] ? `entity matcher (${spans[0].method})` : '',
  };
}

export async function findSoundSources(
  events: SoundEvent[],
  entities: SceneEntity[],
  ontology: Ontology,
): Promise<SoundSource[]> {
  if (events.length === 0 || entities.length === 0) return [];
  const byEntity = new Map<string, SoundSource>();
  for (const event of [...events].sort((a, b) => b.score - a.score)) {
    const { found, method } = await candidatesFor(ontology, event, entities);
    if (found.length === 0) continue;
    const { entity, reason } = pickSource(found);
    const existing = byEntity.get(entity.id);
    if (existing) {
      if (!existing.eventLabels.includes(event.label)) existing.eventLabels.push(event.label);
      continue;
    }
    byEntity.set(entity.id, {
      entityIds: [entity.id],
      phrase: shortSoundName(event.group).toLowerCase(),
      method,
      reason,
      eventLabels: [event.label],
    });
  }
  return [...byEntity.values()];
}

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
