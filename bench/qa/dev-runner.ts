/**
 * Runs ../shared/qa/dev.json through the built-in answerer on the real pipeline: each photo analysed once
 * (runAnalysis, like the analyze route), its text read with the same OCR and filter the chat route uses when a
 * question asks for text, then each item's conversation (history first, the app's own answers kept in the
 * message list) answered and judged by dev-scorer.ts. `cacheDir` (dev only, bench/qa-dev.ts) keeps analysed
 * scenes on disk so answer changes re-run in seconds; the test never uses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Tag } from '@/lib/shared/analysis';
import type { ChatMessage, LinkSpan } from '@/lib/shared/chat';
import { composeLinkedAnswer } from '@/lib/answer/builtin/answer-builtin';
import type { TextInput } from '@/lib/answer/types';
import { decodeImage } from '@/lib/image/decode';
import { readText } from '@/lib/models/ppocr';
import { runAnalysis } from '@/lib/analysis/orchestrator';
import { graphOf } from '@/lib/scene/graph/build';
import type { SceneGraph } from '@/lib/scene/graph/types';
import { legibleText, questionWantsText } from '@/lib/answer/scene-text';
import { downscaleForStorage } from '@/lib/image/downscale';
import { judgeLink, judgeText, type DevItem } from './dev-scorer';

export const QA_DIR = path.resolve(process.cwd(), '..', 'shared', 'qa');
/** The UI's default score slider, as in harness.ts. */
const THRESHOLD = 0.3;

export interface AnalysedPhoto {
  resultId: string;
  graph: SceneGraph;
  /** OCR of the stored ≤ 1024 px copy, boxes in original pixels: given to answers once a question wants text. */
  texts: TextInput[];
  /** The whole-image tags (ImageNet classes, scene words) the analysis showed. */
  tags: Tag[];
}

export interface DevResult {
  item: DevItem;
  answer: string;
  right: boolean;
  /** null when the item has no link. */
  linkRight: boolean | null;
  problems: string[];
  ms: number;
}

export function loadDevItems(): DevItem[] {
  return JSON.parse(fs.readFileSync(path.join(QA_DIR, 'dev.json'), 'utf8')) as DevItem[];
}

async function analyse(file: string): Promise<AnalysedPhoto> {
  const decoded = await decodeImage(new Uint8Array(fs.readFileSync(file)));
  const id = path.basename(file);
  const scene = await runAnalysis({ image: { decoded, decodeMs: 0 } }, id, () => {}, new AbortController().signal);
  // The chat route reads the stored, downscaled copy (scene-text.ts → worker): the same here.
  const stored = await downscaleForStorage(decoded);
  const sx = decoded.width / stored.width;
  const sy = decoded.height / stored.height;
  const regions = legibleText(await readText(stored));
  const texts = regions.map((r) => ({
    text: r.text,
    confidence: r.confidence,
    box: [r.box[0] * sx, r.box[1] * sy, r.box[2] * sx, r.box[3] * sy] as TextInput['box'],
  }));
  return { resultId: scene.resultId, graph: graphOf(scene), texts, tags: scene.tags };
}

const photos = new Map<string, Promise<AnalysedPhoto>>();

export function photoFor(image: string, cacheDir?: string): Promise<AnalysedPhoto> {
  const file = path.resolve(QA_DIR, image);
  if (!photos.has(file)) {
    photos.set(
      file,
      (async () => {
        const cached = cacheDir && path.join(cacheDir, `${path.basename(file)}.json`);
        if (cached && fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as AnalysedPhoto;
        const photo = await analyse(file);
        if (cached) {
          fs.mkdirSync(cacheDir!, { recursive: true });
          fs.writeFileSync(cached, JSON.stringify(photo));
        }
        return photo;
      })(),
    );
  }
  return photos.get(file)!;
}

export async function runItem(item: DevItem, cacheDir?: string): Promise<DevResult> {
  const photo = await photoFor(item.image, cacheDir);
  const messages: ChatMessage[] = [];
  let texts: TextInput[] | undefined;
  let answer = { text: '', spans: [] as LinkSpan[] };
  let ms = 0;
  for (const question of [...(item.history ?? []), item.question]) {
    messages.push({ role: 'user', content: question });
    // Once a question has made the route read the text, the scene keeps it for the rest of the conversation.
    if (!texts && questionWantsText(question)) texts = photo.texts;
    const t0 = performance.now();
    answer = composeLinkedAnswer(
      { resultId: photo.resultId, graph: photo.graph, threshold: THRESHOLD, texts, tags: photo.tags },
      messages,
    );
    ms = performance.now() - t0;
    messages.push({ role: 'assistant', content: answer.text });
  }
  const text = judgeText(answer.text, item);
  const boxes = new Map(photo.graph.nodes.map((n) => [n.id, n.box]));
  const link = item.link ? judgeLink(answer.text, answer.spans, (id) => boxes.get(id), item.link) : null;
  const problems = [...text.problems, ...(link?.problem ? [link.problem] : [])];
  return {
    item,
    answer: answer.text,
    right: text.ok && (link?.ok ?? true),
    linkRight: link ? link.ok : null,
    problems,
    ms,
  };
}

export interface FamilyRow {
  family: string;
  right: number;
  total: number;
  linksRight: number;
  links: number;
}

export function tableOf(results: DevResult[]): { rows: FamilyRow[]; all: FamilyRow } {
  const rows = new Map<string, FamilyRow>();
  const all: FamilyRow = { family: 'all', right: 0, total: 0, linksRight: 0, links: 0 };
  for (const r of results) {
    const row = rows.get(r.item.family) ?? { family: r.item.family, right: 0, total: 0, linksRight: 0, links: 0 };
    rows.set(r.item.family, row);
    for (const x of [row, all]) {
      x.total++;
      if (r.right) x.right++;
      if (r.linkRight !== null) {
        x.links++;
        if (r.linkRight) x.linksRight++;
      }
    }
  }
  return { rows: [...rows.values()].sort((a, b) => a.family.localeCompare(b.family)), all };
}

export function formatTable(results: DevResult[]): string {
  const { rows, all } = tableOf(results);
  const line = (r: FamilyRow) =>
    `| ${r.family.padEnd(16)} | ${`${r.right}/${r.total}`.padStart(7)} | ${`${Math.round((100 * r.right) / r.total)} %`.padStart(5)} | ${(r.links ? `${r.linksRight}/${r.links}` : '–').padStart(6)} |`;
  return ['| family           |   right |     % |  links |', '|---|---:|---:|---:|', ...rows.map(line), line(all)].join(
    '\n',
  );
}
