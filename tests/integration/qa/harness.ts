/**
 * Runs the question–answer set: the real analysis pipeline once per photo (scenes cached for the run), then
 * each case's conversation through the built-in answerer, checked for its expected facts, forbidden claims and
 * expected links. Boxes in the cases are fractions of the image, [x, y, w, h], written from looking at the
 * photos; a linked entity counts as the expected one when its box has IoU ≥ 0.5 with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Box } from '@/lib/shared/analysis';
import type { ChatMessage, LinkSpan } from '@/lib/shared/chat';
import { composeLinkedAnswer } from '@/lib/answer/builtin/answer-builtin';
import { decodeImage } from '@/lib/image/decode';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { boxIou } from '@/lib/shared/box';
import { graphOf } from '@/lib/scene/graph/build';
import type { Scene } from '@/lib/scene/types';

export const IMAGES = path.resolve(process.cwd(), '..', 'shared', 'samples', 'images');
export const CLIPS = path.resolve(process.cwd(), '..', 'shared', 'samples', 'audio');
/** The UI's default score slider (components/analysis/AnalysisProvider.tsx). */
export const THRESHOLD = 0.3;
export const LINK_MIN_IOU = 0.5;

export interface ExpectedLink {
  /** The linked phrase. */
  text: RegExp;
  /** Fractions of the image; the span must link exactly these (one entity per box). */
  boxes: Box[];
}

export interface QaCase {
  image: string;
  /** A sound clip analysed with the photo (file name in the samples' audio folder). */
  audio?: string;
  /** The user's turns; the answerer's own answers are put between them. */
  ask: string[];
  facts?: RegExp[];
  forbid?: RegExp[];
  links?: ExpectedLink[];
  /** The answer must link nothing (answers about what cannot be known). */
  noLinks?: boolean;
  /** Depends on stuff regions, fine names or sound events, which other stages add: skipped when the scene has none. */
  needs?: 'stuff' | 'fineName' | 'soundEvents';
}

export interface QaResult {
  name: string;
  answer: string;
  problems: string[];
  wrongLinks: number;
  skipped: boolean;
}

const scenes = new Map<string, Promise<Scene>>();

export function sceneFor(image: string, clip?: string): Promise<Scene> {
  const file = fs.readdirSync(IMAGES).find((f) => f.startsWith(image));
  if (!file) throw new Error(`no sample image ${image}`);
  const key = `${file}|${clip ?? ''}`;
  if (!scenes.has(key)) {
    scenes.set(
      key,
      (async () => {
        const decoded = await decodeImage(new Uint8Array(fs.readFileSync(path.join(IMAGES, file))));
        const audio = clip ? new Uint8Array(fs.readFileSync(path.join(CLIPS, clip))) : undefined;
        return runAnalysis({ image: { decoded, decodeMs: 0 }, audio }, key, () => {}, new AbortController().signal);
      })(),
    );
  }
  return scenes.get(key)!;
}

function toPixels(box: Box, width: number, height: number): Box {
  return [box[0] * width, box[1] * height, box[2] * width, box[3] * height];
}

function checkLinks(expected: ExpectedLink[], spans: LinkSpan[], scene: Scene, problems: string[]): number {
  const boxOf = new Map(scene.entities.map((e) => [e.id, e.box]));
  const { width, height } = scene.image!;
  let wrong = 0;
  for (const link of expected) {
    const span = spans.find((s) => link.text.test(s.text));
    if (!span) {
      problems.push(`no link for ${link.text}`);
      continue;
    }
    const want = link.boxes.map((b) => toPixels(b, width, height));
    const unmatched = span.entityIds.filter((id) => !want.some((w) => boxIou(boxOf.get(id)!, w) >= LINK_MIN_IOU));
    if (unmatched.length) {
      wrong += unmatched.length;
      problems.push(`"${span.text}" links ${unmatched.join(', ')}, which it does not mean`);
    }
    const missing = want.filter((w) => !span.entityIds.some((id) => boxIou(boxOf.get(id)!, w) >= LINK_MIN_IOU));
    if (missing.length) problems.push(`"${span.text}" misses ${missing.length} of the ${want.length} things it means`);
  }
  return wrong;
}

export async function runCase(qa: QaCase, index: number): Promise<QaResult> {
  const scene = await sceneFor(qa.image, qa.audio);
  const name = `${qa.image}${qa.audio ? ` + ${qa.audio}` : ''} #${index}: ${qa.ask.join(' / ')}`;
  const graph = graphOf(scene);
  const hasStuff = graph.nodes.some((n) => n.kind === 'stuff');
  const hasFine = graph.nodes.some((n) => n.fineName);
  const hasEvents = (graph.sound?.events.length ?? 0) > 0;
  if (
    (qa.needs === 'stuff' && !hasStuff) ||
    (qa.needs === 'fineName' && !hasFine) ||
    (qa.needs === 'soundEvents' && !hasEvents)
  ) {
    return { name, answer: '', problems: [], wrongLinks: 0, skipped: true };
  }
  const input = { resultId: scene.resultId, graph, threshold: THRESHOLD, texts: scene.texts };
  const messages: ChatMessage[] = [];
  let answer = { text: '', spans: [] as LinkSpan[] };
  for (const question of qa.ask) {
    messages.push({ role: 'user', content: question });
    answer = composeLinkedAnswer(input, messages);
    messages.push({ role: 'assistant', content: answer.text });
  }
  const problems: string[] = [];
  for (const fact of qa.facts ?? []) if (!fact.test(answer.text)) problems.push(`missing ${fact}`);
  for (const claim of qa.forbid ?? []) if (claim.test(answer.text)) problems.push(`says ${claim}`);
  if (qa.noLinks && answer.spans.length) problems.push(`links ${answer.spans.map((s) => `"${s.text}"`).join(', ')}`);
  const wrongLinks = checkLinks(qa.links ?? [], answer.spans, scene, problems);
  return { name, answer: answer.text, problems, wrongLinks, skipped: false };
}
