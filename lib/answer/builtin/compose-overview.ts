/**
 * What every answer shares: the context a composer gets, the inventory of what is there (with the weak
 * detections hedged), and the "not found" wording. Describe and exists: compose-describe.ts; counts and
 * comparisons: compose-count.ts. Every phrase that names an entity is written linked (ref).
 */
import { ref } from '../links/markup';
import type { EntityFacts, SceneFacts } from '../scene-facts';
import { COCO_LABELS, pluralize, singularize } from '../vocabulary';
import { lookalikeClasses, modelWords, resolveNoun } from '../../lexicon/model-lexicon';
import { commonNounSynsets, hypernymDistance } from '../../lexicon/wordnet';
import type { ResolvedQuestion } from './resolved-question';
import { becomesRegion, broadWordDenial } from './broad-word';
import { entitiesNamed } from './named-entities';
import {
  capitalize,
  countRef,
  joinList,
  numberWord,
  percentOfImage,
  pick,
  theEntity,
  withArticle,
  scoreList,
} from './phrasing';
import { STATE_MIN_SCORE } from './compose-setting';
import { isDetectorTag } from './compose-faint';

export interface ComposeContext {
  facts: SceneFacts;
  question: ResolvedQuestion;
  seed: number;
}

/** What the built-in answerer knows, naming the sound analysis only where there is a sound. */
export function limitation(facts: SceneFacts): string {
  const models = facts.sound ? 'the segmenters and the sound analysis' : 'and the segmenters';
  return `I only know what the detector (80 COCO classes)${facts.sound ? ',' : ''} ${models} found: which things are there, where, how big and what colour`;
}

export function entitiesWithLabel(facts: SceneFacts, label: string): EntityFacts[] {
  return facts.entities.filter((entity) => entity.label === label);
}

/** "two people, a red car and a dog": single entities get their colour, groups their count; all linked. */
export function inventory(facts: SceneFacts): string {
  return joinList(facts.counts.map(({ label }) => countRef(entitiesWithLabel(facts, label))));
}

/**
 * The inventory with the weak apart: "two people and a red car, and possibly a white bed (the detector is
 * unsure: 0.46)". A description never rests on detections too weak to state (STATE_MIN_SCORE). `entities`: of
 * these only ("what else is there?" lists those no answer named yet).
 */
export function hedgedInventory(facts: SceneFacts, entities: EntityFacts[] = facts.entities): string {
  const weak = (e: EntityFacts) => (e.score ?? 1) < STATE_MIN_SCORE;
  const labels = facts.counts.map((c) => c.label);
  const withLabel = (label: string) => entities.filter((e) => e.label === label);
  const sure = labels
    .map((label) => withLabel(label).filter((e) => !weak(e)))
    .filter((group) => group.length > 0)
    .map((group) => countRef(group));
  const unsure = labels
    .map((label) => withLabel(label).filter(weak))
    .filter((group) => group.length > 0)
    .map((group) =>
      // "two books, … and possibly two more books": the same class on both sides is counted on.
      withLabel(group[0].label).some((e) => !weak(e))
        ? ref(
            group.map((e) => e.id),
            `${numberWord(group.length)} more ${group.length > 1 ? pluralize(group[0].label) : group[0].label}`,
          )
        : countRef(group),
    );
  if (unsure.length === 0) return joinList(sure);
  const best = Math.max(...entities.filter(weak).map((e) => e.score ?? 0));
  const possibly = `possibly ${joinList(unsure)} (the models are unsure: ${best.toFixed(2)} at most)`;
  return sure.length ? `${joinList(sure)}, and ${possibly}` : possibly;
}

/** ", and 2 more I am less sure of": entities of these labels below the user's threshold (never linked). */
export function lessSure(facts: SceneFacts, labels: string[], seed: number): string {
  const n = facts.uncertain.filter((e) => labels.includes(e.label)).length;
  if (n === 0) return '';
  return pick(
    [`, and ${numberWord(n)} more I am less sure of`, `, plus ${numberWord(n)} more that I am less sure about`],
    seed,
    'unsure',
  );
}

