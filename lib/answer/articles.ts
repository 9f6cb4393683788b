/** Things that come in pairs and take "a pair of": COCO's skis and scissors, and clothes like them. */
const PAIRS = new Set(['skis', 'scissors', 'glasses', 'sunglasses', 'trousers', 'jeans', 'shorts', 'pants']);

/**
 * "a car", "an airplane", "a pair of skis": the indefinite article by the word's first letter (no imports:
 * every answer module may use it).
 */
export function withArticle(phrase: string): string {
  if (PAIRS.has(phrase.split(' ').pop() ?? '')) return `a pair of ${phrase}`;
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
