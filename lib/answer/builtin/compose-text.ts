/**
 * Answers "what does the sign say?" from the text PP-OCRv4 read, in reading order with where each line is.
 * OCR runs only when a question asks about text (see the chat route), so `facts.texts` is undefined when it
 * did not run and [] when it ran and found nothing legible.
 */
import type { TextInput } from '../types';
import { describePosition, horizontalZone, verticalZone, type EntityFacts } from '../scene-facts';
import type { ComposeContext } from './compose-overview';
import { capitalize, joinList, moreLines, pick, theEntity } from './phrasing';
import { narrowInstances, readCues } from '../../lexicon/instances';
import { cannotAnswer } from './compose-talk';

/** Lines read with less confidence are mentioned as uncertain rather than quoted as fact. */
const SURE_CONFIDENCE = 0.8;
const MAX_LINES = 8;

/** Vehicles that carry a destination sign. */
const SIGNED_VEHICLES = new Set(['bus', 'train']);

export function textAnswer(ctx: ComposeContext): string {
  const { facts, seed } = ctx;
  if (ctx.question.destination) return destinationAnswer(ctx);
  if (!facts.texts) return 'I have not read the text in this image; ask again once the text reader has run.';
  if (facts.texts.length === 0) return 'I found no legible text in this image (text reader: PP-OCRv4).';
  // "What does the big sign on the left say?": the lines on that thing, read as one text, not every line in view.
  const on = ctx.question.targets.length === 1 ? ctx.question.targets[0] : signAsked(ctx);
  const lines = on ? facts.texts.filter((t) => centreWithin(t, on)) : [];
  if (on && lines.length)
    return `${capitalize(theEntity(on))} reads "${readingOrder(lines).join(' ')}"${lines.some((l) => l.confidence < SURE_CONFIDENCE) ? ' (partly uncertain)' : ''}. (Read by PP-OCRv4; small or stylised lettering may be missed.)`;
  // "What does the cake say?" with nothing written on the cake: not the lines elsewhere passed off as its text.
  const elsewhere = on ? `I found no legible text on ${theEntity(on)}. Elsewhere, ` : '';
  const all = facts.texts.slice(0, MAX_LINES).map((line) => {
    const [x, y, w, h] = line.box;
    const where = describePosition(horizontalZone(x + w / 2, facts.width), verticalZone(y + h / 2, facts.height));
    return `"${line.text}" ${where}${line.confidence < SURE_CONFIDENCE ? ' (uncertain)' : ''}`;
  });
  const extra = facts.texts.length - MAX_LINES;
  const more = extra > 0 ? `, and ${moreLines(extra)}` : '';
  const opener = elsewhere
    ? `${elsewhere}the text reader found`
    : pick(['The text I can read:', 'Reading the image, I find', 'The visible text says'], seed, 'text');
  return `${opener} ${joinList(all)}${more}. (Read by PP-OCRv4; small or stylised lettering may be missed.)`;
}

function centreWithin(line: TextInput, entity: EntityFacts): boolean {
  const [x, y, w, h] = line.box;
  const [ex, ey, ew, eh] = entity.box;
  return x + w / 2 >= ex && x + w / 2 <= ex + ew && y + h / 2 >= ey && y + h / 2 <= ey + eh;
}

/** Top to bottom, and left to right within a row (lines whose vertical middles lie within half a line height). */
function readingOrder(lines: TextInput[]): string[] {
  const sorted = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  const rows: TextInput[][] = [];
  for (const line of sorted) {
    const row = rows[rows.length - 1];
    const mid = (l: TextInput) => l.box[1] + l.box[3] / 2;
    if (row && Math.abs(mid(row[0]) - mid(line)) < row[0].box[3] / 2) row.push(line);
    else rows.push([line]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box[0] - b.box[0]).map((l) => l.text));
}

/** ADE20K's classes for things made to carry writing. */
const WRITING_CARRIERS = new Set(['signboard', 'poster', 'bulletin board', 'screen', 'blackboard']);

/**
 * "The sign" is no detector class and so no target of its own: the segmenter's sign-like regions, singled out by
 * the question's cues ("the big sign on the left"), when exactly one fits.
 */
function signAsked(ctx: ComposeContext): EntityFacts | undefined {
  const text = ctx.question.question.toLowerCase();
  if (!/\b(sign|signs|board|billboard|poster|banner|placard|notice)\b/.test(text)) return undefined;
  // "the sign above it" is another sign than the one meant before, which this region lookup cannot single out.
  if (/\b(above|over|below|under|beneath|next to|beside) (it|that|this|them)\b/.test(text)) return undefined;
  const carriers = [...ctx.facts.entities, ...ctx.facts.stuff].filter((e) => WRITING_CARRIERS.has(e.label));
  const narrowed = carriers.length > 1 ? narrowInstances(carriers, readCues(text)) : carriers;
  return narrowed.length === 1 ? narrowed[0] : undefined;
}

/** "Where is it going?" about a bus or train: what its sign reads, said as the sign's words, not as a fact. */
function destinationAnswer(ctx: ComposeContext): string {
  const vehicle = ctx.question.targets.find((t) => SIGNED_VEHICLES.has(t.label));
  const lines = vehicle && ctx.facts.texts ? ctx.facts.texts.filter((t) => centreWithin(t, vehicle)) : [];
  if (!vehicle || !lines.length) return cannotAnswer(ctx);
  return `${capitalize(theEntity(vehicle))}'s sign reads "${readingOrder(lines).join(' ')}", which is most likely where it is going. (Read by PP-OCRv4; small or stylised lettering may be missed.)`;
}
