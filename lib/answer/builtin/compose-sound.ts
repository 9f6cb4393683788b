/**
 * Sound questions, from the audio analysis kept in the graph: what is heard (the plain summary), when a sound
 * happens and whether one is there (the AudioSet tagger's events), and what makes it (the entities the
 * sound-source stage tied it to, linked).
 */
import { tryLoadOntology } from '@/lib/models/efficientat/ontology';
import { shortSoundName } from '@/lib/shared/sound-names';
import { pluralize, singularize } from '../vocabulary';
import type { ComposeContext } from './compose-overview';
import { entityById } from '../scene-facts';
import { joinList, pick, theEntity } from './phrasing';
import type { GraphSoundEvent } from '../../scene/graph/types';

const FILLER = new Set([
  'when',
  'does',
  'do',
  'did',
  'the',
  'a',
  'an',
  'is',
  'are',
  'there',
  'any',
  'you',
  'hear',
  'can',
  'sound',
  'sounds',
  'noise',
  'what',
  'in',
  'audio',
  'clip',
  'of',
  'it',
  'that',
  'this',
  'some',
  'start',
  'starts',
  'begin',
  'stop',
  'anything',
  'something',
  'heard',
  'hearing',
  'listen',
  'else',
]);

/** "barking" → "bark", "dogs" → "dog": enough to meet AudioSet names ("Bark", "Dog"). */
function stem(word: string): string {
  return singularize(word.replace(/(ing|ed)$/, '').replace(/(.)\1$/, '$1'));
}

function askedWords(question: string): string[] {
  return (question.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((w) => !FILLER.has(w))
    .map(stem)
    .filter((w) => w.length > 2);
}

/**
 * The sound the question names when it is an AudioSet class under the event's own ("bark" under Dog): the
 * user's word for part of what the tagger heard, so "when does the dog bark?" meets a "Dog" event.
 */
function soundUnder(e: GraphSoundEvent, words: string[]): string | undefined {
  const ontology = tryLoadOntology();
  const mid = ontology?.midOf(e.label);
  if (!ontology || !mid) return undefined;
  const under = new Set([mid]);
  const named = ontology.classes.find((c) => {
    const name = shortSoundName(c.name).toLowerCase();
    return c.mid !== mid && words.some((w) => name === w || name === `${w}ing`) && ontology.isUnder(c.mid, under);
  });
  return named && shortSoundName(named.name).toLowerCase();
}

function eventsAbout(events: GraphSoundEvent[], words: string[]): GraphSoundEvent[] {
  return events.filter(
    (e) => words.some((w) => `${e.label} ${e.group ?? ''}`.toLowerCase().includes(w)) || soundUnder(e, words),
  );
}

/**
 * "the dog bark from 0.5 s to 2.6 s" when the sound has a name finer than its source (the event's own label
 * under its group, or the asked sound under the event's class); else the event's label: "speech from …".
 */
function when(e: GraphSoundEvent, words: string[] = []): string {
  const span = `from ${e.start.toFixed(1)} s to ${e.end.toFixed(1)} s`;
  const group = shortSoundName(e.group ?? e.label).toLowerCase();
  const label = shortSoundName(e.label).toLowerCase();
  const sound = label !== group ? label : soundUnder(e, words);
  if (!sound) return `${label} ${span}`;
  return sound.includes(group) ? `the ${sound} ${span}` : `the ${group} ${sound} ${span}`;
}

/** Where the answer's sound word came from, when the tagger itself did not use it. */
function provenance(events: GraphSoundEvent[], words: string[], tagger: string): string {
  const inferred = events
    .map((e) => [e, soundUnder(e, words)] as const)
    .find(
      ([e, sound]) =>
        sound && shortSoundName(e.label).toLowerCase() === shortSoundName(e.group ?? e.label).toLowerCase(),
    );
  if (!inferred) return `(${tagger})`;
  const [e, sound] = inferred;
  return `(${tagger} hears ${shortSoundName(e.label)}; the AudioSet ontology files ${capitalizeWord(sound!)} under it)`;
}

function capitalizeWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function soundAnswer(ctx: ComposeContext): string {
  const { facts, question, seed } = ctx;
  const sound = facts.sound;
  if (!sound)
    return "No sound was analysed for this image, so I can't say what it sounds like. Add an audio clip or record one, then ask again.";
  const text = question.question.toLowerCase();
  const words = askedWords(text);
  const asked = eventsAbout(sound.events, words);
  const tagger = sound.events[0]?.source ?? 'the sound tagger';
  if (/\bwhen\b/.test(text)) {
    if (asked.length === 0)
      return `I don't hear that in the clip: ${tagger} found ${sound.events.length ? joinList(sound.events.slice(0, 4).map((e) => when(e))) : 'no named sound events'}.`;
    const phrases = asked.slice(0, 5).map((e) => when(e, words));
    const lead = phrases.some((p) => p.startsWith('the ')) ? 'I hear' : pick(['I hear', 'The clip has'], seed, 'when');
    return `${lead} ${joinList(phrases)} ${provenance(asked, words, tagger)}.`;
  }
  // A yes/no question starts with its verb ("do you hear a dog?", "is there music?") and names a sound;
  // "what do you hear?" is open and gets the summary below.
  const thing = (text.match(/[a-z]+/g) ?? []).filter((w) => !FILLER.has(w)).pop();
  if (/^(is|are|do|does|can|could|did) /.test(text) && thing && !/making|source|coming/.test(text)) {
    if (asked.length)
      return `Yes, I hear ${joinList(asked.slice(0, 3).map((e) => when(e, words)))} ${provenance(asked, words, tagger)}.`;
    // "Do you hear a dog?" → no dogs; "is there music?", "is someone talking?" → no music, no talking.
    const counted = new RegExp(`\\b(?:a|an) ${thing}\\b`).test(text);
    const noun = counted ? pluralize(singularize(thing)) : thing;
    return `No, ${tagger} heard no ${noun} in the clip. ${sound.summary}`;
  }
  const sources = sound.sourceIds.map((id) => entityById(facts, id)).filter((e) => e !== undefined);
  const heard = `${pick(['From the audio:', 'What I hear:', 'The sound analysis says:'], seed, 'heard')} ${sound.summary.trim().replace(/\.?$/, '.')}`;
  if (/making|makes|source|coming from|produc|who is/.test(text)) {
    if (sources.length === 0 && facts.entities.length === 0 && facts.stuff.length === 0)
      return `${heard} There is no picture with this sound, so I can't point at what makes it.`;
    if (sources.length === 0)
      return `${heard} None of the things I can see obviously makes that sound, so its source may be out of frame.`;
    return `${heard} ${pick(['It most likely comes from', 'The likely source is', 'That fits'], seed, 'src')} ${joinList(sources.map(theEntity))}.`;
  }
  const extra = sources.length
    ? ` ${pick(['It seems to come from', 'The likely source is'], seed, 'src2')} ${joinList(sources.map(theEntity))}.`
    : '';
  return `${heard}${extra}`;
}
