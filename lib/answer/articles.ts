/** "a car", "an airplane": the indefinite article by the word's first letter (no imports: every answer module may use it). */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
