/**
 * The sentence shapes that pick a question's kind, kept apart from the answers they lead to so that the classifier
 * (classify-question.ts) and the composers (compose-*.ts) can both read them without importing each other.
 */

export const VERIFY_RELATION =
  /^(?:is|are) (?:the |a |an |any |there (?:a |an |any )?)?([a-z' -]+?) (on top of|on|in front of|behind|next to|beside|near|under|below|inside|in) (?:the |a |an |some |any )?([a-z' -]+?)\W*$/;

export const WEARING =
  /^(?:is|are|does|do) (?:he|she|they|it|the [a-z' ]+?|[a-z]+) (?:wearing|wear|dressed in|have on|has on|carrying)\s+(?:an? |any |some |the )?([a-z][a-z -]*?)\s*[?.!]*$/;

/** "who is X" asks about a person and what they do or where they are; "who is he" stays unanswerable. */
export const WHO = /^who(?:'s| is| are|s)\b/;
