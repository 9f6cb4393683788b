/**
 * Answers "what does the sign say?" from the text PP-OCRv4 read, in reading order with where each line is.
 * OCR runs only when a question asks about text (see the chat route), so `facts.texts` is undefined when it
 * did not run and [] when it ran and found nothing legible.
 */
import { describePosition, horizontalZone, verticalZone } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { joinList, pick } from './phrasing';

/** Lines read with less confidence are mentioned as uncertain rather than quoted as fact. */
const SURE_CONFIDENCE = 0.8;
const MAX_LINES = 8;

export function textAnswer(ctx: ComposeContext): string {
  const { facts, seed } = ctx;
  if (!facts.texts) return 'I have not read the text in this image; ask again once the text reader has run.';
  if (facts.texts.length === 0) return 'I found no legible text in this image (text reader: PP-OCRv4).';
  const lines = facts.texts.slice(0, MAX_LINES).map((line) => {
    const [x, y, w, h] = line.box;
    const where = describePosition(horizontalZone(x + w / 2, facts.width), verticalZone(y + h / 2, facts.height));
    return `"${line.text}" ${where}${line.confidence < SURE_CONFIDENCE ? ' (uncertain)' : ''}`;
  });
  const more = facts.texts.length > MAX_LINES ? `, and ${facts.texts.length - MAX_LINES} more lines` : '';
  const opener = pick(['The text I can read:', 'Reading the image, I find', 'The visible text says'], seed, 'text');
  return `${opener} ${joinList(lines)}${more}. (Read by PP-OCRv4; small or stylised lettering may be missed.)`;
}
