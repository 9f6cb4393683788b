/**
 * "What kind of dog is it?", "what breed…", "what make is the truck?": the finer name the crop classifier
 * (MobileNetV2, ImageNet's 1000 classes) gave the thing, with its score and a hedge when it is a guess.
 * Makes, models and brands are no model's classes: the answer says so rather than pass a class off as one.
 */
import type { EntityFacts } from '../scene-facts';
import { commonNounSynsets, hypernymDistance, nounSynsets } from '../../lexicon/wordnet';
import type { ComposeContext } from './compose-overview';
import { faintSceneAnswer } from './compose-faint';
import { STATE_MIN_SCORE } from './compose-setting';
import { fineWord, joinList, theEntity, withArticle } from './phrasing';

/** Trade names, not kinds: nothing here is trained on them. */
const TRADE_ASPECTS = new Set(['make', 'model', 'brand']);
/** Hypernym steps from a fine name up to the detector's class: a French bulldog is 3 steps under dog. */
const FINE_DEPTH = 8;

/** Does WordNet file the fine name under the detector's class (so the two models agree)? */
function agrees(entity: EntityFacts, fine: string): boolean {
  const from = commonNounSynsets(fine.split(' '));
  const to = nounSynsets(entity.label.split(' '));
  return from.length > 0 && to.length > 0 && hypernymDistance(from, to, FINE_DEPTH) !== undefined;
}

/** The thing and its finer name with score ("an ibizan hound (0.55)"), or no name when it gave none finer. */
function finerName(entity: EntityFacts): { thing: string; name?: string } {
  const thing = theEntity(entity);
  const fine = fineWord(entity);
  if (!fine || !entity.fineName || fine === entity.label) return { thing };
  const score = entity.fineName.score ?? 0;
  const guess = score < STATE_MIN_SCORE ? ', a guess' : '';
  const clash = agrees(entity, fine) ? '' : `, not a kind of ${entity.label}: one of the two models is wrong`;
  return { thing, name: `${withArticle(fine)} (${score.toFixed(2)}${guess}${clash})` };
}

/** The crop classifier's finer names for the things, and which ones it named nothing finer. */
function finerNames(shown: EntityFacts[]): string {
  const named = shown.map(finerName);
  const guesses = named.filter((n) => n.name);
  const plain = shown.filter((_, i) => !named[i].name);
  const lead =
    guesses.length === 1
      ? `The crop classifier's best guess for ${guesses[0].thing} is ${guesses[0].name}`
      : guesses.length
        ? `The crop classifier's best guesses: ${joinList(guesses.map((g) => `${g.thing}, ${g.name}`))}`
        : '';
  if (plain.length === 0) return lead;
  const classes = plain.length > 1 ? 'their classes' : withArticle(plain[0].label);
  return `${lead}${lead ? '; it' : 'The crop classifier'} gave ${joinList(plain.map((e) => theEntity(e)))} no finer name than ${classes}`;
}

export function kindAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const things = question.targets.filter((e) => e.kind !== 'stuff');
  const pool = things.length ? things : facts.entities;
  if (pool.length === 0) return faintSceneAnswer(facts);
  const shown = [...pool].sort((a, b) => a.sizeRank - b.sizeRank).slice(0, 3);
  const aspect = question.kindAspect ?? 'kind';
  const names = finerNames(shown);
  if (TRADE_ASPECTS.has(aspect))
    return `I can't tell the ${aspect}: none of my models knows ${aspect}s, only kinds of things. ${names}; any lettering on it can be read with "what does it say?".`;
  return `${names}.`;
}