/** The label or thing is not in the scene: say so, and say what is there instead. */
/** A detection this strong but under the threshold is mentioned, hedged, instead of a flat "no" (as in HEDGE_MIN_SCORE). */
export const WEAK_MENTION_SCORE = 0.2;

/** Drawers, trousers, glasses: nouns WordNet keeps plural, so the asked word stays plural. */
const isPluralOnly = (thing: string) => /[^su]s$/.test(thing);

/** "is a stump", but "are any drawers", and "is any snow" where the question used the noun without an article. */
function isThere(thing: string, question: string): string {
  if (isPluralOnly(thing)) return `are any ${thing}`;
  const bare = new RegExp(`\\b(?:there|any|some|see) ${thing}\\b`).test(question.toLowerCase());
  return bare ? `is any ${thing}` : `is ${withArticle(thing)}`;
}

/** A whole-image classifier tag (not the detector's) that is the thing or one of the classes it resolves to. */
function classifierTag(
  facts: SceneFacts,
  thing: string,
  classes: { label: string; role: string }[],
): { label: string; score: number } | undefined {
  const names = new Set([thing, ...classes.filter((c) => c.role === 'classifier').map((c) => c.label)]);
  // "An arch" and the tag "triumphal arch": a tag whose head noun is the thing is a kind of it; "a tennis
  // racket" and the tag "racket", the thing's own head noun.
  const named = (label: string) =>
    names.has(label) || label.split(' ').pop() === thing || thing.split(' ').pop() === label;
  return (facts.tags ?? [])
    .filter((t) => !isDetectorTag(t) && t.score >= WEAK_MENTION_SCORE && named(t.label.toLowerCase()))
    .sort((a, b) => b.score - a.score)[0];
}

