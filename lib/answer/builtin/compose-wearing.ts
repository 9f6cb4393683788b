/**
 * "Is the man wearing a tie?": only a few worn things are classes a model here detects (tie, backpack,
 * handbag); those are checked against the person's box, a weak detection hedged with its score. Clothes no
 * model has a class for (shoes, shirts, glasses, hats) get an honest "I can't tell", never a guessed yes/no.
 */
import { WEARING, WEARING_WHAT } from './question-patterns';
import { normalizeQuestion } from './question-phrases';
import { singularize } from '../vocabulary';
import type { EntityFacts } from '../scene-facts';
import type { ClothesColours } from '../../scene/graph/clothes';
import { type ComposeContext, WEAK_MENTION_SCORE } from './compose-overview';
import { STATE_MIN_SCORE } from './compose-setting';
import { countRef, groupBy, joinList, numberWord, theEntity, withArticle } from './phrasing';
import { ref } from '../links/markup';
import { colourNamed, type ColourName } from '../../scene/graph/colour';

/** Worn things the detector has a class for, by the words people use. */
const WORN: Record<string, string> = {
  tie: 'tie',
  necktie: 'tie',
  backpack: 'backpack',
  rucksack: 'backpack',
  handbag: 'handbag',
  bag: 'handbag',
  purse: 'handbag',
};

/**
 * "What is the man wearing?": no model names garments, but the scene graph reads the colours of the upper and
 * lower body apart (clothes.ts); those are what the photo shows, said as colours of the mask, not as garments.
 */
function clothesColoursAnswer(person: EntityFacts, { upper, lower }: ClothesColours): string | undefined {
  const colours =
    upper && lower
      ? upper === lower
        ? `the clothes read ${upper} from top to bottom`
        : `the upper body reads ${upper} and the lower body ${lower}`
      : upper
        ? `the upper body reads ${upper}`
        : lower && `the lower body reads ${lower}`;
  if (!colours) return undefined;
  return `I can't name garments: none of my models has a class for clothes. Going by the colours of ${theEntity(person)}'s mask, ${colours}.`;
}

/** How one person's clothes read, for a group: "white from top to bottom", "grey on top and white below". */
function clothesPhrase({ upper, lower }: ClothesColours): string | undefined {
  if (upper && lower) return upper === lower ? `${upper} from top to bottom` : `${upper} on top and ${lower} below`;
  return upper ? `${upper} on top` : lower ? `${lower} below` : undefined;
}

/** "What are they wearing?" of several people: their clothes' colours, alike ones said once. */
function groupClothesAnswer(people: EntityFacts[]): string | undefined {
  const dressed = people.filter((p) => p.clothes && clothesPhrase(p.clothes));
  if (dressed.length === 0) return undefined;
  const parts = groupBy(dressed, (p) => clothesPhrase(p.clothes!)!, true).map(([phrase, group]) =>
    ref(
      group.map((p) => p.id),
      `${numberWord(group.length)} ${group.length > 1 ? 'read' : 'reads'} ${phrase}`,
    ),
  );
  return `I can't name garments: none of my models has a class for clothes. Going by the colours of the ${countRef(people)}'s masks, ${joinList(parts)}.`;
}

/** The colours a person's clothes read: upper and lower body, else the whole mask's. */
function clothesColours(person: EntityFacts): ColourName[] {
  const { upper, lower } = person.clothes ?? {};
  const bands = [upper, lower].filter((c): c is ColourName => Boolean(c));
  return bands.length ? bands : person.colour ? [person.colour] : [];
}

/** "Is he wearing red?", "are they all wearing white?", "is anyone wearing black?": the colour against the clothes'. */
function colourWornAnswer(people: EntityFacts[], colour: ColourName, text: string): string {
  const wearing = people.filter((p) => clothesColours(p).includes(colour));
  if (people.length === 1) {
    const person = people[0];
    const seen = joinList([...new Set(clothesColours(person))]);
    const how = 'going by the colours of the mask, as no model here names garments';
    return wearing.length
      ? `Yes: ${theEntity(person)}'s clothes read ${seen}, ${how}.`
      : `No: ${theEntity(person)}'s clothes read ${seen || 'no clear colour'}, not ${colour}, ${how}.`;
  }
  const how = 'going by the colours of their masks, as no model here names garments';
  const group = `the ${countRef(people)}`;
  const some = ref(
    wearing.map((p) => p.id),
    `${numberWord(wearing.length)} of the ${numberWord(people.length)} people`,
  );
  const verb = wearing.length > 1 ? 'wear' : 'wears';
  if (wearing.length === 0) return `No: none of ${group} wears ${colour}, ${how}.`;
  if (wearing.length === people.length) return `Yes: all of ${group} wear ${colour}, ${how}.`;
  // "Is anyone wearing black?" is answered by one who does; "are they all…?" by those who do not.
  if (/\b(anyone|anybody|someone|somebody|any of)\b/.test(text)) return `Yes: ${some} ${verb} ${colour}, ${how}.`;
  return `Not all: ${some} ${verb} ${colour}, ${how}.`;
}

