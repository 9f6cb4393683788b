/**
 * Sound questions, from the audio analysis kept in the graph: what is heard (the plain summary), when a sound
 * happens and whether one is there (the AudioSet tagger's events), and what makes it (the entities the
 * sound-source stage tied it to, linked).
 */
import { pluralize, singularize } from '../vocabulary';
import type { ComposeContext } from './compose-overview';
import { entityById } from '../scene-facts';
import { joinList, pick, theEntity } from './phrasing';
import type { GraphSoundEvent } from '../../scene-graph/types';

const FILLER = new Set([
  'when', 'does', 'do', 'did', 'the', 'a', 'an', 'is', 'are', 'there', 'any', 'you', 'hear', 'can', 'sound', 'sounds',
  'noise', 'what', 'in', 'audio', 'clip', 'of', 'it', 'that', 'this', 'some', 'start', 'starts', 'begin', 'stop',
]);

/** "barking" → "bark", "dogs" → "dog": enough to meet AudioSet names ("Bark", "Dog"). */
function stem(word: string): string {
  return singularize(word.replace(/(ing|ed)$/, '').replace(/(.)\1$/, '$1'));
}

function eventsAbout(events: GraphSoundEvent[], question: string): GraphSoundEvent[] {
  const words = (question.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !FILLER.has(w)).map(stem).filter((w) => w.length > 2);
  return events.filter((e) => words.some((w) => e.label.toLowerCase().includes(w)));
}

function when(e: GraphSoundEvent): string {
  return `${e.label.toLowerCase()} from ${e.start.toFixed(1)} s to ${e.end.toFixed(1)} s`;
}

export function soundAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const sound = facts.sound;
  if (!sound) return "No sound was analysed for this image, so I can't say what it sounds like. Add an audio clip or record one, then ask again.";
  const text = question.question.toLowerCase();
  const asked = eventsAbout(sound.events, text);
  const tagger = sound.events[0]?.source ?? 'the sound tagger';
  if (/\bwhen\b/.test(text)) {
    if (asked.length === 0) return `I don't hear that in the clip: ${tagger} found ${sound.events.length ? joinList(sound.events.slice(0, 4).map(when)) : 'no named sound events'}.`;
    return `${pick(['I hear', 'The clip has'], seed, 'when')} ${joinList(asked.slice(0, 5).map(when))} (${tagger}).`;
  }
  if (/^(is|are) there|do you hear|can you hear|any\b/.test(text) && !/making|source|coming/.test(text)) {
    const thing = (text.match(/[a-z]+/g) ?? []).filter((w) => !FILLER.has(w)).pop() ?? 'that';
    if (asked.length) return `Yes, ${joinList(asked.slice(0, 3).map(when))} (${tagger}).`;
    return `No, ${tagger} heard no ${pluralize(singularize(thing))} in the clip. ${sound.summary}`;
  }
  const sources = sound.sourceIds.map((id) => entityById(facts, id)).filter((e) => e !== undefined);
  const heard = `${pick(['From the audio:', 'What I hear:', 'The sound analysis says:'], seed, 'heard')} ${sound.summary.trim().replace(/\.?$/, '.')}`;
  if (/making|makes|source|coming from|produc|who is/.test(text)) {
    if (sources.length === 0) return `${heard} None of the things I can see obviously makes that sound, so its source may be out of frame.`;
    return `${heard} ${pick(['It most likely comes from', 'The likely source is', 'That fits'], seed, 'src')} ${joinList(sources.map(theEntity))}.`;
  }
  const extra = sources.length ? ` ${pick(['It seems to come from', 'The likely source is'], seed, 'src2')} ${joinList(sources.map(theEntity))}.` : '';
  return `${heard}${extra}`;
}
