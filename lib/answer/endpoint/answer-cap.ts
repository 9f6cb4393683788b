/**
 * How much of an endpoint's answer is read. Everything read is later matched by the NLP model, whose cost
 * grows with the text and, inside one of wink-nlp's regular expressions, with the square of a word's length
 * (an 80,000-character word took 3.9 s): so the answer is capped in characters, words and the longest word,
 * whatever the server sends or claims. `maxTokens` becomes characters here (servers differ in what a
 * streamed chunk holds, and a chunk can be megabytes), at a generous CHARS_PER_TOKEN.
 */

/** English averages about 4 characters a token; 6 leaves room for long words and markup. */
export const CHARS_PER_TOKEN = 6;
/** The most characters read from one answer: 4096 tokens (the form's maximum) at CHARS_PER_TOKEN. */
export const MAX_ANSWER_CHARS = 4096 * CHARS_PER_TOKEN;
/** The most words: an answer of CHARS_PER_TOKEN characters a word would already end at MAX_ANSWER_CHARS. */
export const MAX_ANSWER_WORDS = 4096;
/** The longest run without white space that is read: far above any word, URL or grounding box list line. */
export const MAX_WORD_CHARS = 512;

export interface CapLimits {
  maxChars: number;
  maxWords: number;
  maxWordChars: number;
}

export function capLimits(maxTokens: number | undefined): CapLimits {
  const maxChars = Math.min(MAX_ANSWER_CHARS, (maxTokens ?? Infinity) * CHARS_PER_TOKEN);
  return { maxChars, maxWords: MAX_ANSWER_WORDS, maxWordChars: MAX_WORD_CHARS };
}

/** Feeds deltas through the limits: `push` returns the part that may be read and whether reading must stop. */
export class AnswerCap {
  private chars = 0;
  private words = 0;
  private wordChars = 0;

  constructor(private readonly limits: CapLimits) {}

  push(delta: string): { text: string; stop: boolean } {
    const { maxChars, maxWords, maxWordChars } = this.limits;
    for (let i = 0; i < delta.length; i++) {
      if (this.chars >= maxChars) return { text: delta.slice(0, i), stop: true };
      const space = /\s/.test(delta[i]);
      if (space) this.wordChars = 0;
      else if (this.wordChars++ === 0 && ++this.words > maxWords) return { text: delta.slice(0, i), stop: true };
      if (this.wordChars > maxWordChars) return { text: delta.slice(0, i), stop: true };
      this.chars++;
    }
    return { text: delta, stop: this.chars >= maxChars };
  }
}