export function absentAnswer(ctx: ComposeContext, thing: string): string {
  const { facts, seed } = ctx;
  const known = COCO_LABELS.includes(thing) || entitiesNamed(facts, thing).length > 0;
  const resolution = known ? null : resolveNoun(thing);
  const tagged = classifierTag(facts, thing, resolution?.classes ?? []);
  if (!known && !resolution && !tagged) {
    // No model has a class for it: a "no" would be a claim the models cannot back.
    const it = isPluralOnly(thing) ? 'them' : 'it';
    return `I can't tell whether there ${isThere(thing, ctx.question.question)}: none of my models (80 COCO objects, 150 ADE20K scene classes, 1000 ImageNet classes) has a class for ${it}, so I can't rule ${it} in or out.`;
  }
  // The whole-image classifier named it ("bathtub" of a bathroom): evidence, though nothing outlines it.
  if (tagged)
    return `Possibly: the whole-image classifier tags this photo "${tagged.label}" (${tagged.score.toFixed(2)}), though no model outlines ${isPluralOnly(thing) ? 'them' : 'one'}, so I can't point to it.`;
  // Seen only under the user's threshold: neither a yes nor a no, but the lead with its scores.
  const weak = facts.uncertain
    .filter((e) => e.label === thing && (e.score ?? 0) >= WEAK_MENTION_SCORE)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  if (weak.length) {
    const scores = scoreList(weak, 3);
    return `Possibly: the detector found ${weak.length === 1 ? withArticle(thing) : `${numberWord(weak.length)} ${pluralize(thing)}`} but is unsure (${scores}), under the current threshold, so I won't say so for certain.`;
  }
  const there = facts.entities.length
    ? ` ${pick(['What I can see:', 'What is there:', 'I do see'], seed, 'there')} ${hedgedInventory(facts)}.`
    : ' In fact nothing was detected above the current threshold.';
  const broad = broadWordDenial(ctx.question, thing);
  if (broad) return `${broad}${there}`;
  const seer = resolution && resolution.how !== 'kind-of' ? resolution.classes[0] : null;
  if (seer?.role === 'classifier' && !detectorWouldBox(thing)) {
    // The crop classifier names only what the detector boxed: its silence says nothing about the rest of the photo.
    const quoted = seer.label === thing ? '' : ` ("${seer.label}")`;
    return `I can't tell whether there ${isThere(thing, ctx.question.question)}: only the crop classifier has a class for it${quoted}, and it looks only at things the detector boxed, none of which it called one, so I can't rule it in or out.`;
  }
  if (seer?.role === 'segmenter' && !becomesRegion(seer.label)) {
    // Only the segmenter's surfaces and furniture are kept as regions: its silence about a flag says nothing.
    const them = seer.stuff ? 'it' : 'them';
    const quoted = seer.label === thing ? '' : ` ("${seer.label}")`;
    return `I can't tell whether there ${seer.stuff ? 'is any' : 'are any'} ${seer.stuff ? thing : pluralize(singularize(thing))}: the scene segmenter has a class for ${them}${quoted}, but only its surfaces and furniture become regions here, so I can't rule ${them} in or out. "Find in this result" with the word "${thing}" has the segmenter look for ${them}.`;
  }
  // "Where are the houses?" with a building region: the segmenter's parent class may be it, said as such.
  const lookalike =
    seer?.role === 'segmenter' ? facts.stuff.find((e) => lookalikeClasses(seer.label).includes(e.label)) : undefined;
  if (lookalike)
    return `I see no ${seer!.label} as such, but the scene segmenter found ${theEntity(lookalike)} ${lookalike.position}, which may be it (it covers ${percentOfImage(lookalike.areaFraction)} of the image).`;
  // Stuff is a mass ("any sky", "any grass"), not a count of skies.
  // The asked word may be plural already ("drawers"): pluralize its singular, not the word.
  const some = resolution?.classes[0]?.stuff ? thing : pluralize(singularize(thing));
  // Known only as a kind of a class ("salad" as food): no model would see one as such, so no "No".
  const onlyAsKind = !known && resolution !== null && !seer;
  const denials = onlyAsKind
    ? [`I don't see any ${some} as such.`]
    : ctx.question.type === 'exists'
      ? [`No, I don't see any ${some}.`, `No, I can't find any ${some} in this image.`]
      : [`I don't see any ${some} in this image.`, `I can't find any ${some} here.`];
  const denial = pick(denials, seed, 'absent');
  // A word covering several of a model's classes ("vehicles") names them all, not just the first.
  const seerClasses = seer
    ? [...new Set(resolution!.classes.filter((c) => c.role === seer.role).map((c) => c.label))]
    : [];
  const caveat =
    known || !resolution
      ? ''
      : seer && seerClasses.length > 1
        ? ` ${capitalize(modelWords(seer.role))} has classes for them (${joinList(seerClasses.map(pluralize))}) and found none.`
        : seer
          ? ` ${capitalize(modelWords(seer.role))} has a class for ${seer.stuff ? 'it' : 'them'}${seer.label === thing ? '' : ` ("${seer.label}")`} and found none.`
          : ` My models only know it as a kind of ${resolution.classes[0].label}, so I can't rule it out.`;
  return `${denial}${caveat}${there}`;
}

/**
 * Kinds the detector's classes cover broadly (its ten animal and eight vehicle classes box most animals and
 * vehicles, if under another name): such a thing would have been boxed and shown to the crop classifier, so
 * the classifier naming none of them is a fair "no". Anything else may never have reached it.
 */
const BOXED_KINDS = ['animal', 'vehicle'];
const KIND_REACH = 20;

function detectorWouldBox(thing: string): boolean {
  const senses = commonNounSynsets(thing.split(' ')).slice(0, 1);
  return BOXED_KINDS.some(
    (kind) => hypernymDistance(senses, commonNounSynsets([kind]).slice(0, 1), KIND_REACH) !== undefined,
  );
}
