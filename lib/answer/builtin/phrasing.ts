/**
 * Small wording helpers for the built-in answerer: deterministic variation, numbers, lists, articles, and how
 * to name an entity ("the red car", "the person in blue").
 */
import { WEARS_CLOTHES } from '../../scene/graph/clothes';
import { capitalizeMarked, decapitalizeMarked, ref } from '../links/markup';
import type { EntityFacts } from '../scene-facts';
import { pluralize } from '../vocabulary';
import { withArticle } from '../articles';

/** FNV-1a, 32-bit: a stable seed from text (same question + same result → same wording). */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * One of several phrasings, chosen by the seed. The salt makes each choice point in an answer vary
 * independently, so two answers do not share all their choices.
 */
export function pick<T>(options: readonly T[], seed: number, salt: string): T {
  return options[hashSeed(`${seed}:${salt}`) % options.length];
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export { withArticle };

/** "two people", "a car" (plain words, no link). */
export function countPhrase(label: string, count: number): string {
  return count === 1 ? withArticle(label) : `${numberWord(count)} ${pluralize(label)}`;
}

/** "two people" linked to both, "a red car" linked to it: a group named by its count. */
export function countRef(entities: EntityFacts[]): string {
  if (entities.length === 1) return aEntity(entities[0]);
  return ref(
    entities.map((e) => e.id),
    countPhrase(entities[0].label, entities.length),
  );
}

/** "the people" / "the cars", linked to all of them. */
export function theGroup(entities: EntityFacts[]): string {
  if (entities.length === 1) return theEntity(entities[0]);
  // "On the ground": the road and the runway are named each by its own label, not as "the roads".
  const labels = [...new Set(entities.map((e) => e.label))];
  if (labels.length > 1) return joinList(labels.map((label) => theGroup(entities.filter((e) => e.label === label))));
  return ref(
    entities.map((e) => e.id),
    `the ${pluralize(entities[0].label)}`,
  );
}

export function capitalize(text: string): string {
  return capitalizeMarked(text);
}

/**
 * An answer after its hedge, cased to follow it: a hedge that ends a sentence ("… (0.29, after dog 0.34). ")
 * starts the next one capitalised, one that ends with a colon ("… may have named it a cat: ") runs on.
 */
export function afterHedge(hedge: string | undefined, answer: string): string {
  if (!hedge) return capitalize(answer);
  return hedge.trimEnd().endsWith('.') ? `${hedge}${capitalize(answer)}` : `${hedge}${decapitalizeMarked(answer)}`;
}

/**
 * The entity named with its colour: "red car", or "person in blue" for people, whose colour is their clothes.
 * The label itself always appears as written, so the matcher links it.
 */
export function colouredLabel(entity: EntityFacts): string {
  if (!entity.colour || entity.kind === 'stuff') return entity.label;
  return WEARS_CLOTHES.has(entity.label) ? `${entity.label} in ${entity.colour}` : `${entity.colour} ${entity.label}`;
}

/** "the red car", linked to that car. */
export function theEntity(entity: EntityFacts): string {
  return ref([entity.id], `the ${colouredLabel(entity)}`);
}

export function aEntity(entity: EntityFacts): string {
  return ref([entity.id], withArticle(colouredLabel(entity)));
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * "the X" for each entity, told apart when a list would name two alike: first by place ("the white car on the
 * right"), then by order from the left among `among` ("the second white car from the left").
 */
export function theEntities(entities: EntityFacts[], among: EntityFacts[] = entities): string[] {
  const base = entities.map((e) => `the ${colouredLabel(e)}`);
  const placed = base.map((name, i) =>
    base.filter((b) => b === name).length > 1 ? `${name} ${entities[i].position}` : name,
  );
  return placed.map((name, i) =>
    placed.filter((p) => p === name).length < 2
      ? ref([entities[i].id], name)
      : ordinalEntity(entities[i], [...new Set([...among, ...entities])]),
  );
}

/**
 * "the second person in white from the left", counted among all such things in `among` (the scene), so it
 * is true of the whole image.
 */
function ordinalEntity(entity: EntityFacts, among: EntityFacts[]): string {
  const alike = among
    .filter((e) => colouredLabel(e) === colouredLabel(entity))
    .sort((a, b) => a.centre[0] - b.centre[0]);
  const rank = alike.indexOf(entity);
  return ref([entity.id], `the ${ORDINAL_WORDS[rank] ?? `${rank + 1}th`} ${colouredLabel(entity)} from the left`);
}

/** "the red car" when nothing else in `among` goes by that name, else its order from the left. */
export function distinctEntity(entity: EntityFacts, among: EntityFacts[]): string {
  return among.some((e) => e !== entity && colouredLabel(e) === colouredLabel(entity))
    ? ordinalEntity(entity, among)
    : theEntity(entity);
}

/** The finer name a crop classifier gave, when there is one: "pickup". */
export function fineWord(entity: EntityFacts): string | undefined {
  return entity.fineName?.label.split(',')[0].trim().toLowerCase();
}

/** Percent of the image, rounded for speech: "about 13%", "under 1%". */
export function percentOfImage(fraction: number): string {
  if (fraction < 0.01) return 'under 1%';
  return `about ${Math.round(fraction * 100)}%`;
}

/** "trousers", "jeans": a garment named in the plural, which takes a plural verb. */
export function pluralGarment(garment: string): boolean {
  return /s$/.test(garment);
}

/** " (going by the lower part of the mask, where trousers are worn)": how a garment's colour was read. */
export function wornNote(worn: { garment: string; band: string }): string {
  const what = pluralGarment(worn.garment) ? `${worn.garment} are` : `${withArticle(worn.garment)} is`;
  return ` (going by the ${worn.band} part of the mask, where ${what} worn)`;
}

/**
 * A wearer seen through the band of their mask a garment covers (the scene graph's clothes.ts): "his trousers"
 * take the legs' colour. Anything without that band is returned as it is.
 */
export function inGarment(entity: EntityFacts, worn: { band: 'upper' | 'lower' } | undefined): EntityFacts {
  const colour = worn ? entity.clothes?.[worn.band] : undefined;
  return colour ? { ...entity, colour, colourShade: undefined } : entity;
}

/**
 * Each named with its place ("the person in red on the left"), unless the name says it already; a name told
 * apart by its order ("the second bus from the left") takes the place after a comma.
 */
export function placedNames(group: EntityFacts[], among: EntityFacts[]): string[] {
  return theEntities(group, among).map((name, i) =>
    name.includes(group[i].position)
      ? name
      : name.includes('from the left')
        ? `${name}, ${group[i].position}`
        : `${name} ${group[i].position}`,
  );
}

/** "one more line", "two more lines": OCR lines left out of a quote. */
export function moreLines(n: number): string {
  return `${numberWord(n)} more line${n === 1 ? '' : 's'}`;
}

/** "dark blue", "light green": the shade where the question asks what colour, never in a yes/no about a hue. */
export function shaded(entity: EntityFacts): string {
  const colour = entity.colourShade ? `${entity.colourShade} ${entity.colour}` : (entity.colour ?? '');
  return entity.secondColour ? `${colour} and ${entity.secondColour}` : colour;
}

/**
 * Items grouped by a key, groups in the order their first item came (`largestFirst`: the biggest group first,
 * ties in that order). Answers say alike things once: "five white (…) and one blue (…)".
 */
export function groupBy<T>(items: T[], key: (item: T) => string, largestFirst = false): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  const all = [...groups];
  return largestFirst ? all.sort((a, b) => b[1].length - a[1].length) : all;
}

/** The detection scores of `entities` as an answer gives them ("0.46, 0.38"), the first `most` only. */
export function scoreList(entities: EntityFacts[], most = entities.length): string {
  return entities
    .slice(0, most)
    .map((e) => (e.score ?? 0).toFixed(2))
    .join(', ');
}
