/**
 * Entity citations in an endpoint's answer. The system prompt lists the entities with ids and asks the model
 * to cite them as `[the red car](e3)`; this filter strips that markup from the visible text as it streams and
 * records a link for each citation (method "cited"). Markup split across deltas is held back until it either
 * completes or proves not to be markup (then it is shown as written). Unknown ids are dropped: the text stays,
 * unlinked, and the matcher may still link it afterwards.
 */
import type { LinkSpan } from '@/lib/shared/chat';

export const CITED = 'cited';
const MAX_CITATION_TEXT = 200;
const COMPLETE = /^\[([^[\]\n]{1,200})\]\(\s*([a-z]+\d+(?:\s*,\s*[a-z]+\d+)*)\s*\)/i;
/** What a citation looks like before its end has arrived. */
const PREFIX = /^\[[^[\]\n]{0,200}(?:\](?:\([a-z0-9,\s]*)?)?$/i;

export class CitationStreamFilter {
  private pending = '';
  private shown = 0;
  readonly spans: LinkSpan[] = [];

  constructor(private readonly knownIds: ReadonlySet<string>) {}

  /** Feed a delta; returns the text that may be shown now. */
  push(delta: string): string {
    this.pending += delta;
    let out = '';
    for (;;) {
      const open = this.pending.indexOf('[');
      if (open === -1) {
        out += this.pending;
        this.pending = '';
        break;
      }
      out += this.pending.slice(0, open);
      this.pending = this.pending.slice(open);
      const match = COMPLETE.exec(this.pending);
      if (match) {
        out += this.cite(match[1], match[2], this.shown + out.length);
        this.pending = this.pending.slice(match[0].length);
        continue;
      }
      if (PREFIX.test(this.pending) && this.pending.length <= MAX_CITATION_TEXT + 40) break; // wait for more
      out += '[';
      this.pending = this.pending.slice(1);
    }
    this.shown += out.length;
    return out;
  }

  /** End of the answer: whatever was held back, as written. */
  finish(): string {
    const rest = this.pending;
    this.pending = '';
    this.shown += rest.length;
    return rest;
  }

  private cite(text: string, idList: string, start: number): string {
    const entityIds = [...new Set(idList.split(',').map((id) => id.trim().toLowerCase()))].filter((id) =>
      this.knownIds.has(id),
    );
    if (entityIds.length) this.spans.push({ start, end: start + text.length, entityIds, method: CITED, text });
    return text;
  }
}