function inside(thing: EntityFacts, person: EntityFacts): boolean {
  const [x, y, w, h] = person.box;
  return thing.centre[0] >= x && thing.centre[0] <= x + w && thing.centre[1] >= y && thing.centre[1] <= y + h;
}

export function wearingAnswer(ctx: ComposeContext): string {
  const { facts, question } = ctx;
  const text = normalizeQuestion(question.question);
  const match = WEARING.exec(text);
  const words = match?.[1]?.split(' ') ?? [];
  const item = words.length ? [...words.slice(0, -1), singularize(words[words.length - 1])].join(' ') : 'that';
  // "What are they wearing?" with no one talked about yet: everyone in view, not the first person found.
  const everyone = /\b(they|them|their|everyone|everybody)\b/.test(text)
    ? facts.entities.filter((e) => e.label === 'person')
    : [];
  const named = question.targets.filter((t) => t.label === 'person');
  const people = named.length || question.fromHistory ? named : everyone;
  // "What is the cat wearing?": an animal or a thing, not whoever stands nearby.
  const wearAt = text.search(/\b(wearing|wear|dressed|have on|has on)\b/);
  const before = (t: EntityFacts) => question.labels.some((m) => m.label === t.label && m.start < wearAt);
  const other = question.targets.find((t) => t.label !== 'person' && t.kind !== 'stuff' && before(t));
  if (!people.length && other) {
    const asked = match
      ? `whether ${theEntity(other)} is wearing ${withArticle(item)}`
      : `what ${theEntity(other)} is wearing`;
    return `I can't tell ${asked}: my models have no classes for collars, coats or other things animals and objects wear.`;
  }
  const person = people[0] ?? facts.entities.find((e) => e.label === 'person');
  const askedColour = colourNamed(item);
  if (person && askedColour) return colourWornAnswer(people.length ? people : [person], askedColour, text);
  const label = WORN[item];
  if (!person)
    return `I can't tell: I see nobody for sure who could be wearing ${item === 'that' ? 'it' : `a ${item}`}.`;
  const openQuestion = !match && WEARING_WHAT.test(text) && /\bwearing\s*[?.!]*$/.test(text);
  if (openQuestion && people.length > 1) {
    const group = groupClothesAnswer(people);
    if (group) return group;
  }
  const colours = openQuestion && person.clothes ? clothesColoursAnswer(person, person.clothes) : undefined;
  if (colours) return colours;
  if (!label) {
    // Never echo the asked claim ("… is wearing shoes") in a sentence that cannot back it.
    return `I can't tell: none of my models has a class for ${words.join(' ') || 'clothes'}, and the colour of ${theEntity(person)}'s mask doesn't say what is worn.`;
  }
  const worn = [...facts.entities, ...facts.uncertain]
    .filter((e) => e.label === label && inside(e, person))
    .sort((a, b) => (b.score ?? 1) - (a.score ?? 1));
  if (!worn.length) return `No, I don't think so: the detector found no ${label} on ${theEntity(person)}.`;
  // A yes needs a detection sure enough to state, as everywhere (STATE_MIN_SCORE); weaker ones are hedged.
  const best = worn[0];
  const score = best.score ?? 1;
  const found = `the detector found a ${label} on ${theEntity(person)}`;
  if (score >= STATE_MIN_SCORE) return `Yes: ${found}.`;
  if (score >= WEAK_MENTION_SCORE) return `Possibly: ${found}, but it is unsure (${score.toFixed(2)}).`;
  return `I can't tell: the detector's only sign of a ${label} on ${theEntity(person)} is too weak to go on (${score.toFixed(2)}).`;
}
