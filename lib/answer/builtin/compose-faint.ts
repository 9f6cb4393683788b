/**
 * A photo in which nothing was detected above the user's threshold: rather than an empty answer, say so, and
 * pass on the leads the models did have, each hedged with its score — the detector's weaker boxes, the
 * whole-image classifier's best guess, and the regions around — so the user knows what lowering the threshold
 * or asking an endpoint might show.
 */
import type { SceneFacts } from '../scene-facts';
import { joinList, theEntity, withArticle } from './phrasing';

/** Weaker than this, a detection or tag is noise rather than a lead (as WEAK_MENTION_SCORE in compose-overview). */
const LEAD_MIN_SCORE = 0.2;
/** Tags a detector gave are its boxes again (shown ones are entities); only the whole-image classifier's add something. */
export const isDetectorTag = (tag: { source: string }) => /^yolox/.test(tag.source);

export function faintSceneAnswer(facts: SceneFacts): string {
  const sentences = ['Nothing was detected above the current score threshold.'];
  const weak = facts.uncertain
    .filter((e) => (e.score ?? 0) >= LEAD_MIN_SCORE)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .slice(0, 3);
  if (weak.length)
    sentences.push(
      `The detector's weaker guesses: possibly ${joinList(weak.map((e) => `${withArticle(e.label)} (${(e.score ?? 0).toFixed(2)})`))}; lowering the threshold slider shows them.`,
    );
  const guesses = [
    ...new Map(
      (facts.tags ?? [])
        .filter((t) => !isDetectorTag(t) && t.score >= LEAD_MIN_SCORE)
        .sort((a, b) => b.score - a.score)
        .map((t) => [t.score.toFixed(2), t]),
    ).values(),
  ].slice(0, 2);
  if (guesses.length)
    sentences.push(
      `The whole-image classifier's best ${guesses.length > 1 ? 'guesses are' : 'guess is'} ${joinList(guesses.map((t) => `${withArticle(t.label)} (${t.score.toFixed(2)})`))}.`,
    );
  const regions = facts.stuff.slice(0, 3);
  if (regions.length) sentences.push(`The scene segmenter sees ${joinList(regions.map(theEntity))}.`);
  return sentences.join(' ');
}
