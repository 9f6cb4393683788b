/**
 * "Is it a pickup?", "is the bus a minibus?": whether a thing is of the kind asked, from what the models
 * named it — the detector's class, the crop classifier's finer name, the other classes a model scored for
 * it — and WordNet's noun hierarchy for kinds nobody named but that contain or are contained in those names
 * ("vehicle" holds a truck; a pickup is a kind of truck). The answer says which model said what, with its
 * score, and never says yes on a guess: a kind only WordNet places under the class is "possibly".
 * "It" with nothing said before means the biggest thing in the image, and the answer says so.
 */
import { LABEL_SYNONYMS } from '../vocabulary';
import type { EntityFacts } from '../scene-facts';
import { resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance, nounSynsets } from '../../lexicon/wordnet';
import type { ComposeContext } from './compose-overview';
import { faintSceneAnswer } from './compose-faint';
import { STATE_MIN_SCORE } from './compose-setting';
import { theEntity, withArticle } from './phrasing';

/**
 * Hypernym steps allowed from a named kind up to the asked one: WordNet puts truck 4 steps under vehicle and
 * pickup 1 under truck; 6 reaches "vehicle" / "animal" from COCO classes without climbing to "object".
 */
const KIND_DEPTH = 6;

/** Whether WordNet files `narrow` (in a common sense) under `broad` (in any sense) within KIND_DEPTH steps. */
function isKindOf(narrow: string, broad: string): boolean {
  const from = commonNounSynsets(narrow.split(' '));
  const to = nounSynsets(broad.split(' '));
  return from.length > 0 && to.length > 0 && hypernymDistance(from, to, KIND_DEPTH) !== undefined;
}

/** The model as the answers call it elsewhere (model ids: yolox-nano, imagenet-mobilenetv2, ade20k-deeplab). */
function who(source: string): string {
  if (source.startsWith('imagenet')) return 'the crop classifier';
  if (source.startsWith('yolox')) return 'the detector';
  if (source.startsWith('ade20k')) return 'the segmenter';
  return source;
}

function scored(score: number | null): string {
  return score === null ? '' : ` (${score.toFixed(2)})`;
}

/** The crop classifier's names for the thing: ImageNet lists synonyms after commas ("pickup, pickup truck"). */
function fineNames(entity: EntityFacts): string[] {
  return entity.fineName?.label.split(',').map((name) => name.trim().toLowerCase()) ?? [];
}

/**
 * The asked word names the class itself: the label, or a synonym that is not a narrower kind ("automobile" is a
 * car, but a "puppy" is a young dog: finding puppies by their dogs is fine, saying a dog is one is not).
 */
function sameKind(kind: string, label: string): boolean {
  return kind === label || (LABEL_SYNONYMS[kind] === label && !(isKindOf(kind, label) && !isKindOf(label, kind)));
}

export function identityAnswer(ctx: ComposeContext): string {
  const answer = kindAnswer(ctx);
  // "Is it a black bear?": the colour asked beside the kind is checked too.
  const asked = ctx.question.askedColour;
  const subject = asked ? identitySubject(ctx) : undefined;
  if (!asked || !subject?.colour || !/^(Yes|Possibly)/.test(answer)) return answer;
  if (subject.colour === asked) return `${answer} It looks ${asked} too.`;
  return `${answer.replace(/^Yes\b/, 'Partly')} But it looks ${subject.colour}, not ${asked}.`;
}

/** What "it" is here: the thing asked about, or with nothing asked before the biggest thing in view. */
function identitySubject(ctx: ComposeContext): EntityFacts | undefined {
  const { facts, question } = ctx;
  const things = question.targets.filter((e) => e.kind !== 'stuff');
  const pool = things.length ? things : question.targets.length ? question.targets : facts.entities;
  return [...pool].sort((a, b) => a.sizeRank - b.sizeRank)[0];
}

function kindAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const kind = question.askedKind ?? '';
  const subject = identitySubject(ctx);
  if (!subject) return faintSceneAnswer(facts);
  const it = theEntity(subject);
  const label = subject.label;
  const fine = subject.fineName;
  const assumed =
    question.targets.length === 0
      ? ` (Nothing said so far tells me what "it" is, so I take it to be the biggest thing here, ${it}.)`
      : '';
  const named = `${who(subject.source)} calls ${it} ${withArticle(label)}${scored(subject.score)}`;
  const finer = fine
    ? `; the crop classifier's best guess is ${withArticle(fineNames(subject)[0])}${scored(fine.score)}`
    : '';

  if (sameKind(kind, label)) return `Yes: ${named}${finer}.${assumed}`;
  if (fine && fineNames(subject).includes(kind))
    return `Yes — the crop classifier calls ${it} ${withArticle(kind)}${scored(fine.score)}, and ${who(subject.source)} ${withArticle(label)}${scored(subject.score)}.${assumed}`;
  const broader = [label, ...fineNames(subject).slice(0, 1)].find((name) => isKindOf(name, kind));
  if (broader) return `Yes: ${named}${finer}, and WordNet files ${withArticle(broader)} under ${kind}.${assumed}`;
  const alternative = subject.alternatives?.find(
    (a) => sameKind(kind, a.label) || a.label.split(',')[0].trim().toLowerCase() === kind,
  );
  if (alternative)
    return `Possibly: ${named}, but ${who(alternative.source)} gives ${withArticle(kind)}${scored(alternative.score)} as another reading${finer}.${assumed}`;
  // "Is it a polar bear?" of what the crop classifier surely calls a black bear: another kind of the same class.
  const finest = fineNames(subject)[0];
  if (isKindOf(kind, label) && (fine?.score ?? 0) >= STATE_MIN_SCORE && finest && !isKindOf(finest, kind))
    return `Probably not: ${named}, and the crop classifier calls it ${withArticle(finest)}${scored(fine?.score ?? null)}, another kind of ${label}.${assumed}`;
  if (isKindOf(kind, label))
    return `Possibly: ${named}, and ${withArticle(kind)} is a kind of ${label}, but no model here names it ${withArticle(kind)}${finer}.${assumed}`;
  // A kind no model has a class for could be true of anything: a "no" would claim what no model can check.
  if (!resolveNoun(kind)) {
    const cannot = `none of my models has a class for that, so I can't rule it in or out`;
    // "Is this a professional match?": "this" is the scene, not its biggest thing.
    return question.targets.length
      ? `I can't tell whether ${it} is ${withArticle(kind)}: ${cannot}; ${named}${finer}.`
      : `I can't tell whether this is ${withArticle(kind)}: ${cannot}.`;
  }
  return `No: ${named}${finer}.${assumed}`;
}
