/** What the scene's things and regions are called: the words a question can name them by. */
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { fineWord } from './phrasing';

/** Every name a question may use for something in this scene: classes, stuff, finer names. */
export function sceneVocabulary(facts: SceneFacts): string[] {
  const all = [...facts.entities, ...facts.stuff];
  return [...new Set([...all.map((e) => e.label), ...all.map(fineWord).filter((w): w is string => Boolean(w))])];
}

/** Entities a label names: the label itself, or a finer name ("pickup" → the truck the classifier named so). */
export function entitiesNamed(facts: SceneFacts, label: string): EntityFacts[] {
  return [...facts.entities, ...facts.stuff].filter((e) => e.label === label || fineWord(e) === label);
}
