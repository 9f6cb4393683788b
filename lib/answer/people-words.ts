/**
 * Words for people by sex and by age. General knowledge about the words, not about any photo: a woman is an
 * adult and a girl a child whatever the picture shows, while no model here tells men from women.
 */

/** Nouns that say a person's sex. */
export const GENDERED =
  /\b(man|men|woman|women|boy|boys|girl|girls|lady|ladies|guy|guys|gentleman|husband|wife|mother|father)\b/;

const ADULTS =
  /\b(man|men|woman|women|lady|ladies|gentleman|gentlemen|adult|adults|mother|father|mum|mom|dad|husband|wife|grandmother|grandfather|grandma|grandpa|granny)\b/;
const CHILDREN =
  /\b(girl|girls|boy|boys|child|children|kid|kids|baby|babies|toddler|toddlers|infant|youngster|son|daughter)\b/;

/**
 * "Who is older, the woman or the girl?", "Is the boy younger than his father?": answered from the nouns alone
 * when one names an adult and the other a child, and saying so. Undefined for any other question about age.
 */
export function ageByWords(question: string): string | undefined {
  const asked = /\b(older|younger|oldest|youngest)\b/.exec(question)?.[1];
  const adult = ADULTS.exec(question);
  const child = CHILDREN.exec(question);
  if (!asked || !adult || !child) return undefined;
  const wantsOlder = asked.startsWith('old');
  const because = `going by the words alone: ${kindOf(adult[1], 'an adult', 'adults')} and ${kindOf(child[1], 'a child', 'children')}. I can't judge ages from the photo itself.`;
  if (/^(is|are|was|were)\b/.test(question.trim())) {
    const firstIsAdult = adult.index < child.index;
    return `${firstIsAdult === wantsOlder ? 'Yes' : 'No'}, ${because}`;
  }
  return `The ${wantsOlder ? adult[1] : child[1]}, ${because}`;
}

/** "a woman is an adult", "men are adults". */
function kindOf(word: string, one: string, many: string): string {
  return /(s|men|ren)$/.test(word) ? `${word} are ${many}` : `a ${word} is ${one}`;
}

const SINGULAR: Readonly<Record<string, string>> = {
  men: 'man',
  women: 'woman',
  boys: 'boy',
  girls: 'girl',
  ladies: 'lady',
  guys: 'guy',
};

/**
 * "Is there a kid?", "is there a woman?": the people are there, but which of them is a child or a woman no
 * model tells. The caveat an answer about such a word owes, or undefined for plain "person", "people".
 */
export function personWordCaveat(word: string, many: boolean): string | undefined {
  const any = many ? 'any of them is' : 'that is';
  if (CHILDREN.test(word)) return `I can't tell whether ${any} a child: my models don't see age.`;
  if (GENDERED.test(word))
    return `I can't tell whether ${any} a ${SINGULAR[word] ?? word}: my models don't tell men from women.`;
  if (ADULTS.test(word)) return `I can't tell whether ${any} an adult: my models don't see age.`;
  return undefined;
}

/**
 * "Are there more men than women?", "more kids or adults?": a comparison between kinds of people no model tells
 * apart. The reason to say before the count of everyone, or undefined when the words compare no such kinds.
 */
export function peopleKindsCaveat(question: string): string | undefined {
  if (MALE.test(question) && FEMALE.test(question))
    return "I can't tell men from women: my models see people, not their sex.";
  if (CHILDREN.test(question) || ADULTS.test(question))
    return "I can't tell children from adults: my models see people, not their age.";
  return undefined;
}

const MALE = /\b(man|men|boys?|guys?|gentlem[ae]n|husbands?|fathers?|sons?)\b/;
const FEMALE = /\b(wom[ae]n|girls?|lad(y|ies)|wi(fe|ves)|mothers?|daughters?)\b/;
